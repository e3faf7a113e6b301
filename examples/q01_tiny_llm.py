"""Q1: the LLM pipeline in miniature: BPE -> embeddings -> causal Transformer -> decoding."""
import random
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F

DIM, HEADS, LAYERS, CONTEXT = 32, 2, 2, 24


def make_corpus(rng, n):
    """Sentences from a tiny grammar with subject-verb agreement ('the cat sees', 'cats see')."""
    nouns, verbs = ["cat", "dog", "bird"], ["see", "like", "chase"]
    out = []
    for _ in range(n):
        plural = rng.random() < 0.5
        noun, verb = rng.choice(nouns), rng.choice(verbs)
        subj = noun + "s" if plural else noun
        verb = verb if plural else verb + "s"
        out.append(f"the {subj} {verb} {rng.choice(['the', 'a'])} {rng.choice(nouns)} .")
    return out


def merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if tuple(symbols[i:i + 2]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def learn_bpe(word_freq, n_merges):
    """Sennrich et al. (2016): repeatedly merge the most frequent adjacent symbol pair."""
    words = {tuple(w) + ("</w>",): f for w, f in word_freq.items()}
    merges = []
    for _ in range(n_merges):
        pairs = Counter()
        for symbols, f in words.items():
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += f
        if not pairs:
            break
        best = max(pairs, key=lambda p: (pairs[p], p))  # ties broken deterministically
        merges.append(best)
        words = {merge(s, best): f for s, f in words.items()}
    return merges


def bpe_encode(word, merges):
    symbols = tuple(word) + ("</w>",)
    for pair in merges:
        symbols = merge(symbols, pair)
    return list(symbols)


class TinyGPT(nn.Module):
    """Token + position embeddings, causal Transformer blocks, a linear head to the vocabulary."""

    def __init__(self, vocab):
        super().__init__()
        self.tok, self.pos = nn.Embedding(vocab, DIM), nn.Embedding(CONTEXT, DIM)
        layer = nn.TransformerEncoderLayer(DIM, HEADS, 4 * DIM, dropout=0.0,
                                           batch_first=True, norm_first=True)
        self.blocks = nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)
        self.ln, self.head = nn.LayerNorm(DIM), nn.Linear(DIM, vocab)

    def forward(self, idx):
        t = idx.shape[1]
        mask = nn.Transformer.generate_square_subsequent_mask(t)  # causal: no peeking ahead
        x = self.tok(idx) + self.pos(torch.arange(t))
        return self.head(self.ln(self.blocks(x, mask=mask, is_causal=True)))


def next_token(logits, gen, temperature=1.0, top_k=None, top_p=None):
    """Greedy if temperature == 0, else sample after temperature, top-k and top-p filtering."""
    if temperature == 0:
        return int(logits.argmax())
    logits = logits / temperature
    if top_k is not None:
        kth = logits.topk(top_k).values[-1]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p is not None:  # nucleus: smallest set of tokens whose probability reaches top_p
        probs, order = logits.softmax(-1).sort(descending=True)
        drop = probs.cumsum(-1) - probs >= top_p
        logits[order[drop]] = float("-inf")
    return int(torch.multinomial(logits.softmax(-1), 1, generator=gen))


@torch.no_grad()
def generate(model, ids, n_new, gen, **how):
    ids = list(ids)
    for _ in range(n_new):
        logits = model(torch.tensor([ids[-CONTEXT:]]))[0, -1]
        ids.append(next_token(logits, gen, **how))
    return ids


def main() -> dict:
    torch.set_num_threads(1)  # tiny tensors: one thread is fastest and reproducible
    torch.manual_seed(0)
    rng = random.Random(0)
    sentences = make_corpus(rng, 3000)

    # 1. Tokenization: learn BPE merges from word frequencies, then encode the corpus.
    word_freq = Counter(w for s in sentences for w in s.split())
    merges = learn_bpe(word_freq, 30)
    pieces = [p for s in sentences for w in s.split() for p in bpe_encode(w, merges)]
    vocab = sorted(set(pieces) | {c for w in word_freq for c in w})
    stoi = {p: i for i, p in enumerate(vocab)}
    data = torch.tensor([stoi[p] for p in pieces])
    unseen = bpe_encode("liked", merges)
    print(f"BPE: {len(merges)} merges, vocabulary {len(vocab)} tokens, corpus {len(data)} tokens")
    print(f"first 3 merges: {merges[:3]}")
    print(f"unseen word 'liked' -> {unseen}")

    # 2. Pretraining: next-token prediction with cross-entropy.
    model = TinyGPT(len(vocab))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.01)
    gen = torch.Generator().manual_seed(0)
    losses = []
    for _ in range(200):
        starts = torch.randint(0, len(data) - CONTEXT - 1, (24,), generator=gen)
        chunk = torch.stack([data[s:s + CONTEXT + 1] for s in starts.tolist()])
        logits = model(chunk[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, len(vocab)), chunk[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    model.eval()
    print(f"params {sum(p.numel() for p in model.parameters()):,}; cross-entropy "
          f"{losses[0]:.4f} -> {losses[-1]:.4f} (uniform guess ln V = "
          f"{torch.log(torch.tensor(float(len(vocab)))):.4f})")

    # 3. Inference: autoregressive decoding with different strategies.
    prompt = [stoi[p] for w in ["the", "cats"] for p in bpe_encode(w, merges)]
    with torch.no_grad():
        probs = model(torch.tensor([prompt]))[0, -1].softmax(-1)
    top = probs.topk(3)
    top_next = [(vocab[i], p) for p, i in zip(top.values.tolist(), top.indices.tolist())]
    print("P(next | 'the cats'): " + ", ".join(f"{t!r} {p:.4f}" for t, p in top_next))
    # "se" begins both "see" and "sees": the verb's number is settled by the piece after it
    with torch.no_grad():
        after_se = model(torch.tensor([prompt + [stoi["se"]]]))[0, -1].softmax(-1)
    see_vs_sees = {piece: after_se[stoi[piece]].item() for piece in ("e</w>", "es</w>")}
    print("P(next | 'the cats se'): " + ", ".join(f"{t!r} {p:.4f}" for t, p in see_vs_sees.items()))

    def text(ids):
        return "".join(vocab[i] for i in ids).replace("</w>", " ").strip()

    outputs = {}
    for name, how in [("greedy", {"temperature": 0}),
                      ("T=0.8, top-k=5", {"temperature": 0.8, "top_k": 5}),
                      ("T=1.0, top-p=0.9", {"temperature": 1.0, "top_p": 0.9})]:
        outputs[name] = text(generate(model, prompt, 12, gen, **how))
        print(f"{name:>17}: {outputs[name]}")
    return {"loss_first": losses[0], "loss_last": losses[-1], "vocab_size": len(vocab),
            "unseen": unseen, "outputs": outputs, "next_token": next_token,
            "top_next": top_next, "see_vs_sees": see_vs_sees}


if __name__ == "__main__":
    main()

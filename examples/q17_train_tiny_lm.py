"""Q17: pretrain a tiny character-level causal Transformer by next-token prediction."""
import math

import torch
import torch.nn.functional as F
from torch import nn

SUBJECTS = ["the cat", "a dog", "my bird", "the fox"]
VERBS = ["sees", "likes", "chases", "finds"]
OBJECTS = ["the ball.", "a red box.", "the moon.", "some milk."]


def make_text(n_sentences: int, gen: torch.Generator) -> str:
    """Synthetic corpus: random subject-verb-object sentences, one after another."""
    out = []
    for _ in range(n_sentences):
        s, v, o = torch.randint(0, 4, (3,), generator=gen).tolist()
        out.append(f"{SUBJECTS[s]} {VERBS[v]} {OBJECTS[o]} ")
    return "".join(out)


class TinyGPT(nn.Module):
    """Token + position embeddings, pre-LN causal Transformer block(s), LM head."""

    def __init__(self, vocab: int, ctx: int, d: int = 32, heads: int = 4, layers: int = 1):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(ctx, d)
        block = nn.TransformerEncoderLayer(d, heads, 4 * d, dropout=0.0,
                                           batch_first=True, norm_first=True)
        self.blocks = nn.TransformerEncoder(block, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        t = idx.shape[1]
        h = self.tok(idx) + self.pos(torch.arange(t))
        mask = nn.Transformer.generate_square_subsequent_mask(t)  # position i sees only <= i
        h = self.blocks(h, mask=mask, is_causal=True)
        return self.head(self.norm(h))  # logits, shape (B, T, V)


def get_batch(data: torch.Tensor, ctx: int, bs: int, gen: torch.Generator):
    """Random windows of the packed token stream; y is x shifted left by one token."""
    starts = torch.randint(0, len(data) - ctx - 1, (bs,), generator=gen).tolist()
    x = torch.stack([data[s:s + ctx] for s in starts])
    y = torch.stack([data[s + 1:s + ctx + 1] for s in starts])
    return x, y


def main() -> dict:
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    text = make_text(3000, gen)
    chars = sorted(set(text))  # character-level "tokenizer"
    stoi = {c: i for i, c in enumerate(chars)}
    data = torch.tensor([stoi[c] for c in text])
    split = int(0.9 * len(data))
    train, val = data[:split], data[split:]
    vocab, ctx, bs, steps, warmup = len(chars), 32, 16, 250, 25

    # 3 uniform choices of 4 per sentence: the best achievable loss per character
    mean_len = sum(sum(map(len, w)) / 4 for w in (SUBJECTS, VERBS, OBJECTS)) + 3
    floor = 3 * math.log(4) / mean_len
    print(f"vocab V = {vocab}, uniform loss log(V) = {math.log(vocab):.4f}, "
          f"source entropy = {floor:.4f}")
    x, y = get_batch(train, ctx, 1, gen)
    print(f"x: {''.join(chars[i] for i in x[0, :20])!r}")
    print(f"y: {''.join(chars[i] for i in y[0, :20])!r}")

    model = TinyGPT(vocab, ctx)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2, betas=(0.9, 0.95), weight_decay=0.1)

    def lr_factor(step: int) -> float:  # linear warm-up, then cosine decay to 10 %
        if step < warmup:
            return (step + 1) / warmup
        progress = (step - warmup) / (steps - warmup)
        return 0.1 + 0.45 * (1 + math.cos(math.pi * progress))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
    losses = []
    for step in range(steps):
        x, y = get_batch(train, ctx, bs, gen)
        logits = model(x)
        loss = F.cross_entropy(logits.reshape(-1, vocab), y.reshape(-1))  # mean over tokens
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        opt.step()
        losses.append(loss.item())
        if step in (0, 50, 100, steps - 1):
            lr = sched.get_last_lr()[0]
            print(f"step {step:3d}  lr {lr:.4f}  train loss {loss.item():.4f}")
        sched.step()

    model.eval()
    with torch.no_grad():
        n = (len(val) - 1) // ctx  # non-overlapping windows of held-out text
        xv, yv = val[:n * ctx].view(n, ctx), val[1:n * ctx + 1].view(n, ctx)
        val_loss = F.cross_entropy(model(xv).reshape(-1, vocab), yv.reshape(-1)).item()
    ppl = math.exp(val_loss)
    print(f"validation loss {val_loss:.4f}, perplexity {ppl:.4f} (uniform model: {vocab})")
    return {"vocab": vocab, "x": x, "y": y, "floor": floor, "loss_first": losses[0],
            "loss_last": losses[-1], "val_loss": val_loss, "val_ppl": ppl}


if __name__ == "__main__":
    main()

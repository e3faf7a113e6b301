"""Q16: a tiny autoregressive Transformer: chain rule, teacher forcing, causal mask, KV cache."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, DIM, HEADS, LAYERS, CONTEXT = 12, 32, 4, 2, 16


class Block(nn.Module):
    """Pre-LayerNorm decoder block: causal self-attention + MLP, with an optional KV cache."""

    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(DIM), nn.LayerNorm(DIM)
        self.qkv, self.proj = nn.Linear(DIM, 3 * DIM), nn.Linear(DIM, DIM)
        self.mlp = nn.Sequential(nn.Linear(DIM, 4 * DIM), nn.GELU(), nn.Linear(4 * DIM, DIM))

    def forward(self, x, cache=None, wrong_mask=False):
        b, s, _ = x.shape
        q, k, v = (t.view(b, s, HEADS, -1).transpose(1, 2)
                   for t in self.qkv(self.ln1(x)).split(DIM, dim=-1))
        if cache is not None:  # append the new keys/values to those of earlier tokens
            if "k" in cache:
                k, v = torch.cat([cache["k"], k], dim=2), torch.cat([cache["v"], v], dim=2)
            cache["k"], cache["v"] = k, v
        if wrong_mask:  # is_causal=True aligns the mask top-left: wrong for s < len(keys)
            a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:  # query i (absolute position offset + i) sees keys 0 .. offset + i
            n = k.shape[2]
            mask = torch.ones(s, n, dtype=torch.bool).tril(diagonal=n - s)
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        x = x + self.proj(a.transpose(1, 2).reshape(b, s, DIM))
        return x + self.mlp(self.ln2(x))


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(VOCAB, DIM), nn.Embedding(CONTEXT, DIM)
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.ln, self.head = nn.LayerNorm(DIM), nn.Linear(DIM, VOCAB)

    def forward(self, idx, caches=None, start=0, wrong_mask=False):
        x = self.tok(idx) + self.pos(torch.arange(start, start + idx.shape[1]))
        for i, block in enumerate(self.blocks):
            x = block(x, None if caches is None else caches[i], wrong_mask)
        return self.head(self.ln(x))  # logits for the NEXT token at every position


def make_batch(gen, n):
    """Arithmetic sequences mod VOCAB: x_t = x_0 + t * step, step in {1, 2, 3}."""
    start = torch.randint(0, VOCAB, (n, 1), generator=gen)
    step = torch.randint(1, 4, (n, 1), generator=gen)
    return (start + step * torch.arange(CONTEXT + 1)) % VOCAB


@torch.no_grad()
def generate(model, prompt, n_new, use_cache, wrong_mask=False):
    """Greedy decoding; returns the new tokens and the logits used to choose them."""
    seq, steps = prompt.clone(), []
    caches = [{} for _ in model.blocks] if use_cache else None
    logits = model(seq, caches)[:, -1]  # prefill: the whole prompt at once
    for _ in range(n_new):
        steps.append(logits)
        nxt = logits.argmax(-1, keepdim=True)
        seq = torch.cat([seq, nxt], dim=1)
        if use_cache:  # feed ONE token; old keys/values come from the cache
            logits = model(nxt, caches, start=seq.shape[1] - 1, wrong_mask=wrong_mask)[:, -1]
        else:  # recompute the whole prefix every step
            logits = model(seq)[:, -1]
    return seq[:, prompt.shape[1]:], torch.stack(steps, dim=1)


def main() -> dict:
    torch.set_num_threads(1)  # tiny tensors: one thread is fastest and reproducible
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = TinyLM()
    opt = torch.optim.AdamW(model.parameters(), lr=5e-3)
    losses = []
    for _ in range(150):
        seq = make_batch(gen, 32)
        inputs, targets = seq[:, :-1], seq[:, 1:]  # teacher forcing: targets shifted by one
        loss = F.cross_entropy(model(inputs).reshape(-1, VOCAB), targets.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    model.eval()
    print(f"teacher-forced cross-entropy: step 0 {losses[0]:.4f} -> step 149 {losses[-1]:.4f}")

    x = make_batch(torch.Generator().manual_seed(1), 1)[:, :CONTEXT]
    with torch.no_grad():
        logits = model(x)
        x_changed = x.clone()
        x_changed[0, 10] = (x[0, 10] + 5) % VOCAB
        leak = not torch.allclose(model(x_changed)[:, :10], logits[:, :10])
        # chain rule: log P(x_2..x_T | x_1) = sum_t log P(x_t | x_<t), all from ONE forward pass
        token_lp = logits[:, :-1].log_softmax(-1).gather(-1, x[:, 1:, None]).squeeze(-1)
        stepwise = sum(model(x[:, :t])[:, -1].log_softmax(-1)[0, x[0, t]]
                       for t in range(1, CONTEXT))
    print(f"changing x[10] changes the logits at positions < 10: {leak}")
    print(f"log P(x | x_1): one pass {token_lp.sum().item():.4f}, "
          f"token by token {stepwise.item():.4f}")

    prompt = torch.tensor([[2, 5, 8]])
    full_tokens, full_logits = generate(model, prompt, 10, use_cache=False)
    kv_tokens, kv_logits = generate(model, prompt, 10, use_cache=True)
    _, bad_logits = generate(model, prompt, 10, use_cache=True, wrong_mask=True)
    same = torch.allclose(full_logits, kv_logits, atol=1e-5)
    print(f"prompt {prompt[0].tolist()} -> greedy {full_tokens[0].tolist()}")
    print(f"KV cache: logits allclose {same}, same tokens "
          f"{torch.equal(full_tokens, kv_tokens)}")
    bad_diff = (bad_logits - full_logits).abs().max().item()
    print(f"cached step with is_causal=True (top-left mask): max logit error {bad_diff:.2f}")
    return {"loss_first": losses[0], "loss_last": losses[-1], "leak": leak,
            "logp_one_pass": token_lp.sum().item(), "logp_stepwise": stepwise.item(),
            "prompt": prompt, "tokens_full": full_tokens, "tokens_cache": kv_tokens,
            "logits_full": full_logits, "logits_cache": kv_logits, "bad_diff": bad_diff}


if __name__ == "__main__":
    main()

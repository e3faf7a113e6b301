"""Q9: a pre-LN Transformer decoder block from scratch: shape, causality, and a loss that falls."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, D_MODEL, HEADS, CONTEXT, PERIOD = 16, 32, 4, 16, 4


class CausalSelfAttention(nn.Module):
    def __init__(self, d, n_heads):
        super().__init__()
        self.n_heads = n_heads
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        q, k, v = (t.view(b, n, self.n_heads, d // self.n_heads).transpose(1, 2)
                   for t in (q, k, v))
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.n_heads)
        future = torch.ones(n, n, dtype=torch.bool).triu(1)
        weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, n, d)  # concatenate heads
        return self.proj(out)


class Block(nn.Module):
    """Pre-LN: x + Attn(LN(x)), then x + MLP(LN(x)). (The 2017 paper: LN(x + Sublayer(x)).)"""

    def __init__(self, d, n_heads):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = CausalSelfAttention(d, n_heads)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        x = x + self.attn(self.ln1(x))  # residual connection around attention
        return x + self.mlp(self.ln2(x))  # and around the position-wise MLP


class TinyDecoder(nn.Module):
    """Decoder-only LM: token + learned position embeddings, blocks, final LN, vocab head."""

    def __init__(self, n_layers=2):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, D_MODEL)
        self.pos = nn.Embedding(CONTEXT, D_MODEL)
        self.blocks = nn.Sequential(*[Block(D_MODEL, HEADS) for _ in range(n_layers)])
        self.ln_f = nn.LayerNorm(D_MODEL)
        self.head = nn.Linear(D_MODEL, VOCAB)

    def forward(self, idx):
        x = self.tok(idx) + self.pos(torch.arange(idx.size(1)))
        return self.head(self.ln_f(self.blocks(x)))  # logits for EVERY position at once


def batch(gen, n):
    """A random pattern of PERIOD tokens, repeated: later tokens are predictable."""
    pattern = torch.randint(0, VOCAB, (n, PERIOD), generator=gen)
    return pattern.repeat(1, CONTEXT // PERIOD + 1)[:, :CONTEXT + 1]


def main() -> dict:
    torch.set_num_threads(1)  # tiny model: one thread is fastest and reproducible
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = TinyDecoder()
    x = torch.randint(0, VOCAB, (2, CONTEXT), generator=gen)
    block_out = model.blocks[0](torch.randn(2, CONTEXT, D_MODEL))
    print(f"block: (2, {CONTEXT}, {D_MODEL}) -> {tuple(block_out.shape)}; "
          f"model logits: {tuple(model(x).shape)}")

    # Causality: change token 10; positions 0..9 must not move.
    x2 = x.clone()
    x2[:, 10] = (x2[:, 10] + 1) % VOCAB
    with torch.no_grad():
        diff = (model(x) - model(x2)).abs().amax(dim=(0, 2))
    print(f"max change at positions 0-9: {diff[:10].max().item():.4f}; "
          f"at 10-15: {diff[10:].min().item():.4f} or more")

    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    losses = []
    for _ in range(100):
        seq = batch(gen, 32)
        logits = model(seq[:, :-1])  # inputs and targets shifted by one
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), seq[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(f"next-token loss: step 0 {losses[0]:.4f} (ln {VOCAB} = {math.log(VOCAB):.4f}), "
          f"step 99 {losses[-1]:.4f}")

    seq = batch(torch.Generator().manual_seed(1), 500)
    with torch.no_grad():
        pred = model(seq[:, :-1]).argmax(-1)
    acc = (pred[:, PERIOD - 1:] == seq[:, PERIOD:]).float().mean().item()
    floor = (PERIOD - 1) / CONTEXT * math.log(VOCAB)
    print(f"accuracy on predictable positions: {acc:.4f}")
    print(f"best possible mean loss: {floor:.4f} (first {PERIOD - 1} targets are random)")
    return {"block_shape": tuple(block_out.shape), "diff": diff, "loss_first": losses[0],
            "loss_last": losses[-1], "acc": acc, "floor": floor}


if __name__ == "__main__":
    main()

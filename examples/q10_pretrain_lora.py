"""Q10: pretrain a tiny causal LM, then fine-tune it with LoRA written by hand."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, SEQ, D = 16, 12, 32


def batch(n: int, steps: tuple, gen: torch.Generator) -> torch.Tensor:
    """Sequences x_{t+1} = x_t + s (mod VOCAB); each sequence has its own step s from `steps`."""
    start = torch.randint(0, VOCAB, (n, 1), generator=gen)
    s = torch.tensor(steps)[torch.randint(0, len(steps), (n, 1), generator=gen)]
    return (start + s * torch.arange(SEQ)) % VOCAB


class Block(nn.Module):
    def __init__(self, d: int, heads: int = 2):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.up, self.down = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        h = self.ln1(x)
        q, k, v = (f(h).view(b, t, self.heads, -1).transpose(1, 2)
                   for f in (self.q, self.k, self.v))
        att = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # causal mask
        x = x + self.o(att.transpose(1, 2).reshape(b, t, d))
        return x + self.down(F.gelu(self.up(self.ln2(x))))


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(VOCAB, D), nn.Embedding(SEQ, D)
        self.blocks = nn.Sequential(Block(D))
        self.ln, self.head = nn.LayerNorm(D), nn.Linear(D, VOCAB)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        x = self.tok(idx) + self.pos(torch.arange(idx.shape[1]))
        return self.head(self.ln(self.blocks(x)))


class LoRALinear(nn.Module):
    """y = W x + b + (alpha / r) * B A x, with W, b frozen and B initialised to zero."""

    def __init__(self, base: nn.Linear, r: int = 4, alpha: float = 8.0):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.A = nn.Parameter(torch.randn(r, base.in_features) / base.in_features ** 0.5)
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        self.scale = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + self.scale * (x @ self.A.T @ self.B.T)

    def merged(self) -> nn.Linear:
        """Fold the update into W: no extra latency at inference."""
        lin = copy.deepcopy(self.base)
        lin.weight.data += self.scale * self.B.data @ self.A.data
        return lin


def add_lora(model: nn.Module, r: int = 4) -> nn.Module:
    model.requires_grad_(False)  # freeze everything, then wrap every Linear in the blocks
    for block in model.blocks:
        for name in ("q", "k", "v", "o", "up", "down"):
            setattr(block, name, LoRALinear(getattr(block, name), r))
    return model


def lm_loss(model: nn.Module, seqs: torch.Tensor) -> torch.Tensor:
    logits = model(seqs[:, :-1])  # next-token prediction: targets shifted by one
    return F.cross_entropy(logits.reshape(-1, VOCAB), seqs[:, 1:].reshape(-1))


def train(model: nn.Module, steps: tuple, n_steps: int, lr: float, seed: int) -> list:
    gen = torch.Generator().manual_seed(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.0)
    losses = []
    for _ in range(n_steps):
        loss = lm_loss(model, batch(32, steps, gen))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


def n_trainable(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def main() -> dict:
    torch.manual_seed(0)
    torch.set_num_threads(1)  # tiny tensors: one thread is faster and reproducible
    eval_new = batch(512, (3,), torch.Generator().manual_seed(99))  # the new "domain": step 3

    # 1) Pretraining: next-token prediction on sequences with steps 1 and 2.
    base = TinyLM()
    pre = train(base, steps=(1, 2), n_steps=150, lr=1e-2, seed=1)
    pretrained_state = copy.deepcopy(base.state_dict())  # the checkpoint, kept in memory
    print(f"pretraining loss (steps 1, 2): {pre[0]:.4f} -> {pre[-1]:.4f}")

    # 2) Two fine-tuning copies of the same checkpoint, on step-3 sequences.
    full = TinyLM()
    full.load_state_dict(pretrained_state)  # PyTorch's API for "load the pretrained weights"
    lora = TinyLM()
    lora.load_state_dict(pretrained_state)
    add_lora(lora, r=4)
    n_full, n_lora = n_trainable(full), n_trainable(lora)
    print(f"trainable parameters: full fine-tuning {n_full:,}, LoRA r=4 {n_lora:,} "
          f"({n_lora / n_full:.1%})")
    with torch.no_grad():
        x = eval_new[:, :-1]
        diff0 = (lora(x) - base(x)).abs().max().item()
        loss_before = lm_loss(base, eval_new).item()
    print(f"step 0: largest logit difference LoRA vs pretrained = {diff0:.1e} (B starts at 0)")

    ft_full = train(full, steps=(3,), n_steps=60, lr=3e-3, seed=2)
    ft_lora = train(lora, steps=(3,), n_steps=60, lr=1e-2, seed=2)
    with torch.no_grad():
        loss_full, loss_lora = lm_loss(full, eval_new).item(), lm_loss(lora, eval_new).item()
    print(f"held-out loss on step-3 data: pretrained {loss_before:.4f}, "
          f"full FT {loss_full:.4f}, LoRA {loss_lora:.4f}")
    print(f"LoRA training loss: {ft_lora[0]:.4f} -> {ft_lora[-1]:.4f}")

    # 3) The frozen base weights did not move; merging B A into W gives the same model.
    frozen_same = all(torch.equal(p, pretrained_state[name.replace("base.", "")])
                      for name, p in lora.named_parameters() if not p.requires_grad)
    merged = copy.deepcopy(lora)
    for block in merged.blocks:
        for name in ("q", "k", "v", "o", "up", "down"):
            setattr(block, name, getattr(block, name).merged())
    with torch.no_grad():
        merge_diff = (merged(x) - lora(x)).abs().max().item()
    print(f"frozen weights unchanged: {frozen_same}; "
          f"merged W + (alpha/r) B A gives the same logits: {merge_diff < 1e-4}")

    return {"pre": pre, "n_full": n_full, "n_lora": n_lora, "diff0": diff0,
            "loss_before": loss_before, "loss_full": loss_full, "loss_lora": loss_lora,
            "ft_lora": ft_lora, "ft_full": ft_full, "frozen_same": frozen_same,
            "merge_diff": merge_diff}


if __name__ == "__main__":
    main()

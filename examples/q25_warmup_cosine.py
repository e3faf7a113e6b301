"""Q25: linear warm-up + cosine decay (and WSD) with LambdaLR; why Adam needs the warm-up."""
import math

import torch

PEAK, WARMUP, TOTAL, FLOOR = 3e-4, 100, 1000, 0.1  # floor: final lr = 10% of peak


def warmup_cosine(step):
    """Multiplier of the peak lr: linear ramp for WARMUP steps, then cosine down to FLOOR."""
    if step < WARMUP:
        return (step + 1) / WARMUP
    progress = min(1.0, (step - WARMUP) / (TOTAL - 1 - WARMUP))
    return FLOOR + (1 - FLOOR) * 0.5 * (1 + math.cos(math.pi * progress))


def warmup_stable_decay(step, decay_frac=0.1):
    """WSD: linear ramp, constant plateau, then a short linear decay to FLOOR at the end."""
    decay_start = int(TOTAL * (1 - decay_frac))
    if step < WARMUP:
        return (step + 1) / WARMUP
    if step < decay_start:
        return 1.0
    progress = (step - decay_start) / (TOTAL - 1 - decay_start)
    return 1.0 - (1 - FLOOR) * progress


def lr_trace(multiplier):
    """Learning rate used at each step when LambdaLR drives a real AdamW optimizer."""
    w = torch.nn.Parameter(torch.zeros(3))
    opt = torch.optim.AdamW([w], lr=PEAK, betas=(0.9, 0.95), weight_decay=0.1)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=multiplier)
    lrs = []
    for _ in range(TOTAL):
        lrs.append(opt.param_groups[0]["lr"])
        w.grad = torch.ones(3)  # a stand-in for loss.backward()
        opt.step()
        sched.step()  # once per optimizer step, after it
    return torch.tensor(lrs, dtype=torch.float64)


def main() -> dict:
    torch.manual_seed(0)
    cos, wsd = lr_trace(warmup_cosine), lr_trace(warmup_stable_decay)
    print("step   warmup+cosine   warmup-stable-decay")
    for s in (0, 49, 99, 300, 550, 899, 950, 999):
        print(f"{s:4d}   {cos[s]:.3e}       {wsd[s]:.3e}")

    ramp = cos[:WARMUP].diff()
    linear = bool(torch.allclose(ramp, torch.full_like(ramp, PEAK / WARMUP)))
    decays = bool((cos[WARMUP:].diff() <= 1e-15).all())
    print(f"warm-up linear: {linear}; decay monotone: {decays}; "
          f"final/peak = {cos[-1] / PEAK:.2f}")

    # Adam's first update is lr * m_hat / sqrt(v_hat) = lr * sign(g): every weight moves by
    # the full lr, however small its gradient, with v estimated from one gradient only.
    w = torch.nn.Parameter(torch.zeros(1000))
    opt = torch.optim.Adam([w], lr=1e-3, eps=1e-8)
    w.grad = torch.logspace(-4, 2, 1000) * torch.sign(torch.randn(1000))
    opt.step()
    ratio = w.detach().abs() / 1e-3
    print(f"Adam step 1, gradients from 1e-4 to 1e2: |update|/lr in "
          f"[{ratio.min():.3f}, {ratio.max():.3f}]")
    return {"cos": cos, "wsd": wsd, "linear": linear, "decays": decays, "ratio": ratio}


if __name__ == "__main__":
    main()

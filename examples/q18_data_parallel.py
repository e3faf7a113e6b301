"""Q18: data parallelism simulated in one process, and the memory arithmetic of ZeRO."""
import copy

import torch
import torch.nn.functional as F
from torch import nn


def make_model() -> nn.Module:
    return nn.Sequential(nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 4))


def grads(model: nn.Module) -> list:
    return [p.grad.clone() for p in model.parameters()]


def main() -> dict:
    torch.manual_seed(0)
    workers, batch, steps = 4, 64, 5
    data_x = torch.randn(steps, batch, 16)
    data_y = torch.randint(0, 4, (steps, batch))

    reference = make_model()  # one device, full batch
    replicas = [copy.deepcopy(reference) for _ in range(workers)]  # same initial weights
    opt_ref = torch.optim.AdamW(reference.parameters(), lr=1e-2)
    opts = [torch.optim.AdamW(r.parameters(), lr=1e-2) for r in replicas]

    grad_err = []
    for step in range(steps):
        x, y = data_x[step], data_y[step]
        opt_ref.zero_grad()
        F.cross_entropy(reference(x), y).backward()  # mean over the whole batch
        full = grads(reference)

        # each worker: forward + backward on its own shard of the global batch
        local = []
        for r, o, xs, ys in zip(replicas, opts, x.chunk(workers), y.chunk(workers)):
            o.zero_grad()
            F.cross_entropy(r(xs), ys).backward()
            local.append(grads(r))
        # all-reduce (mean): every worker receives the average of all local gradients
        averaged = [torch.stack(g).mean(0) for g in zip(*local)]
        for r in replicas:
            for p, g in zip(r.parameters(), averaged):
                p.grad.copy_(g)
        grad_err.append(max((a - b).abs().max().item() for a, b in zip(averaged, full)))

        opt_ref.step()
        for o in opts:
            o.step()

    flat = [torch.cat([p.detach().flatten() for p in r.parameters()]) for r in replicas]
    replica_gap = max((f - flat[0]).abs().max().item() for f in flat)
    ref_gap = (flat[0] - torch.cat([p.detach().flatten()
                                    for p in reference.parameters()])).abs().max().item()
    print(f"{workers} workers x {batch // workers} examples, {steps} AdamW steps")
    print(f"max |averaged grad - full-batch grad|: {max(grad_err):.1e}")
    print(f"max weight gap between replicas:       {replica_gap:.1e}")
    print(f"max weight gap replica vs 1-device run: {ref_gap:.1e}")

    # model states per parameter, mixed-precision Adam (ZeRO paper, Section 3.1):
    # 2 B bf16/fp16 weights + 2 B gradients + 12 B fp32 master weights, momentum, variance
    n_params, n_gpus = 7e9, 8
    per_gpu = {
        "plain DP": 2 + 2 + 12,
        "ZeRO-1 (optimizer states)": 2 + 2 + 12 / n_gpus,
        "ZeRO-2 (+ gradients)": 2 + (2 + 12) / n_gpus,
        "ZeRO-3 / FSDP (+ weights)": (2 + 2 + 12) / n_gpus,
    }
    print(f"7B model, {n_gpus} GPUs: model states per GPU (activations not included)")
    for name, b in per_gpu.items():
        print(f"  {name:27s} {b:5.2f} B/param = {n_params * b / 1e9:6.1f} GB")
    return {"grad_err": max(grad_err), "replica_gap": replica_gap, "ref_gap": ref_gap,
            "bytes_per_param": per_gpu}


if __name__ == "__main__":
    main()

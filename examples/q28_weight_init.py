"""Q28: activation and gradient scale through a deep network under different initialisations."""
import math

import torch
import torch.nn.functional as F
from torch import nn

WIDTH, DEPTH = 256, 30

SCHEMES = {  # name: (initialiser for a weight matrix, activation)
    "N(0, 0.01^2), tanh": (lambda w: nn.init.normal_(w, 0.0, 0.01), torch.tanh),
    "N(0, 1), tanh": (lambda w: nn.init.normal_(w, 0.0, 1.0), torch.tanh),
    "Xavier, tanh": (nn.init.xavier_normal_, torch.tanh),
    "Xavier, ReLU": (nn.init.xavier_normal_, torch.relu),
    "nn.Linear default, ReLU": (lambda w: nn.init.kaiming_uniform_(w, a=math.sqrt(5)), torch.relu),
    "He (fan_in), ReLU": (lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"), torch.relu),
}


def deep_mlp(x: torch.Tensor, init, act) -> tuple:
    """Plain MLP without biases or normalisation; returns activation stds and grad norms."""
    weights = [init(torch.empty(WIDTH, WIDTH)).requires_grad_() for _ in range(DEPTH)]
    h, stds = x, []
    for w in weights:
        h = act(h @ w.T)
        stds.append(h.std().item())
    probe = torch.randn(h.shape, generator=torch.Generator().manual_seed(1))
    (h * probe).sum().div(len(x)).backward()  # a fixed random "loss"
    grad_norms = [w.grad.double().norm().item() for w in weights]  # float64: no underflow
    return stds, grad_norms


def residual_stream_std(blocks: int, scaled: bool, d: int = 64) -> float:
    """Pre-LN residual stack with 2 MLP branches per block, GPT-2 style N(0, 0.02) weights."""
    std_out = 0.02 / math.sqrt(2 * blocks) if scaled else 0.02  # 2 residual branches per block
    h = 0.02 * torch.randn(64, d)
    for _ in range(2 * blocks):
        w_in = 0.02 * torch.randn(d, 4 * d)
        w_out = std_out * torch.randn(4 * d, d)
        h = h + F.gelu(F.layer_norm(h, (d,)) @ w_in) @ w_out
    return h.std().item()


def main() -> dict:
    torch.manual_seed(0)
    x = torch.randn(512, WIDTH)  # input with std 1
    print(f"{DEPTH}-layer MLP, width {WIDTH}: activation std after layer l, gradient norms")
    print(f"{'init, activation':24s}{'l=1':>9s}{'l=10':>9s}{'l=20':>9s}{'l=30':>9s}"
          f"{'|dW_1|':>10s}{'|dW_30|':>10s}")
    results = {}
    for name, (init, act) in SCHEMES.items():
        stds, grads = deep_mlp(x, init, act)
        results[name] = {"stds": stds, "grads": grads}
        cols = "".join(f"{stds[i]:9.2e}" for i in (0, 9, 19, 29))
        print(f"{name:24s}{cols}{grads[0]:10.1e}{grads[-1]:10.1e}")

    print("residual stream std at init (N(0, 0.02) vs output proj. 0.02/sqrt(2L)):")
    residual = {}
    for blocks in (6, 24, 96):
        plain, scaled = residual_stream_std(blocks, False), residual_stream_std(blocks, True)
        residual[blocks] = (plain, scaled)
        print(f"  L = {blocks:2d} blocks: plain {plain:.3f}, scaled {scaled:.3f}")
    return {"mlp": results, "residual": residual}


if __name__ == "__main__":
    main()

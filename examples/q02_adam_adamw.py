"""Q2: Adam written out by hand matches torch.optim.Adam; Adam + L2 is not AdamW."""
import torch

LR, BETAS, EPS = 1e-3, (0.9, 0.95), 1e-8


def adam_by_hand(w, grads, lr=LR, betas=BETAS, eps=EPS):
    """Run Adam (Kingma & Ba, 2015) on tensor w for a list of gradients."""
    b1, b2 = betas
    m = torch.zeros_like(w)  # first moment: moving average of g (momentum)
    v = torch.zeros_like(w)  # second moment: moving average of g^2 (RMSProp-like)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - b1**t)  # bias correction: m and v start at zero
        v_hat = v / (1 - b2**t)
        w = w - lr * m_hat / (v_hat.sqrt() + eps)
    return w


def adam_by_torch(model, x, y, steps):
    """Train with torch.optim.Adam; return final weights and the gradients it saw."""
    opt = torch.optim.Adam(model.parameters(), lr=LR, betas=BETAS, eps=EPS)
    grads = []
    for _ in range(steps):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        grads.append(model.weight.grad.clone())
        opt.step()
    state = opt.state[model.weight]
    return model.weight.detach().clone(), grads, sorted(k for k in state if k != "step")


def decay_only(decoupled, steps=200, lr=0.01, wd=0.1):
    """Two weights start at 1.0. Weight 0 gets large gradients of mean zero (+10, -10, ...),
    weight 1 gets no loss gradient at all. Only the weight decay should shrink them."""
    w = torch.nn.Parameter(torch.ones(2))
    cls = torch.optim.AdamW if decoupled else torch.optim.Adam  # Adam: wd is an L2 term
    opt = cls([w], lr=lr, betas=BETAS, weight_decay=wd)
    for t in range(steps):
        opt.zero_grad()
        w.grad = torch.tensor([10.0 if t % 2 == 0 else -10.0, 0.0])
        opt.step()
    return w.detach()


def main() -> dict:
    torch.manual_seed(0)
    x, y = torch.randn(64, 4), torch.randn(64, 3)
    model = torch.nn.Linear(4, 3, bias=False)
    w0 = model.weight.detach().clone()

    w_torch, grads, state_keys = adam_by_torch(model, x, y, steps=5)
    # Replay the same gradients through the hand-written update.
    w_hand = adam_by_hand(w0, grads)
    max_diff = (w_hand - w_torch).abs().max().item()
    print(f"hand-written Adam == torch.optim.Adam after 5 steps (max diff < 1e-6): "
          f"{max_diff < 1e-6}")
    print(f"Adam state per weight tensor: {', '.join(state_keys)}")

    l2 = decay_only(decoupled=False)
    adamw = decay_only(decoupled=True)
    target = (1 - 0.01 * 0.1) ** 200
    print("200 steps, lr=0.01, weight_decay=0.1, weights start at 1.0:")
    print("                      large-grad weight   zero-grad weight")
    print(f"Adam + L2 (Adam)      {l2[0]:17.4f}   {l2[1]:16.4f}")
    print(f"AdamW (decoupled)     {adamw[0]:17.4f}   {adamw[1]:16.4f}")
    print(f"(1 - lr*wd)^200 = {target:.4f}")
    return {"max_diff": max_diff, "state_keys": state_keys,
            "l2": l2, "adamw": adamw, "target": target}


if __name__ == "__main__":
    main()

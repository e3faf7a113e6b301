"""Q4: a small noisy dataset, overfitting, and what dropout, weight decay and early stopping do."""
import torch
import torch.nn.functional as F
from torch import nn

EPOCHS = 200


def make_data(n: int, gen: torch.Generator, flip: float = 0.15):
    """Points in a square; label 1 inside a circle; a fraction `flip` of labels is wrong."""
    x = torch.rand(n, 2, generator=gen) * 4 - 2
    y = (x.pow(2).sum(1) < 1.5).long()
    noisy = torch.rand(n, generator=gen) < flip
    return x, torch.where(noisy, 1 - y, y)


def make_mlp(p_drop: float) -> nn.Module:
    return nn.Sequential(
        nn.Linear(2, 128), nn.ReLU(), nn.Dropout(p_drop),
        nn.Linear(128, 128), nn.ReLU(), nn.Dropout(p_drop),
        nn.Linear(128, 2),
    )


def train(p_drop: float, weight_decay: float, data) -> list:
    """Full-batch AdamW; returns (train loss, val loss, val acc) after every epoch."""
    x_tr, y_tr, x_va, y_va = data
    torch.manual_seed(1)  # same initial weights for every setting
    model = make_mlp(p_drop)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=weight_decay)
    history = []
    for _ in range(EPOCHS):
        model.train()  # dropout on
        loss = F.cross_entropy(model(x_tr), y_tr)
        opt.zero_grad()
        loss.backward()
        opt.step()
        model.eval()  # dropout off for evaluation
        with torch.no_grad():
            train_loss = F.cross_entropy(model(x_tr), y_tr).item()
            logits = model(x_va)
            val_loss = F.cross_entropy(logits, y_va).item()
            val_acc = (logits.argmax(1) == y_va).float().mean().item()
        history.append((train_loss, val_loss, val_acc))
    return history


def main() -> dict:
    gen = torch.Generator().manual_seed(0)
    x_tr, y_tr = make_data(200, gen)
    x_va, y_va = make_data(500, gen)
    data = (x_tr, y_tr, x_va, y_va)

    plain = train(p_drop=0.0, weight_decay=0.0, data=data)
    regularized = train(p_drop=0.5, weight_decay=1.0, data=data)

    print(f"{'setting':<22}{'train loss':>11}{'val loss':>10}{'gap':>9}{'val acc':>9}")
    for name, hist in [("no regularization", plain), ("dropout 0.5 + wd 1.0", regularized)]:
        tr, va, acc = hist[-1]
        print(f"{name:<22}{tr:>11.4f}{va:>10.4f}{va - tr:>9.4f}{acc:>9.3f}")
    best = min(range(EPOCHS), key=lambda i: plain[i][1])
    print(f"early stopping on the plain run: best epoch {best + 1} of {EPOCHS}, "
          f"val loss {plain[best][1]:.4f}, val acc {plain[best][2]:.3f}")
    return {"plain": plain, "regularized": regularized, "best_epoch": best}


if __name__ == "__main__":
    main()

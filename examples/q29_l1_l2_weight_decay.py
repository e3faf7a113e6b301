"""Q29: L2 penalty vs decoupled weight decay (SGD, momentum, Adam, AdamW); L1 vs L2."""
import numpy as np
import torch
from sklearn.linear_model import LassoCV, LinearRegression, RidgeCV

LR, LAM, STEPS = 0.1, 0.05, 50


def run(make_opt, penalty_in_loss=False, manual_decay=False):
    """Linear regression trained full-batch; returns the final weights as one vector."""
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(32, 8, generator=gen)
    y = x @ torch.randn(8, generator=gen) + 0.1 * torch.randn(32, generator=gen)
    torch.manual_seed(0)
    model = torch.nn.Linear(8, 1)
    opt = make_opt(model.parameters())
    for _ in range(STEPS):
        loss = torch.nn.functional.mse_loss(model(x).squeeze(1), y)
        if penalty_in_loss:  # L2 regularization: (lambda / 2) * ||w||^2 added to the loss
            loss = loss + LAM / 2 * sum(p.pow(2).sum() for p in model.parameters())
        opt.zero_grad()
        loss.backward()
        if manual_decay:  # decoupled weight decay: w <- (1 - lr * lambda) * w, then the step
            with torch.no_grad():
                for p in model.parameters():
                    p.mul_(1 - LR * LAM)
        opt.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def main() -> dict:
    sgd = run(lambda p: torch.optim.SGD(p, lr=LR), penalty_in_loss=True)
    sgd_wd = run(lambda p: torch.optim.SGD(p, lr=LR, weight_decay=LAM))
    sgd_decoupled = run(lambda p: torch.optim.SGD(p, lr=LR), manual_decay=True)
    mom_l2 = run(lambda p: torch.optim.SGD(p, lr=LR, momentum=0.9), penalty_in_loss=True)
    mom_decoupled = run(lambda p: torch.optim.SGD(p, lr=LR, momentum=0.9), manual_decay=True)
    adam_l2 = run(lambda p: torch.optim.Adam(p, lr=LR), penalty_in_loss=True)
    adam_wd = run(lambda p: torch.optim.Adam(p, lr=LR, weight_decay=LAM))
    adamw = run(lambda p: torch.optim.AdamW(p, lr=LR, weight_decay=LAM))
    d_sgd = max((sgd - sgd_wd).abs().max().item(), (sgd - sgd_decoupled).abs().max().item())
    d_mom = (mom_l2 - mom_decoupled).abs().max().item()
    d_adam = (adam_l2 - adam_wd).abs().max().item()
    d_adamw = (adam_l2 - adamw).abs().max().item()
    print(f"lr {LR}, lambda {LAM}, {STEPS} steps: max |difference| of the final weights")
    print(f"  SGD     : L2 in loss = weight_decay = decoupled decay : {d_sgd:.1e}")
    print(f"  SGD+mom.: L2 in loss vs decoupled decay               : {d_mom:.4f}")
    print(f"  Adam    : L2 in loss vs Adam(weight_decay)            : {d_adam:.1e}")
    print(f"  Adam    : L2 in loss vs AdamW (decoupled)             : {d_adamw:.4f}")

    rng = np.random.default_rng(0)
    n, d, relevant = 60, 40, 5
    w_true = np.zeros(d)
    w_true[:relevant] = rng.uniform(1, 3, relevant) * rng.choice([-1, 1], relevant)
    x, x_test = rng.normal(size=(n, d)), rng.normal(size=(1000, d))
    y = x @ w_true + rng.normal(scale=2.0, size=n)
    y_test = x_test @ w_true + rng.normal(scale=2.0, size=1000)
    models = {"OLS (no penalty)": LinearRegression(),
              "Ridge (L2)": RidgeCV(alphas=np.logspace(-3, 3, 13)),
              "Lasso (L1)": LassoCV(cv=5)}
    print(f"linear regression, n={n}, {d} features, {relevant} relevant; lambda by CV")
    print(f"  {'model':<17}{'test MSE':>9}{'zero weights':>14}{'mean |w| irrelevant':>21}")
    sparsity, irrelevant_abs = {}, {}
    for name, model in models.items():
        model.fit(x, y)
        mse = np.mean((model.predict(x_test) - y_test) ** 2)
        sparsity[name] = int(np.sum(np.abs(model.coef_) < 1e-8))
        irrelevant_abs[name] = float(np.mean(np.abs(model.coef_[relevant:])))
        print(f"  {name:<17}{mse:>9.3f}{sparsity[name]:>11d}/{d}{irrelevant_abs[name]:>21.4f}")
    return {"d_sgd": d_sgd, "d_mom": d_mom, "d_adam": d_adam, "d_adamw": d_adamw,
            "sparsity": sparsity, "irrelevant_abs": irrelevant_abs}


if __name__ == "__main__":
    main()

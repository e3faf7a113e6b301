"""Q23: Bayesian optimization (GP surrogate + expected improvement) vs random search."""
import warnings

import numpy as np
from scipy.stats import norm
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern

# Search space: x0 = log10(learning rate) in [-5, -1], x1 = log10(weight decay) in [-4, 0].
LOW, HIGH = np.array([-5.0, -4.0]), np.array([-1.0, 0.0])
BUDGET, N_INIT, N_SEEDS = 20, 5, 3


def val_loss(p):
    """A made-up 'validation loss after training' with its minimum 2.0 at lr=1e-3, wd=1e-1,
    a valley tilted between the two axes, and a steep rise for large learning rates."""
    lr, wd = p[..., 0], p[..., 1]
    a, b = lr + 3.0, wd + 1.0
    return 2.0 + 0.4 * a**2 + 0.2 * b**2 + 0.3 * a * b + 0.5 * np.maximum(lr + 2.0, 0) ** 2


def expected_improvement(mu, sigma, best, xi=0.01):
    """EI for minimization: E[max(best - f(x) - xi, 0)] under the GP posterior N(mu, sigma^2)."""
    sigma = np.maximum(sigma, 1e-9)
    z = (best - mu - xi) / sigma
    return (best - mu - xi) * norm.cdf(z) + sigma * norm.pdf(z)


def bayes_opt(seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(LOW, HIGH, size=(N_INIT, 2))  # a few random points to start
    y = val_loss(x)
    kernel = ConstantKernel(1.0) * Matern(length_scale=[1.0, 1.0], nu=2.5)
    while len(y) < BUDGET:
        gp = GaussianProcessRegressor(kernel, alpha=1e-6, normalize_y=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            gp.fit(x, y)  # 1) surrogate: posterior over the loss surface
        cand = rng.uniform(LOW, HIGH, size=(2000, 2))
        mu, sigma = gp.predict(cand, return_std=True)
        ei = expected_improvement(mu, sigma, y.min())  # 2) acquisition function
        nxt = cand[np.argmax(ei)]  # 3) evaluate the most promising point
        x, y = np.vstack([x, nxt]), np.append(y, val_loss(nxt))
    return x[np.argmin(y)], y.min()


def random_search(seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(LOW, HIGH, size=(BUDGET, 2))
    y = val_loss(x)
    return x[np.argmin(y)], y.min()


def main() -> dict:
    optimum = 2.0
    bo = [bayes_opt(s) for s in range(N_SEEDS)]
    rs = [random_search(s) for s in range(N_SEEDS)]
    bo_gap = np.array([v - optimum for _, v in bo])
    rs_gap = np.array([v - optimum for _, v in rs])
    print(f"budget: {BUDGET} evaluations per run "
          f"({N_INIT} random + {BUDGET - N_INIT} chosen by EI)")
    print(f"true optimum:            loss {optimum:.4f} at log10(lr) = -3.00, log10(wd) = -1.00")
    for name, (p, v) in (("BO (seed 0):", bo[0]), ("random search (seed 0):", rs[0])):
        print(f"{name:<24} loss {v:.4f} at log10(lr) = {p[0]:.2f}, log10(wd) = {p[1]:.2f}")
    print(f"mean gap to optimum over {N_SEEDS} seeds: BO {bo_gap.mean():.4f}, "
          f"random search {rs_gap.mean():.4f}")
    return {"bo_gap": bo_gap, "rs_gap": rs_gap, "bo_best_x": bo[0][0]}


if __name__ == "__main__":
    main()

"""Q24: a mini-batch gradient is an unbiased, noisy estimate of the full gradient; SGD is cheap."""
import numpy as np

N, D, BATCH = 10_000, 20, 32


def loss(w, x, y):
    return 0.5 * np.mean((x @ w - y) ** 2)


def grad(w, x, y):
    return x.T @ (x @ w - y) / len(y)


def sgd(x, y, lr_at, epochs, rng):
    """Mini-batch SGD: shuffle each epoch, one update per batch of BATCH examples."""
    w = np.zeros(D)
    step = cost = 0
    for _ in range(epochs):
        order = rng.permutation(N)
        for start in range(0, N, BATCH):
            idx = order[start:start + BATCH]
            w -= lr_at(step) * grad(w, x[idx], y[idx])
            step, cost = step + 1, cost + len(idx)
    return w, cost  # weights, number of per-example gradients computed


def main() -> dict:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(N, D)) * np.geomspace(0.3, 3.0, D)  # features on different scales
    y = x @ rng.normal(size=D) + 0.5 * rng.normal(size=N)
    best = loss(np.linalg.lstsq(x, y, rcond=None)[0], x, y)

    # 1) Unbiased: the average of many mini-batch gradients is the full gradient.
    w = rng.normal(size=D)
    full = grad(w, x, y)
    batches = [rng.choice(N, BATCH, replace=False) for _ in range(2000)]
    mb = np.array([grad(w, x[i], y[i]) for i in batches])
    one_err = np.linalg.norm(mb[0] - full) / np.linalg.norm(full)
    mean_err = np.linalg.norm(mb.mean(0) - full) / np.linalg.norm(full)
    print(f"relative error of one mini-batch gradient (B={BATCH}):   {one_err:.3f}")
    print(f"relative error of the mean of 2000 mini-batch gradients: {mean_err:.3f}")

    # 2) Full-batch GD pays N per-example gradients per step (lr = 1/L, L = max curvature).
    lr_gd = 1.0 / np.linalg.eigvalsh(x.T @ x / N).max()
    w_gd = np.zeros(D)
    gd_steps = 200
    for step in range(1, gd_steps + 1):
        w_gd -= lr_gd * grad(w_gd, x, y)
        if step == 2:  # the same budget as 2 epochs of SGD
            gd2_gap = loss(w_gd, x, y) - best
    gd_gap = loss(w_gd, x, y) - best

    # 3) Mini-batch SGD for 2 epochs: constant vs decaying learning rate.
    w_const, sgd_cost = sgd(x, y, lambda t: 0.1, 2, np.random.default_rng(1))
    w_decay, _ = sgd(x, y, lambda t: 0.1 / (1 + t / 100), 2, np.random.default_rng(1))
    const_gap, decay_gap = loss(w_const, x, y) - best, loss(w_decay, x, y) - best

    print("excess loss (loss - least-squares optimum) and example-gradients computed:")
    print(f"full-batch GD, 2 steps:      {gd2_gap:.4f}  {2 * N:>9,}")
    print(f"full-batch GD, {gd_steps} steps:    {gd_gap:.4f}  {gd_steps * N:>9,}")
    print(f"SGD 2 epochs, constant lr:   {const_gap:.4f}  {sgd_cost:>9,}")
    print(f"SGD 2 epochs, decaying lr:   {decay_gap:.4f}  {sgd_cost:>9,}")
    return {"one_err": one_err, "mean_err": mean_err, "gd2_gap": gd2_gap, "gd_gap": gd_gap,
            "gd_cost": gd_steps * N, "const_gap": const_gap, "decay_gap": decay_gap,
            "sgd_cost": sgd_cost}


if __name__ == "__main__":
    main()

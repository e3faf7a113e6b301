def test_q28_weight_init(run_example):
    r = run_example("q28_weight_init")
    mlp = r["mlp"]
    last = {name: v["stds"][-1] for name, v in mlp.items()}
    # too small an init: the signal dies out
    assert last["N(0, 0.01^2), tanh"] < 1e-10
    # Xavier for tanh and He for ReLU keep activations O(1) ...
    assert 0.05 < last["Xavier, tanh"] < 2
    assert 0.3 < last["He (fan_in), ReLU"] < 3
    # ... and gradients of the same size at the first and the last layer
    for name in ("Xavier, tanh", "He (fan_in), ReLU"):
        g = mlp[name]["grads"]
        assert 0.3 < g[0] / g[-1] < 3
    # Xavier is too small for ReLU: variance halves at every layer
    assert last["Xavier, ReLU"] < 1e-3
    # too large an init saturates tanh and the first-layer gradient explodes
    g = mlp["N(0, 1), tanh"]["grads"]
    assert g[0] > 1e6 * g[-1]
    # residual stream: grows with depth unless the output projections are scaled
    res = r["residual"]
    assert res[96][0] > 3 * res[6][0]
    assert 0.8 < res[96][1] / res[6][1] < 1.25

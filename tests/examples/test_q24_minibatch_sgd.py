def test_q24_minibatch_sgd(run_example):
    r = run_example("q24_minibatch_sgd")
    # One mini-batch gradient is noisy, the average of many is the full gradient (unbiased).
    assert r["one_err"] > 0.1
    assert r["mean_err"] < 0.05
    # With the budget of 2 full-batch steps, SGD gets close to the optimum; GD does not.
    assert r["sgd_cost"] == 2 * 10_000
    assert r["decay_gap"] < 0.01 < r["gd2_gap"]
    # GD needs 100x the example-gradients to do somewhat better.
    assert r["gd_cost"] == 100 * r["sgd_cost"] and r["gd_gap"] < r["decay_gap"]
    # A decaying learning rate beats a constant one (the noise floor).
    assert r["decay_gap"] < r["const_gap"]

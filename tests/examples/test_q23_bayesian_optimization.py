def test_q23_bayesian_optimization(run_example):
    r = run_example("q23_bayesian_optimization")
    # With the same budget, BO lands next to the optimum and beats random search on average.
    assert r["bo_gap"].max() < 0.01
    assert r["bo_gap"].mean() < r["rs_gap"].mean()
    lr, wd = r["bo_best_x"]
    assert abs(lr + 3.0) < 0.1 and abs(wd + 1.0) < 0.2

def test_q29_l1_l2_weight_decay(run_example):
    r = run_example("q29_l1_l2_weight_decay")
    # plain SGD: an L2 penalty and (learning-rate-scaled) weight decay are the same update
    assert r["d_sgd"] < 1e-5
    # with momentum, or with Adam, the L2 penalty and decoupled decay are different algorithms
    assert r["d_mom"] > 1e-3
    assert r["d_adam"] < 1e-6  # Adam(weight_decay=...) is the L2 penalty, not AdamW
    assert r["d_adamw"] > 1e-3
    # L1 sets many irrelevant weights exactly to zero; L2 shrinks them but zeroes none
    s, a = r["sparsity"], r["irrelevant_abs"]
    assert s["Lasso (L1)"] >= 20 and s["Ridge (L2)"] == 0 and s["OLS (no penalty)"] == 0
    assert a["Lasso (L1)"] < a["Ridge (L2)"] < a["OLS (no penalty)"]

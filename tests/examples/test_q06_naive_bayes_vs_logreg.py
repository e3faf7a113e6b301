"""Q6: naive Bayes (generative) vs logistic regression (discriminative)."""


def test_q06_naive_bayes_vs_logreg(run_example):
    r = run_example("q06_naive_bayes_vs_logreg")
    nb_i, lr_i = r["independent"]
    nb_c, lr_c = r["correlated"]
    sizes = r["sizes"]
    small, large = sizes.index(100), sizes.index(1000)
    # NB's assumption holds: NB is ahead with little data, LR has caught up at n = 1000
    assert nb_i[small] > lr_i[small]
    assert abs(nb_i[large] - lr_i[large]) < 0.02
    # the assumption is broken: NB plateaus lower, LR wins clearly with enough data
    assert lr_c[large] - nb_c[large] > 0.03
    assert all(lr > nb for nb, lr in zip(nb_c[1:], lr_c[1:]))
    # NB's posterior is Bayes' rule on its joint model, and it can generate data
    assert r["bayes_ok"]
    assert r["sample_agree"] > 0.75

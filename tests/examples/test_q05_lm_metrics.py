import math


def test_q05_lm_metrics(run_example):
    r = run_example("q05_lm_metrics")
    ppl = r["ppl"]
    assert math.isclose(ppl["uniform"], r["vocab"], rel_tol=1e-9)  # uniform model: PPL = V
    assert ppl["bigram"] < ppl["unigram"] < ppl["uniform"]  # a better model, a lower perplexity
    assert "average='binary'" in r["binary_error"]  # a multi-class call without average= fails
    assert math.isclose(r["f1"]["micro"], r["acc"])  # micro F1 = accuracy (single-label)
    assert r["f1"]["macro"] < r["f1"]["micro"]  # macro weighs the weak minority classes
    assert math.isclose(r["unbiased"], 1 - math.comb(7, 5) / math.comb(10, 5))
    assert math.isclose(r["e_unbiased"], r["true_value"], rel_tol=1e-12)  # unbiased
    assert r["e_naive"] < r["true_value"] - 0.05  # the naive estimator underestimates
    assert math.isclose(r["bleu"], math.exp(-0.2) * 0.25 ** 0.25, rel_tol=1e-12)
    assert r["rouge1"][0] == 5 / 6 and r["rouge1"][1] == 1.0

import math


def test_q27_lm_loss(run_example):
    r = run_example("q27_lm_loss")
    assert math.isclose(r["ce_torch"], r["ce_manual"], rel_tol=1e-12)  # -log softmax at targets
    assert r["n_real"] == 10  # the two padded positions are ignored
    assert abs(r["ce_wrong"] - r["ce_torch"]) > 0.1  # counting pads changes the loss
    assert math.isclose(r["ce_uniform"], math.log(r["vocab"]), rel_tol=1e-12)  # log V
    assert math.isclose(r["h_pq"], r["h_p"] + r["kl"], rel_tol=1e-12)  # H(p,q) = H(p) + KL
    assert r["kl"] > 0
    assert math.isclose(r["ls_torch"], r["ls_manual"], rel_tol=1e-12)
    (p_early, gap_early), (p_late, gap_late) = r["nosmooth"]
    assert p_late > 0.999 and gap_late > gap_early + 1  # no smoothing: the logits keep growing
    (_, gap_s_early), (p_s, gap_s) = r["smooth"]
    assert abs(p_s - r["p_theory"]) < 1e-6 and abs(gap_s - r["gap_theory"]) < 1e-4
    assert abs(gap_s - gap_s_early) < 0.05  # with smoothing the optimum is finite

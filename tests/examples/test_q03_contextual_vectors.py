"""Q3: contextual vectors depend on the sentence; positions, padding masks, pooling."""
import torch


def test_q03_contextual_vectors(run_example):
    r = run_example("q03_contextual_vectors")
    # the static embedding of "bank" is one vector, whatever the sentence
    assert abs(r["cos_static"] - 1.0) < 1e-6
    # after self-attention the two "bank" vectors differ
    assert r["cos_ctx"] < 0.999
    # without positions attention cannot tell "dog bites man" from "man bites dog"
    assert r["order_no_pos"] and not r["order_with_pos"]
    # a key padding mask keeps padding from changing real tokens; no mask, no guarantee
    assert r["masked_ok"] and not r["unmasked_ok"]
    # masked mean pooling ignores padding; a plain mean does not
    assert r["mean_ok"] and r["naive_err"] > 1e-3
    assert r["cls"].shape == r["mean"].shape == torch.Size([2, 16])

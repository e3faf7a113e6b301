"""Q8: additive and dot-product attention; the trained decoder attends to the aligned source."""
import torch


def test_q08_cross_attention(run_example):
    r = run_example("q08_cross_attention")
    for w in (r["w_add"], r["w_dot"]):  # a distribution over the 6 source positions
        assert torch.all(w >= 0)
        assert torch.allclose(w.sum(-1), torch.ones(1, 1))
    assert tuple(r["context"].shape) == (1, 1, 64)  # one context vector of encoder size
    assert r["loss_last"] < 0.05 * r["loss_first"]
    assert r["acc"] > 0.95  # greedy reversal of 8-digit strings
    # Output step i should look at source position 7 - i (reversal).
    assert r["maps"][0].argmax(-1).tolist() == [7, 6, 5, 4, 3, 2, 1, 0]
    assert r["aligned_hits"] > 0.6
    assert r["aligned_weight"] > 2 * (1 / 8)  # well above uniform attention

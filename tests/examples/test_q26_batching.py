import math

import torch


def test_q26_batching(run_example):
    r = run_example("q26_batching")
    # padding + ignore_index gives exactly the loss of the unpadded sequences
    assert math.isclose(r["padded"], r["one_by_one"], rel_tol=1e-5)
    # counting the pad positions changes the loss
    assert abs(r["wrong"] - r["padded"]) > 0.05
    # sum of token losses / total token count: accumulation == the big batch
    assert torch.allclose(r["g_accum"], r["g_full"], rtol=1e-4, atol=1e-6)
    # averaging per-micro-batch means is wrong when token counts differ
    assert not torch.allclose(r["g_naive"], r["g_full"], rtol=1e-2, atol=1e-4)

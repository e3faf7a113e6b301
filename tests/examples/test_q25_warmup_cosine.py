import torch


def test_q25_warmup_cosine(run_example):
    r = run_example("q25_warmup_cosine")
    cos, wsd = r["cos"], r["wsd"]
    peak = 3e-4
    assert r["linear"] and r["decays"]
    assert torch.isclose(cos.max(), torch.tensor(peak, dtype=cos.dtype))
    assert int(cos.argmax()) in (99, 100)                  # peak right after warm-up
    assert abs(cos[-1].item() - 0.1 * peak) < 1e-12        # floor: 10% of the peak
    assert cos[0] < 0.02 * peak                            # starts near zero
    # WSD: flat at the peak until the last 10% of steps, then down to the same floor.
    assert torch.allclose(wsd[100:900], torch.full((800,), peak, dtype=wsd.dtype))
    assert abs(wsd[-1].item() - 0.1 * peak) < 1e-12
    # Adam's first step moves every weight by ~lr, whatever the gradient's size.
    assert torch.allclose(r["ratio"], torch.ones(1000), atol=1e-3)

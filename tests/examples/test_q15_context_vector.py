"""Q15: a fixed context vector vs a new attention context vector at every decoder step."""
import torch


def test_q15_context_vector(run_example):
    r = run_example("q15_context_vector")
    alphas, contexts, states = r["alphas"], r["contexts"], r["states"]
    # attention weights are a distribution over source positions at every step
    assert torch.allclose(alphas.sum(-1), torch.ones(alphas.shape[:2]), atol=1e-5)
    assert (alphas >= 0).all()
    # each context vector is the alpha-weighted sum of the encoder states
    assert r["weighted"]
    assert torch.allclose(contexts, torch.einsum("bts,bsd->btd", alphas, states), atol=1e-5)
    # the per-step context vectors differ; the fixed one is a single vector per sentence
    assert (contexts[0, 0] - contexts[0, -1]).norm() > 0.1
    assert r["fixed"].shape == (500, 64)
    # after training, step t attends mostly to the mirrored source position (reversal task)
    assert r["aligned"] > 0.8 and r["acc"] > 0.9

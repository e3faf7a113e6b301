"""Q12: a generative LM classifies by Bayes' rule and can sample; a discriminative encoder cannot."""
import torch


def test_q12_generative_vs_discriminative_lm(run_example):
    r = run_example("q12_generative_vs_discriminative_lm")
    # both models classify well above chance (0.5)
    assert r["gen_acc"] > 0.9 and r["disc_acc"] > 0.85
    # the LM assigns a probability to x itself: better than a uniform model
    assert r["nll"] < torch.log(torch.tensor(8.0)).item() - 0.3
    # sequences sampled from P(x | y) look like class y to the discriminative classifier
    assert r["judged"] > 0.8
    samples = r["samples"]
    assert samples.shape == (200, 12) and samples.min() >= 0 and samples.max() < 8

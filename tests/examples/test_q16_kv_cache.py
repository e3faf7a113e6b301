"""Q16: chain rule, teacher forcing, causal mask and a KV cache that changes nothing."""
import torch


def test_q16_kv_cache(run_example):
    r = run_example("q16_kv_cache")
    assert r["loss_last"] < 0.2 * r["loss_first"]  # teacher-forced training works
    assert not r["leak"]  # the causal mask: a later token never changes earlier logits
    # log P(x) from one forward pass = sum of the step-by-step conditionals
    assert abs(r["logp_one_pass"] - r["logp_stepwise"]) < 1e-4
    # the KV cache gives the same logits and the same greedy tokens as full recomputation
    assert torch.allclose(r["logits_full"], r["logits_cache"], atol=1e-5)
    assert torch.equal(r["tokens_full"], r["tokens_cache"])
    # the model continues the arithmetic sequence of the prompt (step 3 mod 12)
    prompt = r["prompt"][0].tolist()
    expected = [(prompt[-1] + 3 * (i + 1)) % 12 for i in range(10)]
    assert r["tokens_full"][0].tolist() == expected
    # is_causal=True on a one-token step uses a top-left mask: wrong logits
    assert r["bad_diff"] > 1.0

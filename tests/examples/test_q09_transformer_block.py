"""Q9: a pre-LN decoder block keeps the shape, is causal, and a tiny decoder-only model learns."""


def test_q09_transformer_block(run_example):
    r = run_example("q09_transformer_block")
    assert r["block_shape"] == (2, 16, 32)  # a block maps (batch, n, d) to (batch, n, d)
    assert r["diff"][:10].max().item() < 1e-6  # changing token 10 leaves positions 0-9 alone
    assert r["diff"][10:].min().item() > 1e-4  # ... and does change positions 10-15
    assert r["loss_last"] < 0.3 * r["loss_first"]  # the next-token loss falls
    assert r["loss_last"] < r["floor"] + 0.2  # close to the best achievable loss
    assert r["acc"] > 0.95

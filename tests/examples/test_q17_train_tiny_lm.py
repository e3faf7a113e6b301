import math

import torch


def test_q17_train_tiny_lm(run_example):
    r = run_example("q17_train_tiny_lm")
    # targets are the inputs shifted left by one token
    assert torch.equal(r["y"][:, :-1], r["x"][:, 1:])
    # an untrained model is close to the uniform guess log(V)
    assert abs(r["loss_first"] - math.log(r["vocab"])) < 0.3
    # training drives the loss far below the uniform baseline, towards the source entropy
    assert r["loss_last"] < 0.2 * math.log(r["vocab"])
    assert r["floor"] < r["val_loss"] < 0.2 * math.log(r["vocab"])
    # held-out perplexity is exp(loss) and far below the vocabulary size
    assert math.isclose(r["val_ppl"], math.exp(r["val_loss"]))
    assert r["val_ppl"] < 2.0 < r["vocab"]

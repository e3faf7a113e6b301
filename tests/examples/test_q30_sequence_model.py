"""Q30: an order-dependent label: bag-of-words is at chance, an LSTM solves it."""


def test_q30_sequence_model(run_example):
    r = run_example("q30_sequence_model")
    assert 0.4 < r["bow_acc"] < 0.6  # word counts carry no information about the order
    assert r["lstm_acc"] > 0.95
    assert r["loss_last"] < 0.1 * r["loss_first"]
    assert r["per_step_shape"] == (1000, 12, 1)  # per-token output: a tagging head
    assert r["logits_shape"] == (1000,)  # one logit per sequence: a classifier

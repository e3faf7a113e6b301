"""Q7: a GRU encoder-decoder without attention learns to reverse digit strings."""


def test_q07_seq2seq(run_example):
    r = run_example("q07_seq2seq")
    assert r["loss_first"] > 2.0  # starts near ln(10), a uniform guess over 10 digits
    assert r["loss_last"] < 0.1 * r["loss_first"]  # teacher-forced training loss falls
    assert r["token_acc"] > 0.9  # greedy decoding on strings never seen in training
    assert r["seq_acc"] > 0.8

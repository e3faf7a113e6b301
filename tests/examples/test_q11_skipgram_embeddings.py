"""Q11: skip-gram with negative sampling learns topic structure; mean-pooled sentences."""


def test_q11_skipgram_embeddings(run_example):
    r = run_example("q11_skipgram_embeddings")
    same_before, diff_before = r["before"]
    same_after, diff_after = r["after"]
    # random vectors: no structure yet
    assert abs(same_before - diff_before) < 0.1
    # trained vectors: words that share contexts end up close
    assert same_after > 0.8 and same_after - diff_after > 0.4
    assert set(r["nearest"]) <= {"nurse", "patient", "hospital", "medicine"}
    # mean-pooled sentence vectors inherit the topic structure
    assert r["cos_same"] > r["cos_diff"] + 0.2
    assert r["vectors"].shape == (19, 16)

def test_q18_data_parallel(run_example):
    r = run_example("q18_data_parallel")
    # the all-reduced (averaged) shard gradients equal the full-batch gradient
    assert r["grad_err"] < 1e-6
    # identical gradients + identical optimizer state keep the replicas bit-identical
    assert r["replica_gap"] == 0.0
    # and they follow the single-device run on the whole batch
    assert r["ref_gap"] < 1e-5
    b = r["bytes_per_param"]
    assert b["plain DP"] == 16
    assert b["plain DP"] > b["ZeRO-1 (optimizer states)"] > b["ZeRO-2 (+ gradients)"]
    assert b["ZeRO-3 / FSDP (+ weights)"] == 16 / 8

def test_q20_transfer_learning(run_example):
    r = run_example("q20_transfer_learning")
    assert r["mlm_last"] < r["log_v"] < r["mlm_first"]  # pretraining learned from context
    few, more = r["results"][16], r["results"][64]
    for res, margin in ((few, 0.2), (more, 0.05)):  # pretrained variants beat training from scratch
        assert res["frozen encoder + head"] > res["from scratch"] + margin
        assert res["full fine-tuning"] > res["from scratch"] + margin
    gap_few = few["frozen encoder + head"] - few["from scratch"]
    gap_more = more["frozen encoder + head"] - more["from scratch"]
    assert gap_more < gap_few  # the advantage shrinks as labels grow

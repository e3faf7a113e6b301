def test_q10_pretrain_lora(run_example):
    r = run_example("q10_pretrain_lora")
    assert r["pre"][-1] < 0.1 * r["pre"][0]  # pretraining works
    assert r["n_lora"] < 0.2 * r["n_full"]  # LoRA trains far fewer parameters
    assert r["diff0"] == 0.0  # B = 0: the adapted model starts as the pretrained one
    assert r["loss_before"] > 3.0  # the new data is unfamiliar to the pretrained model
    assert r["loss_lora"] < 0.05 * r["loss_before"]  # LoRA fine-tuning fits it
    assert r["loss_full"] < 0.05 * r["loss_before"]
    assert r["ft_lora"][-1] < 0.05 * r["ft_lora"][0]
    assert r["frozen_same"]  # the base weights never move
    assert r["merge_diff"] < 1e-4  # W + (alpha/r) B A is the same function

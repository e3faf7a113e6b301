def test_q02_adam_adamw(run_example):
    r = run_example("q02_adam_adamw")
    # The hand-written update (moments + bias correction) is exactly torch's Adam.
    assert r["max_diff"] < 1e-6
    assert r["state_keys"] == ["exp_avg", "exp_avg_sq"]  # two extra tensors per weight
    # AdamW: the decay is decoupled from the gradient statistics, (1 - lr*wd) per step.
    assert abs(r["adamw"][1].item() - r["target"]) < 1e-4
    assert abs(r["adamw"][0].item() - r["target"]) < 0.03
    # Adam + L2: the penalty is divided by sqrt(v), so the large-gradient weight is barely
    # decayed and the zero-gradient weight is driven to ~0 at ~lr per step.
    assert r["l2"][0].item() > 0.95
    assert abs(r["l2"][1].item()) < 0.05

def test_q19_distillation(run_example):
    r = run_example("q19_distillation")
    assert r["params_student"] < 0.05 * r["params_teacher"]  # a much smaller model
    acc_hard, kl_hard, agree_hard = r["hard"]
    acc_kd, kl_kd, agree_kd = r["kd"]
    assert r["kl_before"] > 10 * kl_kd  # KL(teacher || student) falls during distillation
    assert kl_kd < kl_hard and agree_kd > agree_hard  # the distilled student mimics the teacher
    assert acc_kd > acc_hard  # and here it also beats hard-label training
    assert acc_kd > r["acc_teacher"] - 0.05  # close to the teacher
    assert abs(r["kl_torch"] - r["kl_manual"]) < 1e-6  # F.kl_div batchmean = textbook KL
    g = r["grads"]
    assert g[3] < g[0] / 30  # soft-target gradients shrink with T ...
    scaled = [gi * t * t for gi, t in zip(g, (1, 2, 4, 8))]
    assert max(scaled) / min(scaled) < 1.1  # ... like 1/T^2

def test_q04_overfitting_toolbox(run_example):
    r = run_example("q04_overfitting_toolbox")
    plain, reg, best = r["plain"], r["regularized"], r["best_epoch"]
    train_plain, val_plain, _ = plain[-1]
    train_reg, val_reg, _ = reg[-1]
    # without regularization the model memorizes: train loss low, validation loss climbs
    assert train_plain < 0.25
    assert val_plain > 2 * min(v for _, v, _ in plain)
    # dropout + weight decay close the train/validation gap and end with a lower val loss
    assert (val_reg - train_reg) < 0.25 * (val_plain - train_plain)
    assert val_reg < val_plain
    # early stopping picks an early epoch whose val loss beats the last epoch's
    assert best < len(plain) // 2
    assert plain[best][1] < 0.6 * val_plain

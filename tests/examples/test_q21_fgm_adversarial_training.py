def test_q21_fgm_adversarial_training(run_example):
    r = run_example("q21_fgm_adversarial_training")
    plain, adv = r["plain"], r["adversarial"]  # name -> {"clean"|"random"|"fgm": (loss, acc)}
    # a gradient-direction perturbation hurts far more than random noise of the same norm
    assert plain["fgm"][0] > 10 * plain["random"][0]
    assert plain["fgm"][1] < plain["random"][1] - 0.1
    # adversarial training: much lower loss and higher accuracy under its own FGM attack
    assert adv["fgm"][0] < 0.2 * plain["fgm"][0]
    assert adv["fgm"][1] > plain["fgm"][1] + 0.1
    # ... without giving up clean accuracy on this task
    assert adv["clean"][1] >= plain["clean"][1] - 0.01

def test_q22_eda_augmentation(run_example):
    r = run_example("q22_eda_augmentation")
    assert len(r["augmented"]) == 8 * 40  # 8 new sentences per training sentence
    assert r["kept"]  # no augmented sentence lost the word that carries its label
    # the synonym lexicon lets the classifier handle sentiment words absent from the data
    assert r["acc_aug"] > r["acc_plain"] + 0.1

"""Q14: permutation equivariance without positions; sinusoidal shifts; RoPE relative scores."""


def test_q14_positional_encoding(run_example):
    r = run_example("q14_positional_encoding")
    assert r["equivariant"]  # self-attention alone cannot see order
    assert not r["equivariant_with_pe"]  # adding positions breaks the symmetry
    assert r["shift_err"] < 1e-12  # PE[pos + k] is a fixed linear map of PE[pos]
    assert max(r["pe_dots"]) - min(r["pe_dots"]) < 1e-9  # PE[p].PE[p+k] depends on k only
    same = r["rope_same"]
    assert max(same) - min(same) < 1e-9  # RoPE score depends on m - n only
    assert abs(r["rope_other"] - same[0]) > 0.1  # ... and changes with the offset
    assert r["rope_norm_kept"]

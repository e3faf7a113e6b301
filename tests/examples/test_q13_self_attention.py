"""Q13: self-attention from the formula equals PyTorch's implementations."""
import torch


def test_q13_self_attention(run_example):
    r = run_example("q13_self_attention")
    assert torch.allclose(r["mine"], r["ref"], atol=1e-6)  # vs scaled_dot_product_attention
    assert torch.allclose(r["mine_causal"], r["ref_causal"], atol=1e-6)
    assert torch.allclose(r["out_mha"], r["ref_mha"], atol=1e-5)  # vs nn.MultiheadAttention
    w = r["weights_causal"]
    assert torch.allclose(w.sum(-1), torch.ones(2, 4, 6))  # rows sum to 1
    assert torch.all(w.triu(1) == 0)  # no weight on future tokens
    assert abs(r["dot_std"] - r["d_k"] ** 0.5) < 0.1 * r["d_k"] ** 0.5  # std of q.k ~ sqrt(d_k)
    assert abs(r["dot_std_scaled"] - 1) < 0.1
    assert r["top_raw"] > 0.8 > 0.5 > r["top_scaled"]  # unscaled softmax saturates

"""Q13: multi-head self-attention from the formula, checked against PyTorch."""
import math

import torch
import torch.nn.functional as F


def attention(q, k, v, causal=False):
    """softmax(q k^T / sqrt(d_k)) v; returns the output and the weights."""
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if causal:
        n = q.size(-2)
        future = torch.ones(n, n, dtype=torch.bool).triu(1)  # True above the diagonal
        scores = scores.masked_fill(future, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights


def self_attention(x, w_qkv, w_o, n_heads, causal=False):
    """Q, K, V are all projected from the same sequence x: (batch, n, d_model)."""
    b, n, d = x.shape
    q, k, v = (x @ w_qkv).split(d, dim=-1)
    # (b, n, d) -> (b, heads, n, d_head)
    q, k, v = (t.view(b, n, n_heads, d // n_heads).transpose(1, 2) for t in (q, k, v))
    out, weights = attention(q, k, v, causal)
    out = out.transpose(1, 2).reshape(b, n, d)  # concatenate the heads
    return out @ w_o, weights


def main() -> dict:
    torch.manual_seed(0)
    b, n, d, h = 2, 6, 16, 4
    x = torch.randn(b, n, d)
    w_qkv = torch.randn(d, 3 * d) / math.sqrt(d)
    w_o = torch.randn(d, d) / math.sqrt(d)

    # Per-head attention from the formula vs PyTorch's fused kernel.
    q, k, v = (x @ w_qkv).split(d, dim=-1)
    q, k, v = (t.view(b, n, h, d // h).transpose(1, 2) for t in (q, k, v))
    mine, w_full = attention(q, k, v)
    ref = F.scaled_dot_product_attention(q, k, v)
    mine_c, w_causal = attention(q, k, v, causal=True)
    ref_c = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    print(f"matches scaled_dot_product_attention: {torch.allclose(mine, ref, atol=1e-6)}")
    print(f"matches it with is_causal=True:       {torch.allclose(mine_c, ref_c, atol=1e-6)}")
    print(f"weights shape (batch, heads, n, n):   {tuple(w_full.shape)}")
    rows_ok = torch.allclose(w_causal.sum(-1), torch.ones(b, h, n))
    print(f"every row of weights sums to 1:       {rows_ok}")
    future = torch.ones(n, n, dtype=torch.bool).triu(1)
    print(f"largest weight on a future token:     {w_causal[..., future].max().item():.4f}")
    row = [round(w, 4) for w in w_causal[0, 0, 2].tolist()]
    print(f"causal weights of token 2 (head 0):   {row}")

    # Full multi-head layer vs nn.MultiheadAttention with the same weights.
    mha = torch.nn.MultiheadAttention(d, h, bias=False, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(w_qkv.T)  # PyTorch stores (out, in)
        mha.out_proj.weight.copy_(w_o.T)
    out, _ = self_attention(x, w_qkv, w_o, h, causal=True)
    # nn.MultiheadAttention: a True in a bool mask means "may NOT attend" (SDPA: the opposite).
    ref_mha, _ = mha(x, x, x, attn_mask=future, need_weights=False)
    print(f"matches nn.MultiheadAttention:        {torch.allclose(out, ref_mha, atol=1e-5)}")

    # Why divide by sqrt(d_k): q.k of unit-variance vectors has variance d_k.
    d_k = 256
    qs, ks = torch.randn(1000, d_k), torch.randn(1000, d_k)
    dots = (qs * ks).sum(-1)
    print(f"d_k={d_k}: std of q.k = {dots.std().item():.2f}, "
          f"after / sqrt(d_k) = {(dots / math.sqrt(d_k)).std().item():.2f}")
    keys = torch.randn(1000, 8, d_k)  # 8 random keys for each of the 1000 queries
    scores = (keys @ qs.unsqueeze(-1)).squeeze(-1)
    top_raw = torch.softmax(scores, -1).max(-1).values.mean().item()
    top_scaled = torch.softmax(scores / math.sqrt(d_k), -1).max(-1).values.mean().item()
    print(f"mean top weight over 8 keys: unscaled {top_raw:.4f}, scaled {top_scaled:.4f}")
    return {
        "mine": mine, "ref": ref, "mine_causal": mine_c, "ref_causal": ref_c,
        "weights_causal": w_causal, "out_mha": out, "ref_mha": ref_mha,
        "dot_std": dots.std().item(), "dot_std_scaled": (dots / math.sqrt(d_k)).std().item(),
        "top_raw": top_raw, "top_scaled": top_scaled, "d_k": d_k,
    }


if __name__ == "__main__":
    main()

"""Q14: why positions are needed, sinusoidal encodings as rotations, and RoPE's relative scores."""
import math

import torch


def sinusoidal(n_pos, d):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same angle)."""
    pos = torch.arange(n_pos, dtype=torch.float64).unsqueeze(1)
    freq = 10000.0 ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)  # one per pair
    pe = torch.zeros(n_pos, d, dtype=torch.float64)
    pe[:, 0::2], pe[:, 1::2] = torch.sin(pos * freq), torch.cos(pos * freq)
    return pe, freq


def shift_matrix(k, freq):
    """Block-diagonal M_k with PE[pos + k] = M_k @ PE[pos] for every pos."""
    m = torch.zeros(2 * len(freq), 2 * len(freq), dtype=torch.float64)
    for i, w in enumerate(freq):
        c, s = math.cos(k * w), math.sin(k * w)
        m[2 * i:2 * i + 2, 2 * i:2 * i + 2] = torch.tensor([[c, s], [-s, c]], dtype=torch.float64)
    return m


def rope(x, pos):
    """Rotate each pair (x[2i], x[2i+1]) by the angle pos * theta_i (Su et al.)."""
    d = x.size(-1)
    theta = 10000.0 ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    c, s = torch.cos(pos * theta), torch.sin(pos * theta)
    x1, x2 = x[0::2], x[1::2]
    out = torch.empty_like(x)
    out[0::2], out[1::2] = x1 * c - x2 * s, x1 * s + x2 * c
    return out


def rope_score(q, k, m, n):
    """Score between a query at position m and a key at position n."""
    return (rope(q, m) @ rope(k, n)).item()


def attend(x, w_q, w_k, w_v):
    """Single-head self-attention with no position information."""
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    return torch.softmax(q @ k.T / math.sqrt(k.size(-1)), dim=-1) @ v


def main() -> dict:
    torch.manual_seed(0)
    n, d = 50, 16
    pe, freq = sinusoidal(n, d)

    # 1) Without positions, self-attention is permutation-equivariant.
    x = torch.randn(6, d, dtype=torch.float64)
    w_q, w_k, w_v = (torch.randn(d, d, dtype=torch.float64) / 4 for _ in range(3))
    perm = torch.tensor([3, 0, 5, 1, 4, 2])
    y, y_perm = attend(x, w_q, w_k, w_v), attend(x[perm], w_q, w_k, w_v)
    equi = torch.allclose(y[perm], y_perm)
    print(f"no positions: f(shuffled x) == shuffled f(x): {equi}")
    with_pe = torch.allclose(attend(x + pe[:6], w_q, w_k, w_v)[perm],
                             attend(x[perm] + pe[:6], w_q, w_k, w_v))
    print(f"with sinusoidal PE added:  f(shuffled x) == shuffled f(x): {with_pe}")

    # 2) Sinusoidal: PE[pos + k] is a fixed rotation of PE[pos], the same for all pos.
    k = 5
    err = (pe[k:] - pe[:-k] @ shift_matrix(k, freq).T).abs().max().item()
    print(f"PE[pos+{k}] == M_{k} @ PE[pos] for every pos (error < 1e-12): {err < 1e-12}")
    dots = [(pe[p] @ pe[p + k]).item() for p in (0, 10, 30)]
    print(f"PE[p].PE[p+{k}] for p = 0, 10, 30: {[round(v, 4) for v in dots]}")

    # 3) RoPE: the score q_m . k_n depends only on the offset m - n.
    q, key = torch.randn(d, dtype=torch.float64), torch.randn(d, dtype=torch.float64)
    same = [rope_score(q, key, m, m - 4) for m in (7, 17, 107)]
    other = rope_score(q, key, 7, 5)
    print(f"RoPE score for (m, n) = (7, 3), (17, 13), (107, 103): "
          f"{[round(v, 4) for v in same]}")
    print(f"RoPE score for (7, 5), offset 2 instead of 4: {other:.4f}")
    norms_kept = torch.isclose(rope(q, 40).norm(), q.norm()).item()
    print(f"rotation keeps the vector's norm: {norms_kept}")

    # 4) ALiBi: no embedding at all, a bias -slope * distance added to the scores.
    slope = 0.5
    bias = [slope * (j - 4) for j in range(5)]
    print(f"ALiBi bias for query 4, keys 0..4, slope {slope}: {bias}")
    return {"equivariant": equi, "equivariant_with_pe": with_pe, "shift_err": err,
            "pe_dots": dots, "rope_same": same, "rope_other": other,
            "rope_norm_kept": norms_kept}


if __name__ == "__main__":
    main()

"""Q8: decoder-to-encoder attention (Bahdanau additive, Luong dot) and the alignment it learns."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, BOS, LENGTH, HIDDEN = 10, 10, 8, 64


class Additive(nn.Module):
    """Bahdanau: score(s, h_j) = v^T tanh(W s + U h_j)."""

    def __init__(self, d_dec, d_enc, d_att):
        super().__init__()
        self.W = nn.Linear(d_dec, d_att, bias=False)
        self.U = nn.Linear(d_enc, d_att, bias=False)
        self.v = nn.Linear(d_att, 1, bias=False)

    def forward(self, S, H):
        """S: (batch, T_out, d_dec) decoder states, H: (batch, T_src, d_enc) encoder states.

        Returns contexts (batch, T_out, d_enc) and weights (batch, T_out, T_src).
        """
        e = self.v(torch.tanh(self.W(S).unsqueeze(2) + self.U(H).unsqueeze(1))).squeeze(-1)
        weights = torch.softmax(e, dim=-1)  # normalised over source positions
        return weights @ H, weights  # context = weighted sum of encoder states


def dot_attention(S, H):
    """Luong 'dot': score(s, h_j) = s^T h_j (decoder and encoder sizes must match)."""
    weights = torch.softmax(S @ H.transpose(1, 2), dim=-1)
    return weights @ H, weights


class AttnSeq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_emb = nn.Embedding(VOCAB, 32)
        self.tgt_emb = nn.Embedding(VOCAB + 1, 32)
        self.encoder = nn.GRU(32, HIDDEN // 2, batch_first=True, bidirectional=True)
        self.decoder = nn.GRU(32, HIDDEN, batch_first=True)
        self.attn = Additive(HIDDEN, HIDDEN, HIDDEN)
        self.combine = nn.Linear(2 * HIDDEN, HIDDEN)
        self.out = nn.Linear(HIDDEN, VOCAB)

    def forward(self, src, tgt_in, state=None):
        """Teacher forcing (or one step at a time when decoding).

        Luong-style: the current decoder state s_t queries ALL encoder states H.
        """
        H, _ = self.encoder(self.src_emb(src))  # (batch, T_src, HIDDEN)
        S, state = self.decoder(self.tgt_emb(tgt_in), state)  # (batch, T_out, HIDDEN)
        context, weights = self.attn(S, H)  # a different context vector per output step
        hidden = torch.tanh(self.combine(torch.cat([context, S], -1)))
        return self.out(hidden), weights, state

    @torch.no_grad()
    def greedy(self, src):
        tok, state, result = torch.full((src.size(0), 1), BOS), None, []
        for _ in range(LENGTH):
            logits, _, state = self(src, tok, state)
            tok = logits.argmax(-1)
            result.append(tok)
        return torch.cat(result, 1)


def batch(gen, n):
    src = torch.randint(0, VOCAB, (n, LENGTH), generator=gen)
    tgt = src.flip(1)
    tgt_in = torch.cat([torch.full((n, 1), BOS), tgt[:, :-1]], dim=1)
    return src, tgt_in, tgt


def main() -> dict:
    torch.set_num_threads(1)  # tiny model: one thread is fastest and reproducible
    torch.manual_seed(0)
    # 1) One decoder state s against T=6 encoder states H.
    s, H = torch.randn(1, 1, HIDDEN), torch.randn(1, 6, HIDDEN)
    c_add, w_add = Additive(HIDDEN, HIDDEN, 32)(s, H)
    c_dot, w_dot = dot_attention(s, H)
    print(f"additive weights: {[round(x, 3) for x in w_add[0, 0].tolist()]}")
    print(f"dot weights:      {[round(x, 3) for x in w_dot[0, 0].tolist()]}")
    print(f"sums: {w_add.sum().item():.4f} {w_dot.sum().item():.4f}; "
          f"context shape {tuple(c_add.shape)}")

    # 2) Train an attention encoder-decoder to reverse 8-digit strings.
    gen = torch.Generator().manual_seed(0)
    model = AttnSeq2Seq()
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    losses = []
    for _ in range(150):
        src, tgt_in, tgt = batch(gen, 128)
        logits, _, _ = model(src, tgt_in)
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(f"cross-entropy: step 0 {losses[0]:.4f}, step {len(losses) - 1} {losses[-1]:.4f}")

    src, tgt_in, tgt = batch(torch.Generator().manual_seed(1), 500)
    with torch.no_grad():
        _, maps, _ = model(src, tgt_in)
    acc = (model.greedy(src) == tgt).float().mean().item()
    aligned = maps[:, torch.arange(LENGTH), LENGTH - 1 - torch.arange(LENGTH)]
    print(f"test token accuracy, greedy decoding: {acc:.4f}")
    print(f"output step i attends most to source position: {maps[0].argmax(-1).tolist()}")
    hits = (maps.argmax(-1) == LENGTH - 1 - torch.arange(LENGTH)).float().mean().item()
    print(f"argmax on the aligned position (7 - i): {hits:.4f} of all test steps")
    print(f"mean weight on the aligned position:    {aligned.mean().item():.4f} "
          f"(uniform would be {1 / LENGTH:.4f})")
    return {"w_add": w_add, "w_dot": w_dot, "context": c_add, "loss_first": losses[0],
            "loss_last": losses[-1], "acc": acc, "maps": maps,
            "aligned_weight": aligned.mean().item(), "aligned_hits": hits}


if __name__ == "__main__":
    main()

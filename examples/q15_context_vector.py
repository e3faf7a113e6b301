"""Q15: the fixed Seq2Seq context vector vs a new attention context vector at every step."""
import torch
import torch.nn as nn
import torch.nn.functional as F

LENGTH, VOCAB, EMB, HID = 6, 10, 16, 32  # HID per encoder direction
BOS = VOCAB  # decoder start token


class AttnSeq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_emb, self.tgt_emb = nn.Embedding(VOCAB, EMB), nn.Embedding(VOCAB + 1, EMB)
        self.encoder = nn.GRU(EMB, HID, batch_first=True, bidirectional=True)
        d = 2 * HID  # h_i = [forward h_i; backward h_i], as in Bahdanau et al.
        self.decoder = nn.GRUCell(EMB + d, d)
        self.w = nn.Linear(d, d, bias=False)
        self.out = nn.Linear(2 * d, VOCAB)

    def attend(self, s_prev, states):
        """Score e_ti = s_(t-1)^T W h_i, alpha_t = softmax(e_t), c_t = sum_i alpha_ti h_i."""
        scores = (self.w(s_prev)[:, None] * states).sum(-1)
        alpha = scores.softmax(-1)  # (batch, source length): one weight per source position
        return alpha, (alpha[..., None] * states).sum(1)

    def forward(self, src, tgt_in):
        states, h_last = self.encoder(self.src_emb(src))  # h_1 .. h_S; final states
        fixed = torch.cat([h_last[0], h_last[1]], dim=-1)  # classic Seq2Seq: ONE vector
        s, logits, alphas, contexts = fixed, [], [], []
        for t in range(tgt_in.shape[1]):
            alpha, c_t = self.attend(s, states)  # a NEW context vector at every step
            s = self.decoder(torch.cat([self.tgt_emb(tgt_in[:, t]), c_t], dim=-1), s)
            logits.append(self.out(torch.cat([s, c_t], dim=-1)))
            alphas.append(alpha)
            contexts.append(c_t)
        return (torch.stack(logits, 1), torch.stack(alphas, 1), torch.stack(contexts, 1),
                states, fixed)


def make_batch(gen, n):
    src = torch.randint(0, VOCAB, (n, LENGTH), generator=gen)
    tgt = src.flip(1)  # task: reverse the sequence
    tgt_in = torch.cat([torch.full((n, 1), BOS), tgt[:, :-1]], dim=1)  # teacher forcing
    return src, tgt_in, tgt


def main() -> dict:
    torch.set_num_threads(1)  # tiny tensors: one thread is fastest and reproducible
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = AttnSeq2Seq()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(150):
        src, tgt_in, tgt = make_batch(gen, 64)
        loss = F.cross_entropy(model(src, tgt_in)[0].reshape(-1, VOCAB), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()

    src, tgt_in, tgt = make_batch(torch.Generator().manual_seed(1), 500)
    with torch.no_grad():
        logits, alphas, contexts, states, fixed = model(src, tgt_in)
    acc = (logits.argmax(-1) == tgt).float().mean().item()
    print(f"reversal, teacher-forced token accuracy {acc:.4f}; source {src[0].tolist()}")
    print(f"fixed context vector: {fixed.shape[1]} numbers, the same at all "
          f"{LENGTH} decoder steps")
    print("attention weights alpha_t over source positions 1..6 (first example):")
    for t in range(LENGTH):
        row = " ".join(f"{a:.2f}" for a in alphas[0, t].tolist())
        print(f"  step {t + 1}: [{row}]  sum {alphas[0, t].sum():.4f}")
    weighted = torch.allclose(contexts, alphas @ states, atol=1e-5)
    peak = alphas.argmax(-1)  # the source position each step attends to most
    aligned = (peak == torch.arange(LENGTH - 1, -1, -1)).float().mean().item()
    print(f"c_t == sum_i alpha_ti h_i: {weighted}; steps whose largest weight is on the "
          f"mirrored position: {aligned:.4f}")
    return {"acc": acc, "alphas": alphas, "contexts": contexts, "states": states,
            "fixed": fixed, "weighted": weighted, "aligned": aligned}


if __name__ == "__main__":
    main()

"""Q3: static vs contextual token vectors, word order, padding masks and sentence pooling."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

WORDS = ["[PAD]", "[CLS]", "the", "bank", "of", "river", "approved", "big", "loan",
         "dog", "bites", "man"]
ID = {w: i for i, w in enumerate(WORDS)}
DIM, MAX_LEN = 16, 8


class Encoder(nn.Module):
    """Token (+ optional position) embeddings and one bidirectional self-attention layer."""

    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(len(WORDS), DIM), nn.Embedding(MAX_LEN, DIM)
        self.q, self.k, self.v = (nn.Linear(DIM, DIM) for _ in range(3))

    def forward(self, ids, pad=None, positions=True):
        x = self.tok(ids)
        if positions:
            x = x + self.pos(torch.arange(ids.shape[1]))
        scores = self.q(x) @ self.k(x).transpose(1, 2) / math.sqrt(DIM)
        if pad is not None:  # padded positions are never attended to
            scores = scores.masked_fill(pad[:, None, :], float("-inf"))
        return x + scores.softmax(-1) @ self.v(x)  # each output mixes the whole sentence


def batch(sentences):
    """Pad to the longest sentence; return ids and a bool mask that is True at padding."""
    ids = [[ID[w] for w in s.split()] for s in sentences]
    n = max(map(len, ids))
    ids = torch.tensor([s + [ID["[PAD]"]] * (n - len(s)) for s in ids])
    return ids, ids == ID["[PAD]"]


def main() -> dict:
    torch.manual_seed(0)
    enc = Encoder().eval()
    s1, s2 = "[CLS] the bank of the river", "[CLS] the bank approved the big loan"
    ids, pad = batch([s1, s2])  # s1 gets one [PAD]
    b1, b2 = s1.split().index("bank"), s2.split().index("bank")  # same position: 2
    with torch.no_grad():
        static = enc.tok(ids)
        ctx = enc(ids, pad)
        cos_static = F.cosine_similarity(static[0, b1], static[1, b2], dim=0).item()
        cos_ctx = F.cosine_similarity(ctx[0, b1], ctx[1, b2], dim=0).item()
        print(f"'bank' static embedding, cosine across the two sentences: {cos_static:.4f}")
        print(f"'bank' after self-attention (contextual), cosine: {cos_ctx:.4f}")

        # Word order: without position information attention sees a bag of words.
        a, _ = batch(["dog bites man"])
        b, _ = batch(["man bites dog"])
        no_pos = torch.allclose(enc(a, positions=False)[0, 1], enc(b, positions=False)[0, 1])
        with_pos = torch.allclose(enc(a)[0, 1], enc(b)[0, 1])
        print(f"'bites' identical in 'dog bites man' / 'man bites dog': "
              f"no positions {no_pos}, with positions {with_pos}")

        # Padding: with the mask, real tokens of s1 get the same vectors as without padding.
        alone, _ = batch([s1])
        real = ~pad[0]
        masked_ok = torch.allclose(ctx[0, real], enc(alone)[0], atol=1e-6)
        unmasked_ok = torch.allclose(enc(ids)[0, real], enc(alone)[0], atol=1e-6)
        print(f"s1 token vectors unchanged by padding: with mask {masked_ok}, "
              f"without mask {unmasked_ok}")

        # Sentence vectors: [CLS] pooling and masked mean pooling.
        keep = (~pad).unsqueeze(-1).float()
        mean = (ctx * keep).sum(1) / keep.sum(1)
        naive = ctx.mean(1)
        cls = ctx[:, 0]
        mean_ok = torch.allclose(mean[0], enc(alone)[0].mean(0), atol=1e-6)
        naive_err = (naive[0] - mean[0]).abs().max().item()
        print(f"sentence vectors: [CLS] {tuple(cls.shape)}, mean pooling {tuple(mean.shape)}")
        print(f"masked mean of padded s1 equals mean of unpadded s1: {mean_ok}; "
              f"plain mean error {naive_err:.4f}")
    return {"cos_static": cos_static, "cos_ctx": cos_ctx, "order_no_pos": no_pos,
            "order_with_pos": with_pos, "masked_ok": masked_ok, "unmasked_ok": unmasked_ok,
            "mean_ok": mean_ok, "naive_err": naive_err, "cls": cls, "mean": mean}


if __name__ == "__main__":
    main()

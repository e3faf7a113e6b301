"""Q7: a GRU encoder-decoder (no attention) learns to reverse digit strings."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, BOS, LENGTH, HIDDEN = 10, 10, 5, 64  # digits 0-9, plus a start token


class Seq2Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.src_emb = nn.Embedding(VOCAB, 32)
        self.tgt_emb = nn.Embedding(VOCAB + 1, 32)  # + BOS
        self.encoder = nn.GRU(32, HIDDEN, batch_first=True)
        self.decoder = nn.GRU(32, HIDDEN, batch_first=True)
        self.out = nn.Linear(HIDDEN, VOCAB)  # projection to the vocabulary

    def encode(self, src):
        _, h = self.encoder(self.src_emb(src))
        return h  # (1, batch, HIDDEN): the fixed-length summary of the whole source

    def forward(self, src, tgt_in):
        """Teacher forcing: the decoder reads the gold previous tokens."""
        y, _ = self.decoder(self.tgt_emb(tgt_in), self.encode(src))
        return self.out(y)  # logits (batch, T, VOCAB)

    @torch.no_grad()
    def greedy(self, src):
        """Inference: feed back the model's own argmax, one token at a time."""
        h = self.encode(src)
        tok = torch.full((src.size(0), 1), BOS)
        result = []
        for _ in range(LENGTH):
            y, h = self.decoder(self.tgt_emb(tok), h)
            tok = self.out(y).argmax(-1)
            result.append(tok)
        return torch.cat(result, dim=1)


def code(src):
    """Each digit string as one integer, to keep the test strings out of training."""
    return (src * 10 ** torch.arange(LENGTH - 1, -1, -1)).sum(1)


def batch(gen, n, exclude=None):
    src = torch.randint(0, VOCAB, (n, LENGTH), generator=gen)
    if exclude is not None:
        src = src[~torch.isin(code(src), exclude)]
        n = src.size(0)
    tgt = src.flip(1)  # the task: reverse the sequence
    tgt_in = torch.cat([torch.full((n, 1), BOS), tgt[:, :-1]], dim=1)  # shifted right
    return src, tgt_in, tgt


def main() -> dict:
    torch.set_num_threads(1)  # tiny model: one thread is fastest and reproducible
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = Seq2Seq()
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    test_src, _, test_tgt = batch(torch.Generator().manual_seed(1), 1000)
    print(f"source {tuple(test_src.shape)} -> encoder summary "
          f"{tuple(model.encode(test_src).shape)} (fixed size)")
    losses = []
    for step in range(250):
        src, tgt_in, tgt = batch(gen, 128, exclude=code(test_src))
        logits = model(src, tgt_in)
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if step in (0, 50, 100, 249):
            print(f"step {step:3d}  cross-entropy {loss.item():.4f}")
    pred = model.greedy(test_src)
    token_acc = (pred == test_tgt).float().mean().item()
    seq_acc = (pred == test_tgt).all(1).float().mean().item()
    print(f"unseen strings, greedy decoding: token accuracy {token_acc:.4f}, "
          f"whole sequence {seq_acc:.4f}")
    print(f"example: {test_src[0].tolist()} -> {pred[0].tolist()}")
    return {"loss_first": losses[0], "loss_last": losses[-1],
            "token_acc": token_acc, "seq_acc": seq_acc}


if __name__ == "__main__":
    main()

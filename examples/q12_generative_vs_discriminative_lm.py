"""Q12: classify with a generative LM (Bayes rule on P(x|y)) vs a discriminative encoder P(y|x)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, LENGTH, DIM = 8, 12, 32
BOS = VOCAB  # the LM's start token is BOS + y: one per class


def make_data(gen, n):
    """Class 0 tends to step +1 (mod 8), class 1 tends to step -1; unigram counts look alike."""
    y = torch.randint(0, 2, (n,), generator=gen)
    x = torch.zeros(n, LENGTH, dtype=torch.long)
    x[:, 0] = torch.randint(0, VOCAB, (n,), generator=gen)
    for t in range(1, LENGTH):
        step = torch.where(y == 0, 1, -1)
        noise = torch.rand(n, generator=gen) < 0.4
        jump = torch.randint(0, VOCAB, (n,), generator=gen)
        x[:, t] = torch.where(noise, jump, (x[:, t - 1] + step) % VOCAB)
    return x, y


class Transformer(nn.Module):
    """One Transformer layer; causal=True makes it an autoregressive LM."""

    def __init__(self, n_in, n_out, causal):
        super().__init__()
        self.causal = causal
        self.tok, self.pos = nn.Embedding(n_in, DIM), nn.Embedding(LENGTH + 1, DIM)
        self.layer = nn.TransformerEncoderLayer(DIM, 2, 2 * DIM, dropout=0.0,
                                                batch_first=True, norm_first=True)
        self.head = nn.Linear(DIM, n_out)

    def forward(self, ids):
        t = ids.shape[1]
        h = self.tok(ids) + self.pos(torch.arange(t))
        if self.causal:
            mask = nn.Transformer.generate_square_subsequent_mask(t)
            return self.head(self.layer(h, src_mask=mask, is_causal=True))  # next-token logits
        return self.head(self.layer(h).mean(1))  # class logits from the mean-pooled sequence


def lm_log_prob(lm, x, y):
    """log P(x | y) = sum_t log P(x_t | y, x_<t), with the class as the first token."""
    ids = torch.cat([(BOS + y)[:, None], x], dim=1)
    logp = lm(ids[:, :-1]).log_softmax(-1)[..., :VOCAB]
    return logp.gather(-1, x[..., None]).squeeze(-1).sum(-1)


def train(model, loss_fn, gen, steps=100):
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(steps):
        x, y = make_data(gen, 64)
        loss = loss_fn(model, x, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model.eval()


def main() -> dict:
    torch.set_num_threads(1)  # tiny tensors: one thread is fastest and reproducible
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    # Generative: maximise log P(x | y) (and P(y) is the class frequency, 1/2 here).
    lm = train(Transformer(VOCAB + 2, VOCAB + 2, causal=True),
               lambda m, x, y: -lm_log_prob(m, x, y).mean() / LENGTH, gen)
    # Discriminative: maximise log P(y | x) directly.
    clf = train(Transformer(VOCAB, 2, causal=False),
                lambda m, x, y: F.cross_entropy(m(x), y), gen)

    x, y = make_data(torch.Generator().manual_seed(1), 1000)
    with torch.no_grad():
        joint = torch.stack([lm_log_prob(lm, x, torch.full_like(y, c)) + math.log(0.5)
                             for c in (0, 1)], dim=1)  # log P(x, y=c)
        gen_acc = (joint.argmax(1) == y).float().mean().item()
        disc_acc = (clf(x).argmax(1) == y).float().mean().item()
        nll = -joint.logsumexp(1).mean().item() / LENGTH
    print(f"held-out accuracy: generative LM + Bayes rule {gen_acc:.4f}, "
          f"discriminative encoder {disc_acc:.4f}")
    print(f"the LM also gives P(x): {nll:.4f} nats/token (uniform: {math.log(VOCAB):.4f})")

    # Only the generative model can write new sequences: sample x ~ P(x | y) token by token.
    sample_gen = torch.Generator().manual_seed(2)
    ys = torch.tensor([0, 1] * 100)
    ids = (BOS + ys)[:, None]
    with torch.no_grad():
        for _ in range(LENGTH):
            probs = lm(ids)[:, -1, :VOCAB].softmax(-1)
            ids = torch.cat([ids, torch.multinomial(probs, 1, generator=sample_gen)], dim=1)
        samples = ids[:, 1:]
        judged = (clf(samples).argmax(1) == ys).float().mean().item()
    print(f"sampled for class 0: {samples[0].tolist()}")
    print(f"sampled for class 1: {samples[1].tolist()}")
    print(f"discriminative classifier agrees with the intended class of 200 samples: "
          f"{judged:.4f}")
    return {"gen_acc": gen_acc, "disc_acc": disc_acc, "nll": nll, "samples": samples,
            "sample_labels": ys, "judged": judged}


if __name__ == "__main__":
    main()

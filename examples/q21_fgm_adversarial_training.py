"""Q21: FGM adversarial training on word embeddings of a tiny text classifier."""
import torch
import torch.nn.functional as F
from torch import nn

VOCAB, LENGTH, DIM = 40, 12, 16
EPS = 0.2  # L2 norm of the perturbation of one whole sequence of embeddings


def make_data(n: int, gen: torch.Generator):
    """Tokens 0-4 are 'positive', 5-9 'negative', the rest neutral; label = more positive."""
    x = torch.randint(0, VOCAB, (n, LENGTH), generator=gen)
    score = (x < 5).sum(1) - ((x >= 5) & (x < 10)).sum(1)
    keep = score != 0  # drop ties
    return x[keep], (score[keep] > 0).long()


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, DIM)
        self.mlp = nn.Sequential(nn.Linear(DIM, 32), nn.Tanh(), nn.Linear(32, 2))

    def embed(self, x):
        # unit-norm embeddings: the model cannot make a fixed EPS negligible by growing
        # the embedding norms (Miyato et al. standardize the embeddings for this reason)
        return F.normalize(self.emb(x), dim=-1)

    def forward_from_embeddings(self, e):
        return self.mlp(e.mean(1))


def fgm(model, e, y, eps=EPS):
    """r = eps * g / ||g||, g = d loss / d embeddings, one norm per sequence."""
    e = e.detach().requires_grad_(True)
    loss = F.cross_entropy(model.forward_from_embeddings(e), y)
    (g,) = torch.autograd.grad(loss, e)
    norm = g.flatten(1).norm(dim=1).clamp_min(1e-12).view(-1, 1, 1)
    return eps * g / norm


def random_like_fgm(e, gen, eps=EPS):
    r = torch.randn(e.shape, generator=gen)
    return eps * r / r.flatten(1).norm(dim=1).view(-1, 1, 1)


def train(adversarial: bool, x, y, steps: int = 150) -> Classifier:
    torch.manual_seed(0)  # same initial weights for both runs
    model = Classifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(steps):
        e = model.embed(x)
        loss = F.cross_entropy(model.forward_from_embeddings(e), y)
        if adversarial:  # clean loss + loss on the FGM-perturbed embeddings
            r = fgm(model, e, y)  # r is a constant: no gradient flows through it
            loss = loss + F.cross_entropy(model.forward_from_embeddings(e + r), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


def evaluate(model, x, y, gen):
    e = model.embed(x).detach()
    out = {}
    for name, r in [("clean", 0.0), ("random", random_like_fgm(e, gen)),
                    ("fgm", fgm(model, e, y))]:
        with torch.no_grad():
            logits = model.forward_from_embeddings(e + r)
        out[name] = (F.cross_entropy(logits, y).item(),
                     (logits.argmax(1) == y).float().mean().item())
    return out


def main() -> dict:
    gen = torch.Generator().manual_seed(0)
    x_tr, y_tr = make_data(600, gen)
    x_te, y_te = make_data(2000, gen)
    results = {}
    print(f"test set, perturbation norm {EPS}: loss (accuracy)")
    print(f"{'model':<14}{'clean':>16}{'random noise':>16}{'FGM attack':>16}")
    for name, adversarial in [("plain", False), ("adversarial", True)]:
        model = train(adversarial, x_tr, y_tr)
        r = evaluate(model, x_te, y_te, torch.Generator().manual_seed(1))
        results[name] = r
        cells = "".join(f"{r[k][0]:>9.4f} ({r[k][1]:.3f})" for k in ("clean", "random", "fgm"))
        print(f"{name:<14}{cells}")
    return results


if __name__ == "__main__":
    main()

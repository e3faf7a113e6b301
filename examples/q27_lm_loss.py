"""Q27: token-level cross-entropy for a language model, padding, perplexity, label smoothing."""
import math

import torch
import torch.nn.functional as F


def fit_free_logits(target: int, vocab: int, eps: float, checkpoints=(100, 1000)) -> list:
    """Minimise the (smoothed) cross-entropy of one target over free logits.

    Returns (p(target), logit gap to the mean of the other logits) at each checkpoint.
    """
    logits = torch.zeros(1, vocab, dtype=torch.float64, requires_grad=True)
    y = torch.tensor([target])
    out = []
    for step in range(1, max(checkpoints) + 1):  # plain gradient descent, lr = 1
        loss = F.cross_entropy(logits, y, label_smoothing=eps)
        (grad,) = torch.autograd.grad(loss, logits)
        with torch.no_grad():
            logits -= grad
        if step in checkpoints:
            z = logits.detach()[0]
            others = torch.cat([z[:target], z[target + 1:]])
            out.append((torch.softmax(z, dim=0)[target].item(), (z[target] - others.mean()).item()))
    return out


def main() -> dict:
    torch.manual_seed(0)
    batch, seq, vocab = 2, 6, 50

    # Stand-in LM logits for 2 sequences of 6 positions; targets = inputs shifted by one.
    logits = torch.randn(batch, seq, vocab, dtype=torch.float64)
    targets = torch.randint(1, vocab, (batch, seq))
    targets[1, 4:] = -100  # the second sequence is 2 tokens shorter: padding

    # 1) F.cross_entropy == mean of -log softmax at the target, over non-pad tokens only.
    flat_logits, flat_targets = logits.reshape(-1, vocab), targets.reshape(-1)
    ce_torch = F.cross_entropy(flat_logits, flat_targets)  # ignore_index=-100 by default
    mask = flat_targets != -100
    log_probs = F.log_softmax(flat_logits, dim=-1)
    nll = -log_probs[mask].gather(1, flat_targets[mask].unsqueeze(1)).squeeze(1)
    ce_manual = nll.mean()
    print(f"F.cross_entropy: {ce_torch:.4f} | manual -log softmax: {ce_manual:.4f} "
          f"({int(mask.sum())} real tokens of {mask.numel()})")
    pad_as_token = targets.clone()
    pad_as_token[pad_as_token == -100] = 0  # wrong: pad id 0 used as a real target
    ce_wrong = F.cross_entropy(flat_logits, pad_as_token.reshape(-1))
    print(f"wrong: pads counted as targets gives {ce_wrong:.4f}")

    # 2) A uniform predictor: loss = log V, perplexity = V.
    uniform = torch.zeros(mask.numel(), vocab, dtype=torch.float64)
    ce_uniform = F.cross_entropy(uniform, flat_targets)
    print(f"uniform over V={vocab}: loss {ce_uniform:.4f} = log V {math.log(vocab):.4f}, "
          f"perplexity {math.exp(ce_uniform):.2f}")
    print(f"random logits: loss {ce_torch:.4f}, perplexity {math.exp(ce_torch):.2f} "
          f"(worse than uniform)")

    # 3) Cross-entropy = entropy + KL divergence (soft targets p, model q).
    p = torch.softmax(torch.randn(vocab, dtype=torch.float64) * 2, dim=0)
    log_q = F.log_softmax(torch.randn(vocab, dtype=torch.float64), dim=0)
    h_pq = -(p * log_q).sum()
    h_p = -(p * p.log()).sum()
    kl = (p * (p.log() - log_q)).sum()
    print(f"H(p,q) {h_pq:.4f} = H(p) {h_p:.4f} + KL(p||q) {kl:.4f}")

    # 4) Label smoothing: PyTorch's formula, then its optimum.
    eps, k = 0.1, 10
    z, y = torch.randn(4, k, dtype=torch.float64), torch.tensor([0, 3, 5, 9])
    ls_torch = F.cross_entropy(z, y, label_smoothing=eps)
    lp = F.log_softmax(z, dim=-1)
    ls_manual = (1 - eps) * F.nll_loss(lp, y) + eps * (-lp.mean(dim=-1)).mean()
    print(f"label_smoothing={eps}: torch {ls_torch:.4f} | (1-eps)*NLL + eps*mean(-log p) "
          f"{ls_manual:.4f}")
    results = {}
    for e in (0.0, eps):
        row = fit_free_logits(target=0, vocab=k, eps=e)
        results[e] = row
        print(f"eps={e}: after 100 / 1000 steps p(target) {row[0][0]:.4f} / {row[1][0]:.4f}, "
              f"logit gap {row[0][1]:.2f} / {row[1][1]:.2f}")
    p_theory = 1 - eps + eps / k
    gap_theory = math.log(p_theory / (eps / k))
    print(f"theory for eps={eps}: p(target)={p_theory:.4f}, logit gap {gap_theory:.2f}")

    return {
        "ce_torch": ce_torch.item(), "ce_manual": ce_manual.item(), "ce_wrong": ce_wrong.item(),
        "n_real": int(mask.sum()), "ce_uniform": ce_uniform.item(), "vocab": vocab,
        "h_pq": h_pq.item(), "h_p": h_p.item(), "kl": kl.item(),
        "ls_torch": ls_torch.item(), "ls_manual": ls_manual.item(),
        "nosmooth": results[0.0], "smooth": results[eps],
        "p_theory": p_theory, "gap_theory": gap_theory,
    }


if __name__ == "__main__":
    main()

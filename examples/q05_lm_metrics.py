"""Q5: perplexity, multi-class P/R/F1, the unbiased pass@k estimator, BLEU and ROUGE-1 by hand."""
import math
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F
from scipy.stats import binom
from sklearn.metrics import accuracy_score, precision_recall_fscore_support, precision_score


def make_corpus(rng: np.random.Generator, vocab: int, length: int) -> np.ndarray:
    """Token stream from a fixed random bigram (Markov) process."""
    trans = rng.dirichlet(np.full(vocab, 0.1), size=vocab)  # peaked next-token distributions
    tokens = [0]
    for _ in range(length - 1):
        tokens.append(rng.choice(vocab, p=trans[tokens[-1]]))
    return np.array(tokens)


def perplexity(log_probs: torch.Tensor, targets: torch.Tensor) -> float:
    """exp(mean token cross-entropy); log_probs has one row per predicted token."""
    return math.exp(F.nll_loss(log_probs, targets).item())


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased estimator of Chen et al. (2021): 1 - C(n-c, k) / C(n, k)."""
    return 1.0 if n - c < k else 1.0 - math.comb(n - c, k) / math.comb(n, k)


def ngrams(tokens: list, n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu(candidate: list, reference: list, max_n: int = 4) -> float:
    """Sentence BLEU, one reference, no smoothing: BP * geometric mean of clipped precisions."""
    precisions = []
    for n in range(1, max_n + 1):
        cand, ref = ngrams(candidate, n), ngrams(reference, n)
        clipped = sum(min(count, ref[g]) for g, count in cand.items())
        precisions.append(clipped / max(sum(cand.values()), 1))
    c, r = len(candidate), len(reference)
    bp = 1.0 if c > r else math.exp(1 - r / c)
    return bp * math.exp(sum(math.log(p) for p in precisions) / max_n)


def rouge1(candidate: list, reference: list) -> tuple:
    overlap = sum((Counter(candidate) & Counter(reference)).values())
    recall, precision = overlap / len(reference), overlap / len(candidate)
    return recall, precision, 2 * recall * precision / (recall + precision)


def main() -> dict:
    rng = np.random.default_rng(0)
    torch.manual_seed(0)

    # 1) Perplexity of three count-based LMs on held-out text (same tokenizer for all).
    vocab = 20
    stream = make_corpus(rng, vocab, 6000)
    train, test = stream[:5000], stream[5000:]
    unigram = np.bincount(train, minlength=vocab) + 1.0  # add-one smoothing
    bigram = np.ones((vocab, vocab))
    np.add.at(bigram, (train[:-1], train[1:]), 1.0)
    prev, nxt = torch.tensor(test[:-1]), torch.tensor(test[1:])
    lp_uniform = torch.full((len(nxt), vocab), -math.log(vocab), dtype=torch.float64)
    lp_unigram = torch.log(torch.tensor(unigram / unigram.sum())).expand(len(nxt), vocab)
    lp_bigram = torch.log(torch.tensor(bigram / bigram.sum(1, keepdims=True)))[prev]
    ppl = {name: perplexity(lp, nxt) for name, lp in
           [("uniform", lp_uniform), ("unigram", lp_unigram), ("bigram", lp_bigram)]}
    print("held-out perplexity: " + ", ".join(f"{k} {v:.2f}" for k, v in ppl.items()))

    # 2) Multi-class precision / recall / F1: 'binary' (the default) fails, choose an average.
    y_true = rng.choice(3, size=200, p=[0.7, 0.2, 0.1])  # imbalanced classes
    y_pred = np.where(rng.random(200) < 0.75, y_true, 0)  # errors fall on the majority class
    try:
        precision_score(y_true, y_pred)
        binary_error = ""
    except ValueError as err:
        binary_error = str(err).split(".")[0]
    print(f"precision_score default: ValueError: {binary_error}")
    f1 = {}
    for avg in ("macro", "micro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=avg, zero_division=0)
        f1[avg] = f
        print(f"{avg:>8}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    acc = accuracy_score(y_true, y_pred)
    print(f"accuracy {acc:.4f} (= micro F1 for single-label multi-class)")

    # 3) pass@k: unbiased estimator vs the naive 1 - (1 - c/n)^k.
    n, c, k = 10, 3, 5
    unbiased, naive = pass_at_k(n, c, k), 1 - (1 - c / n) ** k
    print(f"pass@{k} with n={n}, c={c}: unbiased {unbiased:.4f}, naive {naive:.4f}")
    p_true = 0.2  # expectation over c ~ Binomial(n, p_true), computed exactly
    weights = binom.pmf(np.arange(n + 1), n, p_true)
    e_unbiased = sum(w * pass_at_k(n, ci, k) for ci, w in enumerate(weights))
    e_naive = sum(w * (1 - (1 - ci / n) ** k) for ci, w in enumerate(weights))
    true_value = 1 - (1 - p_true) ** k
    print(f"p={p_true}: true pass@{k} {true_value:.4f}, E[unbiased] {e_unbiased:.4f}, "
          f"E[naive] {e_naive:.4f}")

    # 4) BLEU and ROUGE-1 on one toy sentence pair.
    reference = "the cat sat on the mat".split()
    candidate = "the cat sat on mat".split()
    b = bleu(candidate, reference)
    r1 = rouge1(candidate, reference)
    print(f"BLEU-4 {b:.4f} (by hand: exp(-0.2) * 0.25**0.25 = {math.exp(-0.2) * 0.25 ** 0.25:.4f})")
    print(f"ROUGE-1 recall {r1[0]:.4f}, precision {r1[1]:.4f}, F1 {r1[2]:.4f}")

    return {"ppl": ppl, "vocab": vocab, "binary_error": binary_error, "f1": f1, "acc": acc,
            "unbiased": unbiased, "naive": naive, "true_value": true_value,
            "e_unbiased": e_unbiased, "e_naive": e_naive, "bleu": b, "rouge1": r1}


if __name__ == "__main__":
    main()

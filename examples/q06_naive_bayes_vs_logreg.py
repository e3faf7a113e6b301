"""Q6: naive Bayes (generative) vs logistic regression (discriminative) on word counts."""
import numpy as np
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB

N_WORDS, DOC_LEN, SIZES, REPEATS = 50, 50, [30, 100, 300, 1000], 6


def make_sampler(correlated):
    """Two classes, each a multinomial over N_WORDS words (exactly naive Bayes' assumption).

    With correlated=True, words 0-4 are copied 4 more times: the copies are perfectly dependent
    given the class, which breaks the assumption and makes naive Bayes over-count that evidence.
    """
    rng = np.random.default_rng(0)
    p0 = rng.dirichlet(np.full(N_WORDS, 3.0))
    p1 = p0 * np.exp(rng.normal(0.0, 0.3, N_WORDS))
    probs = np.stack([p0, p1 / p1.sum()])

    def sample(n, seed):
        r = np.random.default_rng(seed)
        y = np.arange(n) % 2
        x = r.multinomial(DOC_LEN, probs[y])
        if correlated:
            x = np.hstack([x] + [x[:, :5]] * 4)
        return x, y

    return sample


def learning_curve(sample):
    x_test, y_test = sample(2000, seed=1)
    nb_acc, lr_acc = [], []
    for n in SIZES:
        nb, lr = [], []
        for rep in range(REPEATS):
            x, y = sample(n, seed=100 + rep)
            nb.append(MultinomialNB().fit(x, y).score(x_test, y_test))
            lr.append(LogisticRegression(solver="liblinear").fit(x, y).score(x_test, y_test))
        nb_acc.append(np.mean(nb))
        lr_acc.append(np.mean(lr))
    return nb_acc, lr_acc


def main() -> dict:
    curves = {name: learning_curve(make_sampler(corr))
              for name, corr in [("independent", False), ("correlated", True)]}
    print("test accuracy, mean of 6 training sets (NB = naive Bayes, LR = logistic regression)")
    print("    n  NB indep  LR indep  NB corr  LR corr")
    (nb_i, lr_i), (nb_c, lr_c) = curves["independent"], curves["correlated"]
    for i, n in enumerate(SIZES):
        print(f"{n:5d}  {nb_i[i]:8.4f}  {lr_i[i]:8.4f}  {nb_c[i]:7.4f}  {lr_c[i]:7.4f}")

    # Naive Bayes is a model of P(x, y) = P(y) P(x | y) ...
    sample = make_sampler(False)
    x, y = sample(1000, seed=7)
    nb = MultinomialNB().fit(x, y)
    lr = LogisticRegression(solver="liblinear").fit(x, y)
    joint = nb.class_log_prior_ + x @ nb.feature_log_prob_.T  # log P(y) + log P(x | y) + const
    bayes = np.exp(joint - logsumexp(joint, axis=1, keepdims=True))
    bayes_ok = np.allclose(bayes, nb.predict_proba(x))
    print(f"NB predict_proba == Bayes rule on its joint P(y)P(x|y): {bayes_ok}")

    # ... so it can GENERATE documents: draw y, then word counts from P(x | y).
    rng = np.random.default_rng(0)
    y_new = rng.integers(0, 2, 500)
    x_new = np.stack([rng.multinomial(DOC_LEN, np.exp(nb.feature_log_prob_[c])) for c in y_new])
    agree = lr.score(x_new, y_new)
    print(f"500 documents sampled from NB's P(x|y): LR labels {agree:.4f} as their class")
    return {"sizes": SIZES, "independent": curves["independent"],
            "correlated": curves["correlated"], "bayes_ok": bayes_ok, "sample_agree": agree}


if __name__ == "__main__":
    main()

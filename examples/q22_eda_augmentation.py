"""Q22: EDA-style text augmentation (Wei & Zou 2019) on a toy sentiment task."""
import random

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

POSITIVE = ["great", "good", "excellent", "wonderful", "superb", "brilliant"]
NEGATIVE = ["bad", "boring", "awful", "terrible", "dull", "poor"]
# A small synonym lexicon plays the role of WordNet in the EDA paper.
# It does not know "brilliant" or "poor".
SYNONYMS = {
    "great": ["excellent", "wonderful", "superb"], "good": ["great"],
    "bad": ["awful", "terrible"], "boring": ["dull", "bad"],
    "movie": ["film"], "film": ["movie"], "really": ["truly"], "acting": ["cast"],
    "plot": ["story"], "story": ["plot"],
}
STOP_WORDS = {"the", "was", "and", "i", "this", "a", "very"}
PROTECTED = set(POSITIVE) | set(NEGATIVE)  # label-bearing words: never deleted


def make_sentences(rng, n, pos_words, neg_words):
    subjects = ["the movie", "the film", "the acting", "the plot", "this story"]
    out = []
    for _ in range(n):
        label = rng.randint(0, 1)
        word = rng.choice(pos_words if label else neg_words)
        text = f"{rng.choice(subjects)} was {rng.choice(['', 'really ', 'very '])}{word}"
        out.append((text.split(), label))
    return out


def synonym_replacement(words, n, rng):
    words = list(words)
    candidates = [i for i, w in enumerate(words) if w in SYNONYMS and w not in STOP_WORDS]
    for i in rng.sample(candidates, min(n, len(candidates))):
        words[i] = rng.choice(SYNONYMS[words[i]])
    return words


def random_insertion(words, n, rng):
    words = list(words)
    for _ in range(n):
        candidates = [w for w in words if w in SYNONYMS]
        if candidates:
            words.insert(rng.randint(0, len(words)), rng.choice(SYNONYMS[rng.choice(candidates)]))
    return words


def random_swap(words, n, rng):
    words = list(words)
    for _ in range(n):
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    return words


def random_deletion(words, p, rng):
    kept = [w for w in words if w in PROTECTED or rng.random() > p]
    return kept or [rng.choice(words)]


def eda(words, rng, alpha=0.2, num_aug=8):
    """num_aug new sentences, a quarter from each operation; n = alpha * length words changed."""
    n = max(1, round(alpha * len(words)))
    ops = [lambda w: synonym_replacement(w, n, rng), lambda w: random_insertion(w, n, rng),
           lambda w: random_swap(w, n, rng), lambda w: random_deletion(w, alpha, rng)]
    return [ops[k % 4](words) for k in range(num_aug)]


def polarity_kept(words, label):
    return any(w in (POSITIVE if label else NEGATIVE) for w in words)


def fit_and_score(train, test):
    vec = CountVectorizer(token_pattern=r"\S+")
    x_train = vec.fit_transform(" ".join(w) for w, _ in train)
    clf = LogisticRegression(C=10.0).fit(x_train, [y for _, y in train])
    x_test = vec.transform(" ".join(w) for w, _ in test)
    return clf.score(x_test, [y for _, y in test])


def main() -> dict:
    rng = random.Random(0)
    # Small training split: it happens to contain only 2 positive and 2 negative words.
    train = make_sentences(rng, 40, POSITIVE[:2], NEGATIVE[:2])
    test = make_sentences(rng, 400, POSITIVE, NEGATIVE)  # held out, never augmented

    demo = ["the", "movie", "was", "really", "great"]
    names = ["synonym replacement", "random insertion", "random swap", "random deletion"]
    print(f"{'original':<20}: {' '.join(demo)}")
    for name, words in zip(names, eda(demo, random.Random(7), num_aug=4)):
        print(f"{name:<20}: {' '.join(words)}")

    augmented = [(w, y) for words, y in train for w in eda(words, rng)]
    kept = all(polarity_kept(w, y) for w, y in augmented)
    acc_plain = fit_and_score(train, test)
    acc_aug = fit_and_score(train + augmented, test)
    print(f"training sentences: {len(train)} original + {len(augmented)} augmented")
    print(f"every augmented sentence keeps a word of its label's polarity: {kept}")
    print(f"held-out accuracy, original only    : {acc_plain:.3f}")
    print(f"held-out accuracy, original + EDA   : {acc_aug:.3f}")
    return {"augmented": augmented, "kept": kept, "acc_plain": acc_plain, "acc_aug": acc_aug}


if __name__ == "__main__":
    main()

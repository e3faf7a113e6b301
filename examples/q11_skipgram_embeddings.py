"""Q11: one-hot vs learned static embeddings: skip-gram with negative sampling, then pooling."""
import random

import torch
import torch.nn.functional as F

TOPICS = {"health": ["doctor", "nurse", "patient", "hospital", "medicine"],
          "sport": ["ball", "goal", "team", "coach", "match"],
          "money": ["bank", "loan", "cash", "market", "stock"]}
SHARED = ["the", "a", "and", "of"]
WORDS = [w for ws in TOPICS.values() for w in ws] + SHARED
ID = {w: i for i, w in enumerate(WORDS)}
DIM, WINDOW, NEGATIVES = 16, 2, 5


def make_corpus(rng, n_sentences):
    """Each sentence mixes words of ONE topic with topic-neutral function words."""
    sentences = []
    for _ in range(n_sentences):
        topic = rng.choice(list(TOPICS))
        sentences.append([rng.choice(TOPICS[topic]) if rng.random() < 0.7
                          else rng.choice(SHARED) for _ in range(8)])
    return sentences


def topic_cosines(vectors):
    """Mean cosine similarity of word pairs from the same topic and from different topics."""
    v = F.normalize(vectors[:15], dim=1)
    sim = v @ v.T
    topic = torch.arange(15) // 5
    same = (topic[:, None] == topic[None, :]) & ~torch.eye(15, dtype=torch.bool)
    diff = topic[:, None] != topic[None, :]
    return sim[same].mean().item(), sim[diff].mean().item()


def main() -> dict:
    torch.set_num_threads(1)  # tiny tensors: one thread is fastest and reproducible
    torch.manual_seed(0)
    rng = random.Random(0)
    sentences = make_corpus(rng, 2000)

    one_hot = torch.eye(len(WORDS))
    print(f"one-hot: dimension {len(WORDS)} (= vocabulary), cosine(doctor, nurse) = "
          f"{F.cosine_similarity(one_hot[ID['doctor']], one_hot[ID['nurse']], dim=0):.4f}")

    # (center, context) pairs from a +-WINDOW window: the skip-gram training data.
    pairs = torch.tensor([(ID[s[i]], ID[s[j]]) for s in sentences for i in range(len(s))
                          for j in range(max(0, i - WINDOW), min(len(s), i + WINDOW + 1))
                          if j != i])
    counts = torch.bincount(pairs[:, 1], minlength=len(WORDS)).float()
    noise = counts ** 0.75 / (counts ** 0.75).sum()  # Mikolov et al.: unigram^(3/4)

    w_in = torch.nn.Parameter(torch.randn(len(WORDS), DIM) * 0.1)   # the word vectors
    w_out = torch.nn.Parameter(torch.randn(len(WORDS), DIM) * 0.1)  # context vectors
    before = topic_cosines(w_in.detach())
    opt = torch.optim.Adam([w_in, w_out], lr=0.01)
    gen = torch.Generator().manual_seed(0)
    for _ in range(300):
        batch = pairs[torch.randint(0, len(pairs), (512,), generator=gen)]
        center, context = w_in[batch[:, 0]], w_out[batch[:, 1]]
        negs = w_out[torch.multinomial(noise, 512 * NEGATIVES, replacement=True,
                                       generator=gen)].view(512, NEGATIVES, DIM)
        pos_score = (center * context).sum(-1)
        neg_score = (negs @ center.unsqueeze(-1)).squeeze(-1)
        # maximise log s(u_o . v_c) + sum_k log s(-u_k . v_c)
        loss = -(F.logsigmoid(pos_score) + F.logsigmoid(-neg_score).sum(-1)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    vectors = w_in.detach()
    after = topic_cosines(vectors)
    print(f"mean cosine, same topic / different topics: before training "
          f"{before[0]:.4f} / {before[1]:.4f}")
    print(f"mean cosine, same topic / different topics: after training  "
          f"{after[0]:.4f} / {after[1]:.4f}")
    sims = F.cosine_similarity(vectors[ID["doctor"]][None], vectors, dim=1)
    sims[ID["doctor"]] = -1.0
    nearest = [WORDS[i] for i in sims.topk(3).indices.tolist()]
    print(f"nearest neighbours of 'doctor': {nearest}")

    # A sentence vector by mean pooling the (static) word vectors.
    def sentence_vector(text):
        return vectors[[ID[w] for w in text.split()]].mean(0)

    s1, s2, s3 = ("the nurse and the doctor", "a patient of the hospital",
                  "the coach of the team")
    c12 = F.cosine_similarity(sentence_vector(s1), sentence_vector(s2), dim=0).item()
    c13 = F.cosine_similarity(sentence_vector(s1), sentence_vector(s3), dim=0).item()
    print(f"mean-pooled sentences: cos('{s1}', '{s2}') = {c12:.4f}")
    print(f"mean-pooled sentences: cos('{s1}', '{s3}') = {c13:.4f}")
    return {"before": before, "after": after, "nearest": nearest, "cos_same": c12,
            "cos_diff": c13, "vectors": vectors}


if __name__ == "__main__":
    main()

"""Q30: an LSTM classifier learns an order-dependent label that bag-of-words cannot see."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression

A, B, VOCAB, LENGTH = 0, 1, 8, 12  # tokens 2..7 are filler


def make_data(rng, n):
    """Each sequence holds one A and one B; label = 1 if A comes before B."""
    x = rng.integers(2, VOCAB, size=(n, LENGTH))
    for row in x:
        i, j = rng.choice(LENGTH, size=2, replace=False)
        row[i], row[j] = A, B
    y = (np.argmax(x == A, axis=1) < np.argmax(x == B, axis=1)).astype(np.int64)
    return x, y


def bag_of_words(x):
    return np.stack([np.bincount(row, minlength=VOCAB) for row in x])


class LSTMClassifier(nn.Module):
    """Many-to-one: read the whole sequence, classify from the last hidden state."""

    def __init__(self, hidden=32):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, 16)
        self.lstm = nn.LSTM(16, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        outputs, (h_n, _) = self.lstm(self.emb(x))  # outputs: (batch, T, hidden)
        return self.head(h_n[-1]).squeeze(-1), outputs  # one logit per SEQUENCE


def main() -> dict:
    torch.set_num_threads(1)  # tiny model: one thread is fastest and reproducible
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    x_train, y_train = make_data(rng, 4000)
    x_test, y_test = make_data(rng, 1000)

    bow = LogisticRegression(max_iter=1000).fit(bag_of_words(x_train), y_train)
    bow_acc = bow.score(bag_of_words(x_test), y_test)
    print(f"bag-of-words + logistic regression, test accuracy: {bow_acc:.4f}")

    model = LSTMClassifier()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    xt, yt = torch.from_numpy(x_train), torch.from_numpy(y_train).float()
    losses = []
    for _ in range(150):
        idx = torch.randint(0, len(xt), (64,))
        logits, _ = model(xt[idx])
        loss = F.binary_cross_entropy_with_logits(logits, yt[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(f"LSTM loss: step 0 {losses[0]:.4f}, step {len(losses) - 1} {losses[-1]:.4f}")

    with torch.no_grad():
        logits, outputs = model(torch.from_numpy(x_test))
    lstm_acc = ((logits > 0).long().numpy() == y_test).mean().item()
    print(f"LSTM, test accuracy: {lstm_acc:.4f}")
    per_step = nn.Linear(32, 1)(outputs)  # Dense(1) on return_sequences output: one score per step
    print(f"head on every step: {tuple(per_step.shape)} (one label per token: tagging)")
    print(f"head on last state: {tuple(logits.shape)} (one label per sequence)")
    return {"bow_acc": bow_acc, "lstm_acc": lstm_acc, "loss_first": losses[0],
            "loss_last": losses[-1], "per_step_shape": tuple(per_step.shape),
            "logits_shape": tuple(logits.shape)}


if __name__ == "__main__":
    main()

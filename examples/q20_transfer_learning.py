"""Q20: transfer learning: pretrain a small encoder with masked-token prediction, reuse it."""
import copy
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

TOPICS, WORDS, LENGTH, D = 4, 30, 12, 32
VOCAB = TOPICS * WORDS  # word ids 0..119; id 120 is [MASK]
MASK = VOCAB


def sentences(n: int, gen: torch.Generator) -> tuple:
    """Each sentence has a topic; a word is from that topic with prob 0.5, else any word."""
    topic = torch.randint(0, TOPICS, (n,), generator=gen)
    on_topic = topic[:, None] * WORDS + torch.randint(0, WORDS, (n, LENGTH), generator=gen)
    anywhere = torch.randint(0, VOCAB, (n, LENGTH), generator=gen)
    use_topic = torch.rand(n, LENGTH, generator=gen) < 0.5
    return torch.where(use_topic, on_topic, anywhere), topic


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB + 1, D)
        self.layer = nn.TransformerEncoderLayer(D, nhead=2, dim_feedforward=64, dropout=0.0,
                                                batch_first=True)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.layer(self.emb(tokens))  # (batch, length, D), no positions needed here


class Classifier(nn.Module):
    def __init__(self, encoder: Encoder):
        super().__init__()
        self.encoder, self.head = encoder, nn.Linear(D, TOPICS)  # the new task head

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(tokens).mean(dim=1))  # mean pooling


def pretrain(encoder: Encoder, steps: int, gen: torch.Generator) -> list:
    """Masked-token prediction (BERT-style) on unlabelled sentences."""
    mlm_head = nn.Linear(D, VOCAB)
    opt = torch.optim.AdamW(list(encoder.parameters()) + list(mlm_head.parameters()), lr=1e-2)
    losses = []
    for _ in range(steps):
        tokens, _ = sentences(64, gen)
        masked = torch.rand(tokens.shape, generator=gen) < 0.3
        logits = mlm_head(encoder(tokens.masked_fill(masked, MASK)))
        loss = F.cross_entropy(logits[masked], tokens[masked])  # loss on masked positions only
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


def fine_tune(model: Classifier, x, y, train_encoder: bool, epochs: int = 60) -> Classifier:
    if train_encoder:  # full fine-tuning: every weight moves
        params, inputs, forward = model.parameters(), x, model
    else:  # feature extraction: encode once with the frozen encoder, train only the head
        model.encoder.requires_grad_(False)
        with torch.no_grad():
            inputs = model.encoder(x).mean(dim=1)
        params, forward = model.head.parameters(), model.head
    opt = torch.optim.AdamW(params, lr=5e-3)
    for _ in range(epochs):  # full batch: the labelled set is small
        loss = F.cross_entropy(forward(inputs), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


def accuracy(model: Classifier, x, y) -> float:
    with torch.no_grad():
        return (model(x).argmax(-1) == y).float().mean().item()


def main() -> dict:
    torch.manual_seed(0)
    torch.set_num_threads(1)  # tiny tensors: one thread is faster and reproducible
    gen = torch.Generator().manual_seed(0)
    x_test, y_test = sentences(1000, gen)

    pretrained = Encoder()
    mlm = pretrain(pretrained, steps=120, gen=gen)
    first, last = sum(mlm[:10]) / 10, sum(mlm[-10:]) / 10  # mean over 10 steps
    print(f"pretraining, masked-token loss on unlabelled text: {first:.4f} -> {last:.4f} "
          f"(uniform guess: log V = {math.log(VOCAB):.4f})")

    results = {}
    for n_labels in (16, 64):
        x, y = sentences(n_labels, gen)
        torch.manual_seed(1)
        scratch_init = Encoder()  # same architecture, random weights
        variants = {
            "frozen encoder + head": (copy.deepcopy(pretrained), False),
            "full fine-tuning": (copy.deepcopy(pretrained), True),
            "from scratch": (scratch_init, True),
        }
        results[n_labels] = {}
        for name, (encoder, train_encoder) in variants.items():
            torch.manual_seed(2)  # same head initialisation for every variant
            model = fine_tune(Classifier(encoder), x, y, train_encoder)
            results[n_labels][name] = accuracy(model, x_test, y_test)
        print(f"{n_labels:>3} labels: " + ", ".join(f"{k} {v:.4f}"
                                                   for k, v in results[n_labels].items()))
    return {"mlm_first": first, "mlm_last": last, "log_v": math.log(VOCAB),
            "results": results}


if __name__ == "__main__":
    main()

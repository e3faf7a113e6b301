"""Q26: padding + loss masking, and gradient accumulation that really equals the big batch."""
import torch
import torch.nn.functional as F
from torch import nn

PAD, IGNORE = 0, -100  # pad token id; label value that cross_entropy skips


class TinyLM(nn.Module):
    """A causal GRU language model: position t only sees tokens <= t."""

    def __init__(self, vocab: int = 12, d: int = 16):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.head = nn.Linear(d, vocab)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.rnn(self.emb(x))[0])


def pad_batch(seqs: list) -> tuple:
    """Right-pad to the longest sequence; pad positions get label IGNORE."""
    width = max(len(s) for s in seqs) - 1
    x = torch.full((len(seqs), width), PAD)
    y = torch.full((len(seqs), width), IGNORE)
    for i, s in enumerate(seqs):
        x[i, :len(s) - 1], y[i, :len(s) - 1] = s[:-1], s[1:]
    return x, y


def lm_loss(model: nn.Module, x: torch.Tensor, y: torch.Tensor, reduction: str = "mean"):
    logits = model(x)
    return F.cross_entropy(logits.flatten(0, 1), y.flatten(), ignore_index=IGNORE,
                           reduction=reduction)


def flat_grad(model: nn.Module) -> torch.Tensor:
    return torch.cat([p.grad.flatten() for p in model.parameters()])


def main() -> dict:
    torch.manual_seed(0)
    model = TinyLM()
    lengths = [13, 4, 9, 6, 11, 3, 8, 5]
    seqs = [torch.randint(1, 12, (n,)) for n in lengths]  # token ids 1..11, 0 is PAD
    n_tokens = sum(n - 1 for n in lengths)  # predicted tokens (targets)

    # 1) one padded batch with loss masking == the unpadded sequences one by one
    x, y = pad_batch(seqs)
    with torch.no_grad():
        padded = lm_loss(model, x, y).item()
        one_by_one = sum(lm_loss(model, s[None, :-1], s[None, 1:], "sum").item()
                         for s in seqs) / n_tokens
        y_pads_counted = torch.where(y == IGNORE, PAD, y)  # forgot to mask the padding
        wrong = lm_loss(model, x, y_pads_counted).item()
    print(f"batch {tuple(x.shape)}: {n_tokens} real targets, {x.numel() - n_tokens} padding")
    print(f"padded batch, ignore_index : {padded:.5f}")
    print(f"unpadded, one at a time    : {one_by_one:.5f}")
    print(f"padded, pads counted (bug) : {wrong:.5f}")

    # bucketing: batches of similar lengths need less padding
    micro = [seqs[i:i + 2] for i in range(0, len(seqs), 2)]
    by_length = sorted(seqs, key=len)
    buckets = [by_length[i:i + 2] for i in range(0, len(seqs), 2)]

    def padding(groups: list) -> int:
        return sum(pad_batch(g)[1].eq(IGNORE).sum().item() for g in groups)

    print(f"padding in batches of 2: {padding(micro)} in given order, "
          f"{padding(buckets)} after sorting by length")

    # 2) gradient accumulation over the 4 micro-batches of 2 sequences
    model.zero_grad()
    lm_loss(model, x, y).backward()  # the big batch: mean over all real tokens
    g_full = flat_grad(model)

    model.zero_grad()
    for mb in micro:  # naive: average the per-micro-batch means
        (lm_loss(model, *pad_batch(mb)) / len(micro)).backward()
    g_naive = flat_grad(model)

    model.zero_grad()
    for mb in micro:  # correct: sum token losses, divide by the global token count
        (lm_loss(model, *pad_batch(mb), "sum") / n_tokens).backward()
    g_accum = flat_grad(model)

    err_naive = ((g_naive - g_full).norm() / g_full.norm()).item()
    err_accum = ((g_accum - g_full).norm() / g_full.norm()).item()
    print(f"micro-batch targets: {[sum(len(s) - 1 for s in mb) for mb in micro]}")
    print(f"accumulated grad, mean of means      : rel. error {err_naive:.4f}")
    print(f"accumulated grad, sum / total tokens : rel. error {err_accum:.1e}")
    return {"padded": padded, "one_by_one": one_by_one, "wrong": wrong,
            "g_full": g_full, "g_naive": g_naive, "g_accum": g_accum}


if __name__ == "__main__":
    main()

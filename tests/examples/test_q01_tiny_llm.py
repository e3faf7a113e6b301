"""Q1: BPE, a tiny causal Transformer LM trained by next-token prediction, and decoding."""
import re

import torch

# the grammar of the synthetic corpus: "the <noun>[s] <verb>[s] the|a <noun> ."
NOUN = "(cat|dog|bird)"
SENTENCE = re.compile(rf"the ({NOUN} (sees|likes|chases)|{NOUN}s (see|like|chase)) (the|a) {NOUN} \.")


def test_q01_tiny_llm(run_example):
    r = run_example("q01_tiny_llm")
    # BPE splits an unseen word into known subword pieces (no out-of-vocabulary token)
    assert "".join(r["unseen"]) == "liked</w>" and len(r["unseen"]) > 1
    # next-token cross-entropy falls well below its starting value
    assert r["loss_last"] < 0.3 * r["loss_first"]
    # after "the cats" the likely next pieces all begin a plural verb (agreement was learned)
    plural_verbs = ("see</w>", "like</w>", "chase</w>")
    assert all(any(v.startswith(piece) for v in plural_verbs) for piece, _ in r["top_next"])
    assert sum(p for _, p in r["top_next"]) > 0.9
    # "se" starts both "see" and "sees": the next piece makes it the plural "see"
    assert r["see_vs_sees"]["e</w>"] > 0.9 > 0.05 > r["see_vs_sees"]["es</w>"]
    # greedy decoding produces complete, grammatical sentences
    for sentence in r["outputs"]["greedy"].split(" . ")[:2]:
        assert SENTENCE.fullmatch(sentence.strip() + " ."), sentence

    # the decoding filters
    next_token = r["next_token"]
    logits = torch.tensor([3.0, 2.0, 1.0, 0.0, -1.0])
    gen = torch.Generator().manual_seed(0)
    assert next_token(logits, gen, temperature=0) == 0  # greedy = argmax
    top_k = {next_token(logits, gen, top_k=2) for _ in range(200)}
    assert top_k == {0, 1}  # only the 2 most likely tokens are ever sampled
    # nucleus: probabilities 0.64, 0.23, 0.09, ...; the smallest set reaching 0.8 is {0, 1}
    top_p = {next_token(logits, gen, top_p=0.8) for _ in range(200)}
    assert top_p == {0, 1}
    assert torch.equal(logits, torch.tensor([3.0, 2.0, 1.0, 0.0, -1.0]))  # input untouched

"""A tiny, valid handbook tree for the validator's tests: each test breaks one thing in a copy."""

from pathlib import Path

import pytest

from handbook.checks import run_checks
from handbook.content import load_source


def question_zh(n: int, term: str = "") -> str:
    link = f"[注意力机制](glossary.md#{term})" if term else "注意力机制"
    return f"""
## Q{n} 什么是第 {n} 个问题？ {{#q{n}}}

**题目**：请解释{link}。

**答案**：

- 要点一，公式 $a_{n} = b$。

**举例**：下面的程序打印一个数。

```python title="examples/q0{n}_demo.py"
--8<-- "examples/q0{n}_demo.py"
```

输出：

```text
--8<-- "examples/q0{n}_demo.out"
```

**解析**：见 [Q1](topic.md#q1)。

**追问**：

- **为什么？** 因为如此。

**参考**：

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)
"""


def question_en(n: int, term: str = "") -> str:
    link = f"[attention](glossary.md#{term})" if term else "attention"
    return f"""
## Q{n} What is question {n}? {{#q{n}}}

**Question**: explain {link}.

**Answer**:

- Point one, formula $a_{n} = b$.

**Example**: the program prints a number.

```python title="examples/q0{n}_demo.py"
--8<-- "examples/q0{n}_demo.py"
```

Output:

```text
--8<-- "examples/q0{n}_demo.out"
```

**Explanation**: see [Q1](topic.md#q1).

**Follow-ups**:

- **Why?** Because.

**References**:

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)
"""


def tree() -> dict[str, str]:
    files = {
        "docs/index.md": "---\ndescription: 首页。\n---\n\n# 首页\n\n见[主题](topic.md#q2)。\n",
        "docs/index.en.md": "---\ndescription: Home.\n---\n\n# Home\n\nSee [the topic](topic.md#q2).\n",
        "docs/topic.md": "---\ndescription: 主题。\n---\n\n# 主题\n" + "".join(
            question_zh(n, "attention" if n == 1 else "") for n in (1, 2, 3)),
        "docs/topic.en.md": "---\ndescription: Topic.\n---\n\n# Topic\n" + "".join(
            question_en(n, "attention" if n == 1 else "") for n in (1, 2, 3)),
        "docs/glossary.md": "---\ndescription: 术语。\n---\n\n# 术语表\n\n<!-- generated: glossary -->\n",
        "docs/glossary.en.md": "---\ndescription: Terms.\n---\n\n# Glossary\n\n"
                               "<!-- generated: glossary -->\n",
        "data/questions.yml": (
            "tags:\n  basics: {zh: 基础, en: Basics}\n"
            "q1: {page: topic, difficulty: basic, tags: [basics], related: [q2, q3]}\n"
            "q2: {page: topic, difficulty: intermediate, tags: [basics], related: [q1, q3]}\n"
            "q3: {page: topic, difficulty: advanced, tags: [basics], related: [q1, q2]}\n"),
        "data/glossary.yml": (
            "attention:\n  zh: 注意力机制\n  en: attention\n"
            "  zh_def: 按相关性加权求和。\n  en_def: A weighted sum by relevance.\n"),
        "data/published.yml": "pages: [index, topic, glossary]\nquestions: [q1, q2, q3]\n"
                              "redirects: {}\n",
    }
    for n in (1, 2, 3):
        files[f"examples/q0{n}_demo.py"] = (
            f'"""Q{n}: prints a number."""\n\n\ndef main() -> dict:\n    print({n})\n'
            f'    return {{"n": {n}}}\n\n\nif __name__ == "__main__":\n    main()\n')
        files[f"examples/q0{n}_demo.out"] = f"{n}\n"
        files[f"tests/examples/test_q0{n}_demo.py"] = (
            f'def test_q0{n}_demo(run_example):\n    assert run_example("q0{n}_demo")["n"] == {n}\n')
    return files


def write_tree(root: Path) -> Path:
    for rel, text in tree().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path):
    """A valid tree; `site.problems()` runs every check and returns 'path:line: message' lines."""

    class Site:
        root = write_tree(tmp_path)

        def path(self, rel: str) -> Path:
            return self.root / rel

        def read(self, rel: str) -> str:
            return self.path(rel).read_text(encoding="utf-8")

        def write(self, rel: str, text: str) -> None:
            self.path(rel).parent.mkdir(parents=True, exist_ok=True)
            self.path(rel).write_text(text, encoding="utf-8")

        def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
            text = self.read(rel)
            assert old in text, f"{old!r} not in {rel}"
            self.write(rel, text.replace(old, new, count))

        def problems(self) -> list[str]:
            return [str(p) for p in run_checks(load_source(self.root))]

    return Site()

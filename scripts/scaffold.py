"""`python scripts/build.py new`: scaffold a new question in both languages.

It takes the next free number (after every number ever published, so numbers are never reused),
appends the question to the topic page in both languages, writes the example program, its output
and a test stub, and registers the id in data/questions.yml and data/published.yml. Every place the
contributor must fill in is marked TODO, and the validator reports exactly those until they are done.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from handbook.content import QUESTION_ID, load_source

ZH = """
## Q{n} {title_zh} {{#q{n}}}

**题目**：TODO 写出面试官的问题。

**答案**：

- TODO 写出要点。

**举例**：TODO 说明这个程序演示什么。

```python title="examples/{stem}.py"
--8<-- "examples/{stem}.py"
```

输出：

```text
--8<-- "examples/{stem}.out"
```

**解析**：TODO 解释为什么，并列出常见错误。

**追问**：

- **TODO 追问？** 简短回答。

**参考**：

- TODO 论文或官方文档的链接。
"""

EN = """
## Q{n} {title_en} {{#q{n}}}

**Question**: TODO state the interviewer's question.

**Answer**:

- TODO the key points.

**Example**: TODO say what the program shows.

```python title="examples/{stem}.py"
--8<-- "examples/{stem}.py"
```

Output:

```text
--8<-- "examples/{stem}.out"
```

**Explanation**: TODO why the answer is right, and the common mistakes.

**Follow-ups**:

- **TODO a follow-up question?** Its short answer.

**References**:

- TODO a link to the paper or official documentation.
"""

EXAMPLE = '''"""Q{n}: TODO one line on what this example shows."""


def main() -> dict:
    result = 0  # TODO compute something a reader can check
    print(f"TODO result: {{result}}")
    return {{"result": result}}


if __name__ == "__main__":
    main()
'''

TEST = '''def test_{stem}(run_example):
    r = run_example("{stem}")
    assert r["result"] == 1, "TODO: assert what the example claims (a loss that falls, ...)"
'''

META = """q{n}:
  page: {page}
  difficulty: intermediate  # TODO basic | intermediate | advanced
  tags: [{tags}]  # TODO one to three ids from `tags:` above
  related: [{related}]  # TODO two to four related question ids
"""


def fail(message: str) -> int:
    print(f"new: {message}", file=sys.stderr)
    return 2


def scaffold(root: Path, page: str, slug: str, title_zh: str, title_en: str) -> int:
    source = load_source(root)
    if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", slug):
        return fail(f"--slug {slug!r}: use lowercase ascii words joined by _ (e.g. rotary_embedding)")
    zh_page, en_page = source.page(page, "zh"), source.page(page, "en")
    if zh_page is None or en_page is None or not zh_page.questions:
        topics = sorted({n for (n, _), p in source.pages.items() if p.questions})
        return fail(f"--page {page!r} is not a topic page; choose one of: {', '.join(topics)}")
    numbers = [int(q[1:]) for q in (source.published.get("questions") or []) if QUESTION_ID.match(q)]
    numbers += [int(q[1:]) for q in source.question_pages("zh")]
    numbers += [int(str(q)[1:]) for q in (source.published.get("redirects") or {})
                if QUESTION_ID.match(str(q))]
    n = max(numbers, default=0) + 1
    stem = f"q{n:02d}_{slug}"
    files = {
        root / "examples" / f"{stem}.py": EXAMPLE.format(n=n),
        root / "tests" / "examples" / f"test_{stem}.py": TEST.format(stem=stem),
    }
    for path in files:
        if path.exists():
            return fail(f"{path.relative_to(root)} already exists")

    neighbours = [q.id for q in zh_page.questions][-2:]
    meta = source.questions.get(neighbours[-1]) or {}
    tags = ", ".join((meta.get("tags") or [])[:1])
    values = dict(n=n, stem=stem, page=page, tags=tags, related=", ".join(neighbours),
                  title_zh=title_zh.strip() or "TODO 用一句话写出问题",
                  title_en=title_en.strip() or "TODO the question in one line")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    for page_file, template in ((zh_page.path, ZH), (en_page.path, EN)):
        text = page_file.read_text(encoding="utf-8")
        page_file.write_text(text.rstrip("\n") + "\n" + template.format(**values), encoding="utf-8")
    questions_yml = root / "data" / "questions.yml"
    text = questions_yml.read_text(encoding="utf-8")
    questions_yml.write_text(text.rstrip("\n") + "\n" + META.format(**values), encoding="utf-8")
    register(root / "data" / "published.yml", f"q{n}")

    example = root / "examples" / f"{stem}.py"
    run = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, cwd=root)
    example.with_suffix(".out").write_text(run.stdout, encoding="utf-8")
    print(f"new: Q{n} scaffolded on {page}: docs/{page}.md, docs/{page}.en.md, examples/{stem}.py "
          f"(+ .out), tests/examples/test_{stem}.py, data/questions.yml, data/published.yml")
    print("new: fill in every TODO; `python scripts/build.py --check` lists what is left")
    return 0


def register(published: Path, qid: str) -> None:
    """Add a question id to the `questions:` list of data/published.yml, keeping its comments."""
    text = published.read_text(encoding="utf-8")
    flow = re.search(r"^questions:\s*\[(?P<items>[^\]]*)\]", text, re.M)
    if flow:
        items = flow["items"].rstrip()
        joined = f"{items}, {qid}" if items.strip() else qid
        text = text[: flow.start("items")] + joined + text[flow.end("items"):]
    else:
        block = re.search(r"^questions:\s*\n((?:[ \t]+-.*\n?)*)", text, re.M)
        if block is None:
            text = text.rstrip("\n") + f"\nquestions: [{qid}]\n"
        else:
            indent = re.match(r"[ \t]*", block[1]).group(0) if block[1] else "  "
            end = block.end(1)
            newline = "" if text[:end].endswith("\n") else "\n"
            text = text[:end] + newline + f"{indent}- {qid}\n" + text[end:]
    published.write_text(text, encoding="utf-8")

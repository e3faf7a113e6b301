"""scripts/build.py as a contributor meets it: a reviewer's broken inputs each get `path:line:`
messages and exit status 1, never a traceback, and no file is changed."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.unit.conftest import write_tree


@pytest.fixture
def repo(tmp_path):
    """The tiny valid tree plus the real scripts/ and handbook/, so the real CLI runs on it."""
    write_tree(tmp_path)
    for folder in ("scripts", "handbook"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(repo / "scripts" / "build.py"), *args], cwd=repo,
                          capture_output=True, text=True, timeout=120)


def snapshot(repo: Path) -> dict[str, str]:
    """Every file but caches (bytecode, and converted formulas in .cache/, handbook/mathml.py)."""
    return {p.relative_to(repo).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(repo.rglob("*"))
            if p.is_file() and not {"__pycache__", ".cache"} & set(p.parts)}


def test_clean_tree_exits_0(repo):
    result = run(repo, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "no problems" in result.stderr


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


BROKEN = {
    "unclosed fence": (lambda r: append(r / "docs/index.md", "\n```python\nx = 1\n"),
                       "docs/index.md:9: code fence is never closed"),
    "broken anchor": (lambda r: append(r / "docs/index.en.md", "\n[x](topic.md#q42)\n"),
                      "docs/index.en.md:9: broken anchor 'topic.md#q42'"),
    "missing translation": (lambda r: (r / "docs/topic.en.md").unlink(),
                            "docs/topic.md:1: no English translation"),
    "duplicate id": (lambda r: append(r / "docs/index.md", "\n## Q1 又一个 {#q1}\n"),
                     "duplicate question id q1"),
    "injected script": (lambda r: append(r / "docs/index.en.md", '\n<script src="//x.io/a.js"></script>\n'),
                        "docs/index.en.md:9: raw <script>"),
    "bad encoding": (lambda r: (r / "docs/index.md").write_bytes("# 首页\n".encode("gbk")),
                     "docs/index.md:1: not valid UTF-8"),
    "empty file": (lambda r: (r / "docs/index.en.md").write_text(""),
                   "docs/index.en.md:1: file is empty"),
    "huge file": (lambda r: append(r / "docs/topic.md", "x" * 300_000),
                  "docs/topic.md:1: file is 294 KiB"),
    "bad yaml": (lambda r: append(r / "data/questions.yml", "q4: [unclosed\n"),
                 "data/questions.yml:"),
    "binary file": (lambda r: (r / "docs/topic.en.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"),
                    "docs/topic.en.md:1: not valid UTF-8"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_input_is_reported_not_crashed(repo, name):
    breaks, expected = BROKEN[name]
    breaks(repo)
    before = snapshot(repo)
    result = run(repo, "--check")
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for line in result.stdout.splitlines():
        path, number, message = line.split(":", 2)
        assert (repo / path).exists() or "translation" in message, line
        assert number.isdigit() and message.startswith(" "), line
    assert snapshot(repo) == before, "the check changed a file"


def test_all_problems_are_reported_not_only_the_first(repo):
    for name in ("unclosed fence", "broken anchor", "injected script"):
        BROKEN[name][0](repo)
    result = run(repo, "--check")
    assert result.returncode == 1
    for fragment in ("code fence is never closed", "broken anchor", "raw <script>"):
        assert fragment in result.stdout
    count = len(result.stdout.splitlines())
    assert count >= 3 and f"{count} problems found" in result.stderr


def test_build_refuses_a_broken_tree_and_writes_nothing(repo):
    BROKEN["broken anchor"][0](repo)
    before = snapshot(repo)
    result = run(repo)
    assert result.returncode == 1
    assert not (repo / "site").exists()
    assert snapshot(repo) == before


def test_usage_error_exits_2(repo):
    result = run(repo, "--no-such-flag")
    assert result.returncode == 2
    assert "usage:" in result.stderr

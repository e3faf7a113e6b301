"""`python scripts/build.py new`, run in a temporary copy of the repository: right after it, the
validator reports only the TODOs it marked; once they are filled in, the site builds."""

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

COPY = ["docs", "data", "examples", "handbook", "hooks", "overrides", "scripts", "mkdocs.yml",
        "tests/examples"]


@pytest.fixture
def repo(tmp_path):
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def build_py(repo, *args):
    return subprocess.run([sys.executable, str(repo / "scripts" / "build.py"), *args], cwd=repo,
                          capture_output=True, text=True, timeout=600)


def fill(path, replacements):
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        text = re.sub(old, new, text)
    path.write_text(text, encoding="utf-8")


def test_scaffold_then_fill_in_then_build(repo):
    assert build_py(repo, "--check").returncode == 0, "the repository itself must be clean"
    published = yaml.safe_load((repo / "data/published.yml").read_text(encoding="utf-8"))
    n = max(int(q[1:]) for q in published["questions"]) + 1

    result = build_py(repo, "new", "--page", "architectures", "--slug", "rope_demo",
                      "--title-zh", "什么是旋转位置编码（RoPE）？",
                      "--title-en", "What is rotary position embedding (RoPE)?")
    assert result.returncode == 0, result.stderr
    stem = f"q{n}_rope_demo" if n >= 10 else f"q0{n}_rope_demo"

    check = build_py(repo, "--check")
    problems = check.stdout.splitlines()
    assert check.returncode == 1 and problems
    assert all(": unfinished: " in line for line in problems), "\n".join(problems)
    marked = {line.split(":")[0] for line in problems}
    assert marked == {"docs/architectures.md", "docs/architectures.en.md", f"examples/{stem}.py",
                      f"examples/{stem}.out", f"tests/examples/test_{stem}.py", "data/questions.yml"}
    registered = yaml.safe_load((repo / "data/published.yml").read_text(encoding="utf-8"))
    assert f"q{n}" in registered["questions"]

    # A contributor fills in every TODO.
    fill(repo / "docs/architectures.md", [(r"TODO ", "")])
    fill(repo / "docs/architectures.en.md", [(r"TODO ", "")])
    fill(repo / f"examples/{stem}.py", [(r"TODO one line on what this example shows",
                                         "rotary embeddings keep norms"),
                                        (r"result = 0  # TODO.*", "result = 1"),
                                        (r"TODO result", "result")])
    fill(repo / f"tests/examples/test_{stem}.py", [(r', "TODO: .*"', "")])
    fill(repo / "data/questions.yml", [(r"  # TODO.*", "")])
    assert build_py(repo, "outputs", stem).returncode == 0

    check = build_py(repo, "--check")
    assert check.returncode == 0, check.stdout
    built = build_py(repo, "--site-dir", str(repo / "site"))
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    for prefix in ("", "en/"):
        html = (repo / "site" / prefix / "architectures" / "index.html").read_text(encoding="utf-8")
        assert f'id="q{n}"' in html
        assert (repo / "site" / prefix / "q" / str(n) / "index.html").is_file()


def test_scaffold_refuses_an_unknown_page(repo):
    result = build_py(repo, "new", "--page", "nowhere", "--slug", "x")
    assert result.returncode == 2
    assert "not a topic page" in result.stderr and "Traceback" not in result.stderr

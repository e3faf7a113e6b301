"""What a contributor relies on besides the content: the workflows run the README's commands, CI
runs the README's test command, pre-commit runs the validator, and the build survives without git
history."""

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def readme_commands() -> set[str]:
    """Every command line in the README's shell blocks and tables, without comments."""
    commands = set()
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        commands |= {line.split("#")[0].strip() for line in block.splitlines() if line.strip()}
    commands |= set(re.findall(r"`((?:make|python) [^`]+)`", README))
    return commands


def test_readme_starts_with_the_serve_and_test_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).splitlines()
    assert [line.split("#")[0].strip() for line in first_block] == ["make serve", "make test"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_parse_and_follow_the_rules(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as a boolean
    assert "pull_request" in triggers or "push" in triggers
    assert workflow["permissions"] == {"contents": "read"}, "least privilege at the top level"
    assert workflow["concurrency"]["group"]
    commands = readme_commands()
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if "uses" in step:
                assert re.search(r"@v\d+\.\d+\.\d+$", step["uses"]), f"pin {step['uses']} to a version"
            if "run" in step and "make " in step["run"]:
                make = re.search(r"make \w+", step["run"]).group(0)
                assert make in commands, f"{path.name} runs `{make}`, which the README does not list"
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job.get("steps", []) if "uses" in s]
    assert any(u.startswith("actions/cache@") for u in uses) or "deploy" in path.name and any(
        u.startswith("actions/deploy-pages@") for u in uses)


def test_pull_requests_test_build_and_upload_a_preview():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())
    steps = workflow["jobs"]["check"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "make test" in runs and "make build" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)


def test_main_is_deployed_to_pages_after_the_same_checks():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "make test" in [s.get("run") for s in build["steps"]]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_ci_runs_the_readme_test_command_and_installs_chromium():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"
    assert "apt-get install" in script and "chromium" in script
    assert "make test" in script and "make test" in readme_commands()


def test_pre_commit_runs_the_validator_and_ruff():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["handbook-check"]["entry"] == "python scripts/build.py --check"
    assert "examples" in hooks["ruff"]["files"]


def test_contributing_guides_exist_in_both_languages():
    for name in ("CONTRIBUTING.md", "CONTRIBUTING.en.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "python scripts/build.py new" in text and "make test" in text


def test_the_build_survives_a_shallow_clone(tmp_path):
    """`last updated` comes from git; a shallow clone (as CI checkouts often are) still builds."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and the repository's history")
    clone = tmp_path / "clone"
    cloned = subprocess.run(["git", "clone", "-q", "--depth", "1", ROOT.as_uri(), str(clone)],
                            capture_output=True, text=True)
    if cloned.returncode != 0:
        pytest.skip(f"cannot clone: {cloned.stderr.strip()}")
    result = subprocess.run([sys.executable, "scripts/build.py", "--site-dir", str(tmp_path / "site")],
                            cwd=clone, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (tmp_path / "site" / "architectures" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"md-source-file__fact.*?\d{4}-\d{2}-\d{2}", html, re.S), "no last-updated date"


def test_the_code_passes_ruff():
    """The examples are shown on the site: they follow the same lint rules as the rest."""
    if shutil.which("ruff") is None and not (ROOT / ".venv" / "bin" / "ruff").exists():
        pytest.skip("ruff is not installed (pip install -r requirements-dev.txt)")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "examples", "handbook", "hooks",
                             "scripts", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]

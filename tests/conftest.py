"""Shared by every test folder: the repository on sys.path, the parsed sources, the built site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook.example_env import EXAMPLE_ENV  # noqa: E402

# The examples run in-process, in the environment `scripts/build.py outputs` gives them (one thread,
# CPU-independent numerics), set before anything imports torch.
os.environ.update(EXAMPLE_ENV)

from handbook.content import load_source  # noqa: E402

# Built as a GitHub Pages project site: everything lives under a sub-path.
SITE_URL = "https://example.org/handbook/"


@pytest.fixture(scope="session")
def source():
    return load_source(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per session with `python scripts/build.py` (validator first)."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SITE_URL": SITE_URL}
    result = subprocess.run([sys.executable, "scripts/build.py", "--site-dir", str(out)], cwd=ROOT,
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out

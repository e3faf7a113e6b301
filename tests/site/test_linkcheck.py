"""An independent link checker (LinkChecker, with its anchor check) crawls the built site in both
languages, served like GitHub Pages serves a project site, and finds no broken link or anchor."""

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import pages_server  # noqa: E402


@pytest.mark.parametrize("start", ["", "en/"])
def test_linkchecker_finds_no_broken_links(site, tmp_path, start):
    binary = shutil.which("linkchecker") or str((ROOT / ".venv" / "bin" / "linkchecker"))
    config = tmp_path / "linkcheckerrc"
    config.write_text("[AnchorCheck]\n", encoding="utf-8")
    server, base = pages_server.start(site)
    try:
        result = subprocess.run(
            [binary, "-f", str(config), "--no-status", "--recursion-level=10",
             r"--ignore-url=^https?://(?!127\.0\.0\.1)", base + start],
            capture_output=True, text=True, timeout=900)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 errors found" in result.stdout

"""scripts/bench.py: the CPU slowdown it calibrates Lighthouse with follows Lighthouse's calculator
(BenchmarkIndex 1533 -> 4x, 1300 -> 3x, 800 -> 2x, 150 -> 1x, linear in between); Lighthouse runs
in rounds over the pages and each page shows its median run."""

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402


@pytest.mark.parametrize("index, slowdown", [(2000, 6.0), (1533, 4.0), (1300, 3.0), (1050, 2.5),
                                             (800, 2.0), (475, 1.5), (150, 1.0), (50, 1.0)])
def test_calibrated_slowdown(index, slowdown):
    assert bench.calibrated_multiplier(index) == pytest.approx(slowdown, abs=0.01)


def test_lighthouse_runs_in_rounds_and_shows_the_median(tmp_path, monkeypatch, capsys):
    """Each round runs every page once (a spell of load on the host falls on one run of many pages,
    not on every run of one page), and each page shows its median run."""
    fake_binary = tmp_path / "node_modules" / ".bin" / "lighthouse"
    fake_binary.parent.mkdir(parents=True)
    fake_binary.touch()
    monkeypatch.setattr(bench, "ROOT", tmp_path)
    server = type("Server", (), {"shutdown": lambda self: None, "server_close": lambda self: None})()
    monkeypatch.setattr(bench.pages_server, "start", lambda site, port: (server, "http://host/"))
    scores = {"http://host/a/": iter([0.90, 0.99, 0.96]), "http://host/b/": iter([0.80, 0.70, 0.75])}
    order = []

    def fake_run(binary, url):
        order.append(url)
        report = {"categories": {"performance": {"score": next(scores[url])}}}
        return report, report
    monkeypatch.setattr(bench, "lighthouse_run", fake_run)
    bench.lighthouse(tmp_path, ["a/", "b/"], 3)
    assert order == ["http://host/a/", "http://host/b/"] * 3
    out = capsys.readouterr().out
    assert "/a/" in out and " 96 /" in out.split("/a/")[1].split("\n")[0]
    assert " 75 /" in out.split("/b/")[1].split("\n")[0]
    assert "median performance >= 95: 1 of 2 pages" in out

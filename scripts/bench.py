#!/usr/bin/env python3
"""Benchmark: the figures behind the speed and size targets, measured in one run on this machine.

  python scripts/bench.py                 timings, page weight, Lighthouse (if `npm ci` was run)
  python scripts/bench.py --rounds 5      more rounds for the timings (median is reported)
  python scripts/bench.py --no-lighthouse
  python scripts/bench.py --lighthouse-runs 1    quicker, noisier Lighthouse figures

Timings: `scripts/build.py --check`; the full build (`scripts/build.py`: check + mkdocs with the
project's hooks); a plain build of the same pages in both languages with the same config but no
hooks. Rounds are interleaved so that both builds see the same machine load; the ratio of the
medians is the figure to compare with the target (full build <= 1.3x plain).
Page weight: everything a topic page loads (HTML, CSS, JS, search worker and index), gzip -6.
Lighthouse 12.2.3 (npm) with Debian's Chromium: mobile preset, the four categories, every topic page,
home and glossary in both languages; 5 runs per page (its docs/variability.md: the median of 5 is
twice as stable as 1 run), taken in rounds over all the pages, and the median reported. Install a
CJK font (Debian's fonts-noto-cjk) first, as every reader's phone has one: without it Chinese text
falls back glyph by glyph and layout is slower.
Lighthouse emulates a mid-range phone by slowing the host's CPU down 4x, which its docs calibrate
for a high-end desktop (BenchmarkIndex 1500-2000); on a slower host 4x emulates a slower phone. Each
run is therefore reported twice: with the default 4x, and with the slowdown Lighthouse's calibration
gives for the BenchmarkIndex it measured in that run (same trace, audited again).
LinkChecker (an independent crawler) over the served site in both languages, anchors included.
Targets are reported, not asserted: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
import pages_server  # noqa: E402

from handbook.content import load_source  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site is built for the address the benchmark serves it at, so canonical links are local.
PORT = free_port()
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
       "SITE_URL": f"http://127.0.0.1:{PORT}{pages_server.SUB_PATH}"}


def timed(command: list[str], **env: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env={**ENV, **env}, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed


def timings(rounds: int, work: Path) -> Path:
    plain_config = ROOT / ".bench-plain.yml"  # INHERIT resolves relative to the config's folder
    plain_config.write_text("INHERIT: mkdocs.yml\nhooks: []\n", encoding="utf-8")
    python = sys.executable
    check_cmd = [python, "scripts/build.py", "--check"]
    full_cmd = [python, "scripts/build.py", "--site-dir", str(work / "full")]
    plain_cmd = [python, "-m", "mkdocs", "build", "-q", "-f", str(plain_config),
                 "--site-dir", str(work / "plain")]
    try:
        timed(full_cmd)  # warm caches (jieba's dictionary, converted formulas, bytecode)
        colds, checks, fulls, plains = [], [], [], []
        for round_ in range(rounds):
            # first run on a fresh clone: no converted formulas on disk (handbook/mathml.py)
            colds.append(timed(check_cmd, HANDBOOK_CACHE=str(work / f"no-cache-{round_}")))
            checks.append(timed(check_cmd))
            fulls.append(timed(full_cmd))
            plains.append(timed(plain_cmd))
    finally:
        plain_config.unlink(missing_ok=True)
    cold, check, full, plain = (statistics.median(x) for x in (colds, checks, fulls, plains))
    print(f"timings (median of {rounds} interleaved rounds, wall clock)")
    print(f"  scripts/build.py --check        {check:6.2f} s   target <= 1.00 s")
    print(f"    the same, first run (no formula cache) {cold:6.2f} s")
    print(f"  full build (check + hooks)      {full:6.2f} s")
    print(f"  plain material build, no hooks  {plain:6.2f} s")
    print(f"  ratio full / plain              {full / plain:6.2f}     target <= 1.30")
    return work / "full"


def page_weight(site: Path, pages: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    server, base = pages_server.start(site, PORT)
    print("page weight (everything the page loads, gzip -6)")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            for path in pages:
                page = browser.new_page()
                bodies: dict[str, int] = {}
                raw: dict[str, int] = {}

                def record(response, bodies=bodies, raw=raw):
                    try:
                        body = response.body()
                    except Exception:  # redirects and aborted requests have no body
                        return
                    bodies[response.url] = len(gzip.compress(body, 6))
                    raw[response.url] = len(body)

                page.on("response", record)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                total = sum(bodies.values())
                print(f"  /{path:<28} {total / 1024:6.1f} KB gzip ({sum(raw.values()) / 1024:6.1f} KB raw, "
                      f"{len(bodies)} files)   target <= 120 KB")
                if path == pages[0]:  # what a page loads, once
                    for url, size in sorted(bodies.items(), key=lambda kv: -kv[1]):
                        print(f"      {size / 1024:6.1f} KB  {url.replace(base, '/')}")
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def calibrated_multiplier(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host emulate the phone Lighthouse's default 4x emulates from
    a high-end desktop. Lighthouse's docs/throttling.md ("Calibrating the CPU slowdown") points to
    its maintainers' calculator (lighthouse-cpu-throttling-calculator.vercel.app), whose formula
    this is: BenchmarkIndex 1533 -> 4x, 1300 -> 3x, 800 -> 2x, 150 -> 1x, linear in between."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def lighthouse_run(binary: Path, url: str) -> tuple[dict, dict]:
    """One Lighthouse run: the report with the default 4x CPU slowdown, and the report of the same
    trace with the slowdown calibrated to this host's BenchmarkIndex. The default throttling method
    ("simulate") records the page unthrottled and applies the slowdown afterwards, in its model
    (core/lib/emulation.js throttles the CPU only for "devtools"), so auditing the saved artifacts
    again with another multiplier is what a run with that flag would report, minus the noise of a
    second page load. Lighthouse refuses settings that differ from the saved ones, so the saved
    multiplier is changed to match."""
    flags = ["--quiet", "--output=json"]
    with tempfile.TemporaryDirectory() as tmp:
        saved, default, calibrated = Path(tmp) / "run", Path(tmp) / "4x.json", Path(tmp) / "cal.json"
        subprocess.run([str(binary), url, *flags, f"--output-path={default}", f"-GA={saved}",
                        f"--chrome-path={CHROMIUM}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                        "--disable-background-networking --disable-component-update"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
        try:
            reports = [json.loads(default.read_text(encoding="utf-8"))]
            artifacts_file = saved / "artifacts.json"
            artifacts = json.loads(artifacts_file.read_text(encoding="utf-8"))
            multiplier = round(calibrated_multiplier(artifacts["BenchmarkIndex"]), 2)
            artifacts["settings"]["throttling"]["cpuSlowdownMultiplier"] = multiplier
            artifacts_file.write_text(json.dumps(artifacts), encoding="utf-8")
            subprocess.run([str(binary), f"-A={saved}", *flags, f"--output-path={calibrated}",
                            f"--throttling.cpuSlowdownMultiplier={multiplier}"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
            reports.append(json.loads(calibrated.read_text(encoding="utf-8")))
        except (OSError, KeyError, TypeError, json.JSONDecodeError):
            reports += [{}, {}]
    return reports[0], reports[1]


def performance(report: dict) -> float:
    return report.get("categories", {}).get("performance", {}).get("score") or 0


def lighthouse(site: Path, pages: list[str], runs: int) -> None:
    """Lighthouse's four scores per page (the run with the median performance score of `runs`),
    with the metrics behind the performance score, then the performance score with the CPU
    slowdown calibrated to this host (see lighthouse_run). The site is served gzip-compressed, as
    GitHub Pages serves it (scripts/pages_server.py)."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("lighthouse: skipped (run `npm ci` to install Lighthouse 12.2.3)")
        return
    server, base = pages_server.start(site, PORT)
    print(f"lighthouse 12.2.3, mobile preset, median of {runs} run(s): "
          "performance / accessibility / best practices / SEO; FCP, LCP, TBT, CLS;\n"
          "  then performance with the CPU slowdown calibrated to this host's BenchmarkIndex")
    met = {"default": 0, "calibrated": 0}
    try:
        # Round-robin over the pages, so that a spell of load on this shared host falls on one run
        # of many pages rather than on every run of one page.
        results: dict[str, list[tuple[dict, dict]]] = {path: [] for path in pages}
        for run in range(runs):
            for path in pages:
                results[path].append(lighthouse_run(binary, base + path))
            print(f"  (round {run + 1} of {runs} done)", flush=True)
        for path in pages:
            pairs = sorted(results[path], key=lambda pair: performance(pair[0]))
            data = pairs[len(pairs) // 2][0]
            scores = [data.get("categories", {}).get(c, {}).get("score")
                      for c in ("performance", "accessibility", "best-practices", "seo")]
            shown = " / ".join("--" if s is None else f"{round(s * 100):3d}" for s in scores)
            audits = data.get("audits", {})
            metric = {k: audits.get(k, {}).get("numericValue") for k in
                      ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                       "cumulative-layout-shift")}
            if None not in metric.values():
                shown += ("   FCP {:.1f} s, LCP {:.1f} s, TBT {:.0f} ms, CLS {:.3f}".format(
                    metric["first-contentful-paint"] / 1000, metric["largest-contentful-paint"] / 1000,
                    metric["total-blocking-time"], metric["cumulative-layout-shift"]))
            if runs > 1:
                shown += "   (runs: {})".format(", ".join(str(round(performance(d) * 100)) for d, _ in pairs))
            print(f"  /{path:<22} {shown}")
            calibrated = sorted(pairs, key=lambda pair: performance(pair[1]))
            cal = calibrated[len(calibrated) // 2][1]
            index = [d.get("environment", {}).get("benchmarkIndex") or 0 for d, _ in pairs]
            slowdown = [c.get("configSettings", {}).get("throttling", {}).get("cpuSlowdownMultiplier")
                        or 0 for _, c in pairs]
            print(f"  {'':23} calibrated: {round(performance(cal) * 100):3d}, TBT "
                  f"{cal.get('audits', {}).get('total-blocking-time', {}).get('numericValue', 0):.0f} ms"
                  f"   (runs: {', '.join(str(round(performance(c) * 100)) for _, c in pairs)}; "
                  f"BenchmarkIndex {min(index):.0f}-{max(index):.0f}, "
                  f"slowdown {min(slowdown):.1f}-{max(slowdown):.1f}x)")
            met["default"] += performance(data) >= 0.95
            met["calibrated"] += performance(cal) >= 0.95
            failing = [a["title"] for a in audits.values()
                       if a.get("score") is not None and a["score"] < 1
                       and a.get("scoreDisplayMode") == "binary"]
            for title in failing[:5]:
                print(f"      not passed: {title}")
    finally:
        server.shutdown()
        server.server_close()
    print(f"  median performance >= 95: {met['default']} of {len(pages)} pages with the default 4x "
          f"slowdown, {met['calibrated']} of {len(pages)} calibrated")


def linkcheck(site: Path) -> None:
    """LinkChecker 10 (an independent crawler) with its anchor check, both languages."""
    binary = Path(sys.executable).parent / "linkchecker"
    if not binary.exists():
        print("linkchecker: skipped (pip install -r requirements-dev.txt)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text("[AnchorCheck]\n", encoding="utf-8")
        server, base = pages_server.start(site, PORT)
        print("linkchecker 10.6, anchors included")
        try:
            for start in ("", "en/"):
                run = subprocess.run(
                    [str(binary), "-f", str(config), "--no-status", "--recursion-level=10",
                     r"--ignore-url=^https?://(?!127\.0\.0\.1)", r"--ignore-url=/downloads/",
                     base + start], capture_output=True, text=True, timeout=1800)
                summary = re.search(r"(\d+) links? in \d+ URLs checked\. (\d+) warnings? found\. "
                                    r"(\d+) errors? found", run.stdout)
                shown = (f"{summary[1]} links checked, {summary[3]} errors, {summary[2]} warnings"
                         if summary else run.stdout[-300:])
                print(f"  /{start:<28} {shown}")
        finally:
            server.shutdown()
            server.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python scripts/bench.py", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    # Lighthouse's docs/variability.md: the median of 5 runs is twice as stable as 1 run.
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="runs per page (median shown)")
    parser.add_argument("--no-linkcheck", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = timings(args.rounds, Path(tmp))
        topics = sorted({page.name for page in load_source().question_pages("zh").values()})
        page_weight(site, [f"{lang}{t}/" for t in topics for lang in ("", "en/")] + ["", "glossary/"])
        if not args.no_linkcheck:
            linkcheck(site)
        if not args.no_lighthouse:
            lighthouse(site, [f"{lang}{page}" for lang in ("", "en/") for page in ["", *[
                f"{t}/" for t in topics], "glossary/"]], args.lighthouse_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

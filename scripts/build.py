#!/usr/bin/env python3
"""The one command line for the handbook's docs tasks. Every command is safe to rerun.

  python scripts/build.py             validate, build site/ (mkdocs build --strict), then package
                                      the offline copy site/downloads/llm-interview-handbook.zip
  python scripts/build.py --check     validate only: every problem as path:line: message
  python scripts/build.py serve       validate, then serve the site with live reload
  python scripts/build.py outputs     run the example programs and refresh their .out files
  python scripts/build.py new ...     scaffold a new question in both languages (see --help)

Exit status: 0 when clean, 1 when problems were found, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handbook.checks import run_checks  # noqa: E402
from handbook.content import load_source  # noqa: E402
from handbook.example_env import EXAMPLE_ENV  # noqa: E402

MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore::DeprecationWarning"}


def check(root: Path = ROOT, quiet: bool = False) -> int:
    """Validate the sources under root; print every problem; return the number found."""
    started = time.perf_counter()
    try:
        source = load_source(root, cached=True)
        problems = run_checks(source)
    except Exception as error:  # a bug in the checks must still end in a clear message
        print(f"check: internal error: {type(error).__name__}: {error} "
              "(please report it with the file you changed)", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem)
    elapsed = time.perf_counter() - started
    if problems:
        print(f"check: {len(problems)} problem{'s' * (len(problems) != 1)} found", file=sys.stderr)
    elif not quiet:
        pages = len(source.pages)
        questions = len(source.questions_in("zh"))
        print(f"check: no problems ({pages} pages, {questions} questions, {elapsed:.2f} s)",
              file=sys.stderr)
    return len(problems)


def mkdocs_serve(dev_addr: str) -> int:
    """Serve at the root of dev_addr (the published site lives under its GitHub Pages sub-path)."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", dev_addr]
    env = {"SITE_URL": f"http://{dev_addr}/", **MKDOCS_ENV}
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def mkdocs_build(site_dir: str | None) -> int:
    """`mkdocs build --strict`, in this process: the hooks reuse the sources the check parsed."""
    import logging

    os.environ.update(NO_MKDOCS_2_WARNING="1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        options = {"site_dir": site_dir} if site_dir else {}
        config = load_config(str(ROOT / "mkdocs.yml"), strict=True, **options)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    finally:
        os.chdir(previous)
        logger.removeHandler(handler)
    return 0


def outputs(names: list[str]) -> int:
    """Run examples (all, or the named ones) and write what they print to their .out files."""
    paths = [ROOT / "examples" / f"{Path(n).stem}.py" for n in names] if names else \
        sorted((ROOT / "examples").glob("*.py"))
    failed = 0
    for path in paths:
        if not path.is_file():
            print(f"outputs: no such example: {path.relative_to(ROOT)}", file=sys.stderr)
            failed += 1
            continue
        run = subprocess.run([sys.executable, str(path)], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, **EXAMPLE_ENV})
        rel = path.relative_to(ROOT).as_posix()
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["(no message)"])[-1]
            print(f"{rel}:1: the example failed: {last}", file=sys.stderr)
            failed += 1
            continue
        out = path.with_suffix(".out")
        if not out.exists() or out.read_text(encoding="utf-8") != run.stdout:
            out.write_text(run.stdout, encoding="utf-8")
            print(f"outputs: wrote {out.relative_to(ROOT)}")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/build.py",
        description="Validate and build the handbook. With no command: validate, then build site/.")
    parser.add_argument("--check", action="store_true", help="validate only, do not build")
    parser.add_argument("--site-dir", help="build into this folder instead of site/")
    commands = parser.add_subparsers(dest="command", metavar="command")
    serve = commands.add_parser("serve", help="validate, then serve with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address (default %(default)s)")
    run = commands.add_parser("outputs", help="run examples and refresh their .out files")
    run.add_argument("names", nargs="*", help="example names (default: all)")
    new = commands.add_parser("new", help="scaffold a new question in both languages")
    new.add_argument("--page", required=True, help="topic page, e.g. architectures")
    new.add_argument("--slug", required=True, help="short ascii name for the example, e.g. rope")
    new.add_argument("--title-zh", default="", help="the question in Chinese")
    new.add_argument("--title-en", default="", help="the question in English")
    args = parser.parse_args(argv)

    if args.command == "serve":
        if check():
            print("serve: the site is served anyway; fix the problems above before a pull request",
                  file=sys.stderr)
        return mkdocs_serve(args.dev_addr)
    if args.command == "outputs":
        return 1 if outputs(args.names) else 0
    if args.command == "new":
        from scaffold import scaffold  # noqa: PLC0415 (scripts/scaffold.py)

        return scaffold(ROOT, args.page, args.slug, args.title_zh, args.title_en)
    if check(quiet=not args.check):
        return 1
    if args.check:
        return 0
    if mkdocs_build(args.site_dir):
        return 1
    from offline import package  # noqa: PLC0415 (scripts/offline.py)

    archive = package(Path(args.site_dir) if args.site_dir else ROOT / "site")
    print(f"build: offline copy written to {archive}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

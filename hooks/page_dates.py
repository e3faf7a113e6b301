"""Hook: "last updated" on every page, from git history: the newest commit that touched the page's
source or an example it includes. One `git log` call per build; outside git, in a shallow clone or
without git installed the build goes on (a shallow clone gives the dates of the history it has).
"""

import subprocess
from pathlib import Path

from site_source import source

_dates: dict[str, str] = {}


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    _dates.clear()
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs", "examples"],
            cwd=root, capture_output=True, text=True, timeout=20, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return config
    date = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line and date:
            _dates.setdefault(line, date)  # newest first: keep the first date seen
    return config


def on_page_markdown(markdown, page, config, files):
    src = source(config)
    source_file = Path(page.file.abs_src_path)
    parsed = next((p for p in src.pages.values() if p.path == source_file), None)
    files_shown = [f"docs/{page.file.src_uri}"]
    if parsed:
        files_shown += [included for fence in parsed.fences for _, included in fence.includes]
    dates = [_dates[name] for name in files_shown if name in _dates]
    if dates:
        page.meta["revision_date"] = max(dates)
    return markdown

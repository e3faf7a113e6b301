"""Hook: short links and redirects, as static pages that work on GitHub Pages (no server).

- /q/N/ and /en/q/N/ lead to question N on its page, in that language;
- pages and questions removed after publication lead to their new place, as declared under
  `redirects:` in data/published.yml (the validator insists on it).
Each stub has a canonical link, a meta refresh, a script that keeps the #anchor, and a plain link
for browsers that block redirects.
"""

import html
import posixpath
import re
from pathlib import Path

from site_source import language, prefix, source

STUB = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}{hash}">
<script>location.replace("{target}" + (location.hash || "{hash}"))</script>
</head>
<body>
<p><a href="{target}{hash}">{title}</a></p>
</body>
</html>
"""


def _write(site_dir: Path, path: str, lang: str, title: str, target_path: str, hash_: str, config):
    """Write site_dir/path/index.html redirecting to the site path target_path (+ #hash)."""
    relative = posixpath.relpath(target_path, path) + ("/" if target_path.endswith("/") else "")
    stub = STUB.format(lang=lang, title=html.escape(title), target=relative, hash=hash_,
                       canonical=(config.site_url or "/") + target_path + hash_)
    out = site_dir / path / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(stub, encoding="utf-8")


def on_post_build(config):
    src, lang = source(config), language(config)
    site_dir, root = Path(config.site_dir), prefix(lang)
    pages = src.question_pages(lang)
    questions = src.questions_in(lang)
    for qid, question in questions.items():
        number = qid[1:]
        _write(site_dir, f"{root}q/{number}", lang, f"Q{number} {question.title}",
               f"{root}{pages[qid].name}/", f"#{qid}", config)
    for old, new in (src.published.get("redirects") or {}).items():
        if re.match(r"^q\d+$", str(old)) and new in pages:
            _write(site_dir, f"{root}q/{old[1:]}", lang, f"Q{new[1:]} {questions[new].title}",
                   f"{root}{pages[new].name}/", f"#{new}", config)
        elif src.page(str(new), lang):
            _write(site_dir, f"{root}{old}", lang, str(new), f"{root}{new}/", "", config)

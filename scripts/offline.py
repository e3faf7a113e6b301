"""The offline copy: the built site as a zip that works from file:// (no server, no network).

Made from the finished site/, not by a second mkdocs build: links to folders get an explicit
`index.html`, absolute links to the site become relative, each language's search index is also
written as a script (material loads `search_index.js` under file://), and the iframe-worker shim is
loaded first so that search runs where browsers refuse Web Workers.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

ZIP_NAME = "llm-interview-handbook.zip"
FOLDER = "llm-interview-handbook"
URL_ATTR = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<url>[^"]*)(?P<end>")')
REFRESH = re.compile(r'(?P<attr>content="0; url=)(?P<url>[^"]*)(?P<end>")')
REPLACE = re.compile(r'(?P<attr>location\.replace\(")(?P<url>[^"]*)(?P<end>")')
BUNDLE = re.compile(r'<script\b[^>]*\bsrc="(?P<up>(?:\.\./)*)assets/javascripts/bundle\.[^"]+"'
                    r'[^>]*></script>')
HEAD = re.compile(r"<head>")
README = """LLM 面试手册 · LLM Interview Handbook (offline copy)

打开 index.html 即可阅读中文版，en/index.html 为英文版。无需联网。
Open index.html (Chinese) or en/index.html (English) in a browser. No network needed.
"""


def offline_url(url: str, page: str, site_path: str) -> str:
    """The URL as it must read in the offline copy, for a link found in the file `page`."""
    if not url or url.startswith(("#", "data:", "mailto:", "javascript:")) or re.match(r"^[a-z]+:", url):
        return url
    if url.startswith("//"):
        return url
    if url.startswith("/"):  # an absolute path on the site, e.g. /handbook/en/
        if not url.startswith(site_path):
            return url
        target = url[len(site_path):]
        url = posixpath.relpath(target or ".", posixpath.dirname(page) or ".")
        url += "/" if target.endswith("/") or not target else ""
    path, hash_mark, fragment = url.partition("#")
    path, question_mark, query = path.partition("?")
    if path.endswith("/") or path in (".", ".."):
        path = path.rstrip("/") + "/index.html" if path not in ("", "/") else "index.html"
        path = path.lstrip("/") if not url.startswith("/") else path
    return path + question_mark + query + hash_mark + fragment


def rewrite(html: str, page: str, site_path: str) -> str:
    def fix(match):
        return match["attr"] + offline_url(match["url"], page, site_path) + match["end"]

    for pattern in (URL_ATTR, REFRESH, REPLACE):
        html = pattern.sub(fix, html)
    bundle = BUNDLE.search(html)
    if not bundle:
        return html
    # First in <head>: the page's own early script (overrides/partials/early.js) then wraps it.
    shim = f'<head><script src="{bundle["up"]}assets/vendor/iframe-worker.js"></script>'
    return HEAD.sub(shim, html, count=1)


def package(site: Path) -> Path:
    """Write site/downloads/llm-interview-handbook.zip; return its path."""
    home = re.search(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    site_path = urlsplit(home.group(1) if home else "/").path or "/"
    out = site / "downloads" / ZIP_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(f"{FOLDER}/README.txt", README)
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_dir() or rel.startswith("downloads/") or rel.endswith((".gz", ".map")):
                continue
            if path.suffix == ".html":
                text = rewrite(path.read_text(encoding="utf-8"), rel, site_path)
                archive.writestr(f"{FOLDER}/{rel}", text)
            else:
                archive.write(path, f"{FOLDER}/{rel}")
            if rel.endswith("search/search_index.json"):
                index = json.loads(path.read_text(encoding="utf-8"))
                for doc in index["docs"]:  # result links are relative to the language's root
                    doc["location"] = offline_url(doc["location"] or "./", "index.html", site_path)
                script = "var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))
                archive.writestr(f"{FOLDER}/{rel[: -len('.json')]}.js", script)
    return out

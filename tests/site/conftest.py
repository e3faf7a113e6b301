"""A small reader of the built HTML pages (the site itself is built in tests/conftest.py)."""

from html.parser import HTMLParser
from pathlib import Path

import pytest


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.lang = None
        self.ids: set[str] = set()
        self.links: list[dict] = []  # every element with href or src, with its attributes
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.headings: list[tuple[str, str]] = []  # (id, tag) of h1-h3 with ids
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
            if tag in ("h1", "h2", "h3"):
                self.headings.append((attrs["id"], tag))
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        if "href" in attrs or "src" in attrs:
            self.links.append({"tag": tag, **attrs})
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture(scope="session")
def page(site):
    cache: dict[str, Page] = {}

    def read(rel: str) -> Page:
        if rel not in cache:
            cache[rel] = Page(site / rel)
        return cache[rel]

    return read

"""The built site: pages and question ids in both languages, short links, search indexes, glossary,
SEO tags, and links that resolve. Reads the HTML that `python scripts/build.py` writes."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from handbook.checks import question_meta
from handbook.content import LANGS
from tests.conftest import SITE_URL

PREFIX = {"zh": "", "en": "en/"}
HAN = re.compile("[\u4e00-\u9fff]")
QID = re.compile(r"^q[1-9][0-9]*$")


def html_path(name: str, lang: str) -> str:
    return f"{PREFIX[lang]}{'' if name == 'index' else name + '/'}index.html"


def test_every_page_exists_in_both_languages_with_its_lang(source, page):
    names = source.names("zh")
    assert names == source.names("en")
    assert {"index", "glossary", "questions", "architectures"} <= set(names)
    for name in names:
        for lang in LANGS:
            assert page(html_path(name, lang)).lang == lang, f"{name} ({lang})"


def test_all_thirty_questions_with_the_same_ids_in_both_languages(source, page):
    meta = question_meta(source)
    assert sorted(meta, key=lambda q: int(q[1:])) == [f"q{n}" for n in range(1, 31)]
    for lang in LANGS:
        found = {}
        for name in source.names(lang):
            ids = [i for i, tag in page(html_path(name, lang)).headings if tag == "h2" and QID.match(i)]
            found.update({qid: name for qid in ids})
            other = "en" if lang == "zh" else "zh"
            assert ids == [i for i, tag in page(html_path(name, other)).headings
                           if tag == "h2" and QID.match(i)], name
        assert found == {qid: entry["page"] for qid, entry in meta.items()}, lang


def test_short_links_lead_to_the_answer(site, source):
    for lang in LANGS:
        for qid, question_page in source.question_pages(lang).items():
            stub = (site / PREFIX[lang] / "q" / qid[1:] / "index.html").read_text(encoding="utf-8")
            target = f"../../{question_page.name}/#{qid}"
            canonical = f"{SITE_URL}{PREFIX[lang]}{question_page.name}/#{qid}"
            assert f'<link rel="canonical" href="{canonical}">' in stub
            assert f'content="0; url={target}"' in stub
            assert f'<a href="{target}">' in stub
            assert f'<html lang="{lang}">' in stub


def test_nothing_is_loaded_from_another_host(site):
    loaded = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
              "video": "src", "embed": "src"}
    fetched_rel = {"stylesheet", "preload", "preconnect", "modulepreload", "icon", "prefetch",
                   "dns-prefetch", "manifest"}
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag, attrs in re.findall(r"<(script|img|iframe|source|audio|video|embed|link)\b([^>]*)>", text):
            attr = loaded.get(tag, "href")
            if tag == "link":
                rel = re.search(r'rel="([^"]*)"', attrs)
                if not rel or not set(rel.group(1).split()) & fetched_rel:
                    continue
            url = re.search(rf'{attr}="([^"]*)"', attrs)
            if url and re.match(r"^(https?:)?//", url.group(1)):
                assert url.group(1).startswith(SITE_URL), f"{path}: loads {url.group(1)}"
    for path in list(site.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r"(?:url\(|@import\s+)[\"']?((?:https?:)?//[^\"')\s]+)", text):
            raise AssertionError(f"{path}: loads {url}")


def test_each_language_searches_only_its_own_pages(site):
    zh = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    for index, base in ((zh, site), (en, site / "en")):
        assert index["docs"], "empty index"
        for doc in index["docs"]:
            location = doc["location"]
            assert not location.startswith("en/"), location
            file_part, _, anchor = location.partition("#")
            assert (base / file_part / "index.html").is_file(), location
    zh_questions = [d for d in zh["docs"] if re.search(r"#q\d+$", d["location"])]
    en_questions = [d for d in en["docs"] if re.search(r"#q\d+$", d["location"])]
    assert len(zh_questions) == len(en_questions) == 30
    assert all(HAN.search(d["title"]) for d in zh_questions)
    assert not any(HAN.search(d["title"] + d["text"]) for d in en_questions)


def test_english_pages_load_the_english_index(page, source):
    for name in source.names("en"):
        html = page(html_path(name, "en")).path.read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S).group(1))
        assert config["base"].endswith("/en/"), (name, config["base"])
        html = page(html_path(name, "zh")).path.read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S).group(1))
        assert not config["base"].rstrip("/").endswith("/en"), (name, config["base"])


def test_glossary_entries_backlinks_and_tooltips(source, page):
    for lang in LANGS:
        glossary = page(html_path("glossary", lang))
        assert set(source.glossary) <= glossary.ids
        html = glossary.path.read_text(encoding="utf-8")
        # Every entry lists the questions that use it ("Used in"), generated from the links.
        for term in source.glossary:
            users = [q.id for q in source.questions_in(lang).values() if term in q.glossary_terms]
            start = html.index(f'id="{term}"')
            end = html.find("<h3 ", start + 1)
            entry = html[start: end if end > 0 else None]
            used_in = re.search(r'<p class="g-used-in"[^>]*>(.*?)</p>', entry, re.S)
            assert used_in, (lang, term)
            listed = re.findall(r'href="[^"]*#(q\d+)"', used_in.group(1))
            assert listed == sorted(users, key=lambda q: int(q[1:])), (lang, term, listed, users)
        # Tooltips on glossary links are in the page's language.
        for name in source.names(lang):
            text = page(html_path(name, lang)).path.read_text(encoding="utf-8")
            for title in re.findall(r'<a href="[^"]*glossary/#[^"]*" title="([^"]*)"', text):
                assert bool(HAN.search(title)) == (lang == "zh"), (name, lang, title[:60])


def test_every_question_links_its_related_questions(source, page):
    meta = question_meta(source)
    for lang in LANGS:
        for qid, question_page in source.question_pages(lang).items():
            html = page(html_path(question_page.name, lang)).path.read_text(encoding="utf-8")
            start = html.index(f'id="{qid}"')
            end = html.find("<h2 ", start + 1)
            section = html[start: end if end > 0 else None]
            related = re.search(r'<p class="q-related"[^>]*>(.*?)</p>', section, re.S)
            assert related, (lang, qid)
            for other in meta[qid]["related"]:
                assert f'#{other}"' in related.group(1), (lang, qid, other)


def test_formulas_are_mathml(site, source):
    for path in site.rglob("*.html"):
        assert 'class="arithmatex"' not in path.read_text(encoding="utf-8"), path
    for (name, lang), parsed in source.pages.items():
        if parsed.math:
            html = (site / html_path(name, lang)).read_text(encoding="utf-8")
            assert html.count("<math") >= len(parsed.math), (name, lang)


def test_titles_descriptions_and_sharing_tags(source, page):
    names = {"zh": "LLM 面试手册", "en": "LLM Interview Handbook"}
    locales = {"zh": ("zh_CN", "en_US"), "en": ("en_US", "zh_CN")}
    for name in source.names("zh"):
        for lang in LANGS:
            p = page(html_path(name, lang))
            assert names[lang] in p.title, (name, lang, p.title)
            description = source.page(name, lang).meta["description"]
            assert p.meta["description"] == description
            assert p.meta["og:description"] == description
            assert p.meta["og:title"] and p.meta["og:site_name"] == names[lang]
            url = f"{SITE_URL}{PREFIX[lang]}{'' if name == 'index' else name + '/'}"
            assert p.meta["og:url"] == url
            assert (p.meta["og:locale"], p.meta["og:locale:alternate"]) == locales[lang]
            links = {(link.get("rel"), link.get("hreflang")): link["href"] for link in p.links
                     if link["tag"] == "link"}
            assert links[("canonical", None)] == url
            zh_url = f"{SITE_URL}{'' if name == 'index' else name + '/'}"
            assert links[("alternate", "zh")] == zh_url
            assert links[("alternate", "x-default")] == zh_url
            assert links[("alternate", "en")] == f"{SITE_URL}en/{'' if name == 'index' else name + '/'}"


def test_one_sitemap_covers_both_languages(site, source):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for name in source.names("zh"):
        for lang in LANGS:
            url = f"{SITE_URL}{PREFIX[lang]}{'' if name == 'index' else name + '/'}"
            assert f"<loc>{url}</loc>" in sitemap


def test_home_page_language_links_are_absolute(page):
    for lang in LANGS:
        switcher = [link["href"] for link in page(html_path("index", lang)).links
                    if link.get("class") == "md-select__link"]
        assert sorted(switcher) == ["/handbook/", "/handbook/en/"]


def test_edit_links_point_to_the_source_in_the_page_language(page, source):
    for name in source.names("zh"):
        for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
            edits = [link["href"] for link in page(html_path(name, lang)).links
                     if "md-content__button" in (link.get("class") or "")]
            assert edits and edits[0].endswith(f"/docs/{name}{suffix}"), (name, lang, edits)


def test_every_internal_link_and_anchor_resolves(site, page):
    """An independent-minded link check over the built HTML, anchors included."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        source_page = page(rel)
        for link in source_page.links:
            if link["tag"] != "a" or "href" not in link:
                continue
            href = link["href"]
            if href.startswith(SITE_URL):
                href = "/handbook/" + href[len(SITE_URL):]
            elif re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            absolute = urljoin(f"https://host/{rel}", href)
            parts = urlsplit(absolute)
            target = unquote(parts.path.lstrip("/"))
            if target.startswith("handbook/"):  # absolute paths carry the site's sub-path
                target = target[len("handbook/"):]
            file = site / target
            if not target or target.endswith("/"):
                file = site / target / "index.html"
            if not file.is_file():
                problems.append(f"{rel}: {href} -> missing {target}")
                continue
            if parts.fragment and file.suffix == ".html":
                if parts.fragment not in page(file.relative_to(site).as_posix()).ids:
                    problems.append(f"{rel}: {href} -> no #{parts.fragment}")
    assert not problems, "\n".join(problems[:40])


def test_the_404_page_speaks_both_languages(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "页面不存在" in html and "Page not found" in html
    assert f'href="{SITE_URL}"' in html and f'href="{SITE_URL}en/"' in html


def test_question_pages_carry_meta_bars_with_short_links(source, page):
    for lang in LANGS:
        for qid, question_page in source.question_pages(lang).items():
            links = page(html_path(question_page.name, lang)).links
            assert any(link.get("class") == "q-short" and link["href"] == f"../q/{qid[1:]}/"
                       for link in links), (lang, qid)


def test_examples_are_shown_with_their_output(source, page, site):
    root = Path(__file__).resolve().parents[2]
    for lang in LANGS:
        for qid, question in source.questions_in(lang).items():
            name = source.question_pages(lang)[qid].name
            html = page(html_path(name, lang)).path.read_text(encoding="utf-8")
            example = question.examples[0]
            first_code_line = next(line for line in (root / example).read_text().splitlines()
                                   if line.startswith(("def ", "import ", "from ")))
            words = re.findall(r"[A-Za-z_]{4,}", first_code_line)
            assert all(w in html for w in words), (lang, qid, first_code_line)
            output = (root / example).with_suffix(".out").read_text().strip().splitlines()[0]
            assert re.findall(r"[A-Za-z]{3,}", output)[0] in html, (lang, qid)

"""Hook: the glossary, generated from data/glossary.yml.

- the glossary page of each language (docs/glossary.md holds the intro and a marker), with, for every
  term, the questions that link to it ("Used in"), found by the shared parser;
- a tooltip on every glossary link: the definition's first sentence, in the page's own language.
"""

import re

from site_source import HAN, UI, language, skippable, source

from handbook.checks import GENERATED
from handbook.content import parse_page

GLOSSARY_LINK = re.compile(r"\]\((?P<target>(?:\./)?glossary\.md#(?P<id>[a-z0-9-]+))\)")


def _first_sentence(text: str) -> str:
    """The tooltip: the definition up to its first full stop or semicolon (the glossary page has
    the rest); it is repeated on every page that links the term, so it stays short."""
    match = re.match(r"(.+?)(?:[。！？；]|[.!?;](?=\s|$))", text.strip())
    return (match.group(1) if match else text.strip()).rstrip("，,：:") + ("。" if HAN.search(text) else ".")


def _term_heading(term_id: str, entry: dict, lang: str) -> str:
    abbr = entry.get("abbr")
    if lang == "zh":
        other = f"{entry['en']}, {abbr}" if abbr and abbr != entry["en"] else entry["en"]
        name = entry["zh"] if other == entry["zh"] else f"{entry['zh']}（{other}）"
    else:
        name = f"{entry['en']} ({abbr})" if abbr and abbr != entry["en"] else entry["en"]
    return f"### {name} {{#{term_id}}}"


def _glossary_page(src, lang: str) -> str:
    ui = UI[lang]
    users: dict[str, list] = {}
    pages = src.question_pages(lang)
    for qid, question in sorted(src.questions_in(lang).items(), key=lambda kv: int(kv[0][1:])):
        for term in question.glossary_terms:
            users.setdefault(term, []).append((question, pages[qid].name))
    out, letter = [], None
    terms = sorted(src.glossary.items(), key=lambda kv: str(kv[1].get("en", kv[0])).lower())
    for term_id, entry in terms:
        if not isinstance(entry, dict) or not entry.get(f"{lang}_def"):
            continue
        initial = str(entry["en"])[0].upper()
        if initial != letter:  # entries are grouped under their initial, A to Z
            letter = initial
            out += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
        out += [_term_heading(term_id, entry, lang), ""]
        if lang != "zh":
            out += [f'{ui["chinese"]}: <span lang="zh">{entry["zh"]}</span>', ""]
        out += [entry[f"{lang}_def"].strip(), ""]
        used = users.get(term_id, [])
        links = " · ".join(f"[Q{q.number} {q.title}]({name}.md#{q.id})" for q, name in used)
        colon = "：" if lang == "zh" else ": "
        out += [f"**{ui['used_in']}**{colon}{links or ui['unused']}",
                "{ .g-used-in data-search-exclude }", ""]
    return "\n".join(out)


LETTER = re.compile(r'(?=<h2 id="letter-)')


def on_page_content(html, page, config, files):
    """On the glossary page, each letter's terms render when they come near the screen."""
    if not LETTER.search(html):
        return html
    parts = LETTER.split(html)
    out = [parts[0]]
    for part in parts[1:]:
        heading_end = part.index("</h2>") + len("</h2>")
        out.append(part[:heading_end] + skippable(part[heading_end:], 'class="g-letter"'))
    return "".join(out)


def on_page_markdown(markdown, page, config, files):
    src, lang = source(config), language(config)
    name = page.file.src_uri[: -len(".md")].removesuffix(f".{lang}")
    if name == "glossary":
        markdown = markdown.replace(GENERATED["glossary"], _glossary_page(src, lang))

    parsed = parse_page(src.docs / page.file.src_uri, markdown, src.docs)
    in_code = {n for fence in parsed.fences for n in range(fence.line, fence.end_line + 1)}
    lines = markdown.split("\n")

    def add_title(match):
        entry = src.glossary.get(match["id"])
        if not isinstance(entry, dict) or not entry.get(f"{lang}_def"):
            return match.group(0)
        tip = _first_sentence(entry[f"{lang}_def"]).replace('"', "'")
        return f']({match["target"]} "{tip}")'

    for index, line in enumerate(lines):
        if index + 1 not in in_code and "glossary.md#" in line:
            lines[index] = GLOSSARY_LINK.sub(add_title, line)
    return "\n".join(lines)


"""Hook: what every question shows besides its text, generated from data/questions.yml.

- under the heading: difficulty, tags (linked to the question index) and the short link /q/N/;
- at the end: links to the related questions;
- the question index page (docs/questions.md): every question by difficulty and by tag;
- under the title of a page of questions, the study-mode toggle, and around each answer (everything
  after the question's statement) a `div.q-answer` with its "show answer" button. handbook.js only
  makes them work: they are in the HTML so that nothing moves, and no layout is redone, when the
  script starts.
"""

import re

from mkdocs.utils import get_relative_url
from site_source import UI, language, prefix, skippable, source

from handbook.checks import DIFFICULTIES, GENERATED, question_meta
from handbook.content import PARTS, parse_page


def _title_link(question, page_name: str) -> str:
    title = question.title.replace("[", "\\[").replace("]", "\\]")
    return f"[Q{question.number} {title}]({page_name}.md#{question.id})"


def _meta_bar(qid: str, meta: dict, tags: dict, lang: str, page_url: str) -> str:
    ui, entry = UI[lang], meta.get(qid) or {}
    difficulty = entry.get("difficulty", "")
    parts = []
    if difficulty in DIFFICULTIES:
        parts.append(f"[{ui[difficulty]}](questions.md#difficulty-{difficulty})"
                     f"{{ .q-badge .q-badge--{difficulty} }}")
    for tag in entry.get("tags") or []:
        if tag in tags:
            parts.append(f"[{tags[tag][lang]}](questions.md#tag-{tag}){{ .q-tag }}")
    number = qid[1:]
    href = get_relative_url(f"{prefix(lang)}q/{number}/", page_url)
    parts.append(f'<a class="q-short" href="{href}" title="{ui["copy"]}" '
                 f'data-copied="{ui["copied"]}">{ui["short_link"]} /q/{number}/</a>')
    return " ".join(parts) + "\n{ .q-meta data-search-exclude }"


def _index_page(src, lang: str) -> str:
    """The body of docs/questions.md: every question by difficulty, then by tag."""
    ui, meta, tags = UI[lang], question_meta(src), src.questions.get("tags") or {}
    found = src.questions_in(lang)
    pages = src.question_pages(lang)
    order = sorted(found, key=lambda q: int(q[1:]))
    out = [f"## {ui['by_difficulty']} {{#by-difficulty}}", ""]
    for difficulty in DIFFICULTIES:
        ids = [q for q in order if (meta.get(q) or {}).get("difficulty") == difficulty]
        out += [f"### {ui[difficulty]} {{#difficulty-{difficulty}}}", ""]
        out += [f"- {_title_link(found[q], pages[q].name)}" for q in ids] + [""]
    out += [f"## {ui['by_tag']} {{#by-tag}}", ""]
    for tag, names in tags.items():
        ids = [q for q in order if tag in ((meta.get(q) or {}).get("tags") or [])]
        if not ids:
            continue
        out += [f"### {names[lang]} {{#tag-{tag}}}", ""]
        out += [f"- {_title_link(found[q], pages[q].name)}" for q in ids] + [""]
    return "\n".join(out)


def on_page_markdown(markdown, page, config, files):
    src, lang = source(config), language(config)
    name = page.file.src_uri[: -len(".md")].removesuffix(f".{lang}")
    if name == "questions":
        return markdown.replace(GENERATED["questions"], _index_page(src, lang))
    meta, tags = question_meta(src), src.questions.get("tags") or {}
    parsed = parse_page(src.docs / page.file.src_uri, markdown, src.docs)
    if not parsed.questions:
        return markdown
    titles = src.questions_in(lang)
    pages = src.question_pages(lang)
    lines = markdown.split("\n")
    ui = UI[lang]
    toggle = (f'<button type="button" class="study-toggle md-button" aria-pressed="false" '
              f'data-show="{ui["show"]}" data-hide="{ui["hide"]}">{ui["study"]}</button>')
    for question in reversed(parsed.questions):
        related = [q for q in (meta.get(question.id) or {}).get("related") or [] if q in titles]
        if related:
            links = " · ".join(_title_link(titles[q], pages[q].name) for q in related)
            colon = "：" if lang == "zh" else ": "
            block = ["", f"**{ui['related']}**{colon}{links}", "{ .q-related data-search-exclude }", ""]
            end = question.end_line
            while end > question.line and not lines[end - 1].strip():
                end -= 1
            lines[end:end] = block
        bar = _meta_bar(question.id, meta, tags, lang, page.url)
        lines[question.line:question.line] = ["", bar, ""]
    title = next((h for h in parsed.headings if h.level == 1), None)
    if title:
        lines[title.line:title.line] = ["", toggle, ""]
    return "\n".join(lines)


QUESTION_HEADING = re.compile(r'(?=<h2 id="q[1-9][0-9]*")')
STATEMENT_END = re.compile(r'<p>.*?</p>\n?', re.S)  # the first plain paragraph: the question itself


def _wrap_answer(part: str, lang: str) -> str:
    """`<h2 id="qN">…` up to the next question: fold what follows the statement into div.q-answer,
    and inside it the example into a div.q-more and the explanation onwards into another. Each is
    skipped while off screen: on a phone the first example often comes near the screen at load,
    the long explanation under it need not."""
    qid = part[len('<h2 id="'):part.index('"', len('<h2 id="'))]
    statement = STATEMENT_END.search(part)
    if not statement:
        return part
    head, answer = part[:statement.end()], part[statement.end():]
    example = answer.find(f"<p><strong>{PARTS[lang][2]}</strong>")
    if example > 0:
        more = answer[example:]
        explanation = more.find(f"<p><strong>{PARTS[lang][3]}</strong>")
        parts = [more[:explanation], more[explanation:]] if explanation > 0 else [more]
        answer = answer[:example] + "".join(skippable(piece, 'class="q-more"') for piece in parts)
    button = (f'<button type="button" class="q-reveal md-button" aria-controls="{qid}-answer" '
              f'aria-expanded="false" data-search-exclude>{UI[lang]["show"]}</button>\n')
    return head + button + skippable(answer, f'class="q-answer" id="{qid}-answer"')


def on_page_content(html, page, config, files):
    """Wrap each answer for study mode; translate the title of the heading permalinks (markdown's
    toc writes it in English)."""
    lang = language(config)
    parts = QUESTION_HEADING.split(html)
    html = parts[0] + "".join(_wrap_answer(part, lang) for part in parts[1:])
    permalink = rf'\1 title="{UI[lang]["permalink"]}"'
    return re.sub(r'(<a class="headerlink" href="#[^"]*") title="[^"]*"', permalink, html)

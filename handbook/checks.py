"""The validator's rules. Each rule reads the parsed sources and returns problems (path, line, message).

`run_checks(source)` runs every rule and returns all problems, sorted by file and line. Rules never
raise on bad input; a rule that cannot run because its input is unreadable stays silent, since the
reading problem is already reported.
"""

from __future__ import annotations

import ast
import io
import posixpath
import re
import tokenize
from pathlib import Path

from handbook.content import (
    COLON,
    DEFAULT_LANG,
    LANGS,
    PARTS,
    QUESTION_HEADING,
    QUESTION_ID,
    Problem,
    Source,
    glossary_anchor,
)
from handbook.mathml import tex_to_mathml

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
DIFFICULTIES = ("basic", "intermediate", "advanced")
GLOSSARY_FIELDS = ("zh", "en", "zh_def", "en_def")
GENERATED = {  # pages whose body is partly generated from data, by marker
    "glossary": "<!-- generated: glossary -->",
    "questions": "<!-- generated: question-index -->",
}
UNSAFE_TAG = re.compile(r"<\s*/?\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|"
                        r"style|form)\b", re.I)
EVENT_ATTR = re.compile(r"<[A-Za-z][^>]*\son[a-z]+\s*=", re.I)
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
RTL_SCRIPT = re.compile("[\u0590-\u08ff]")
MIXED_SCRIPT = re.compile(r"[A-Za-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z]")
FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
CJK_LATIN = re.compile(f"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
HALF_PUNCT = re.compile(f"[{HAN}][,;:?!]|[,;:?!] ?[{HAN}]|[{HAN}]\\.(?!\\d)|[{HAN}] ?\\(|\\) ?[{HAN}]")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")


def generated_anchors(source: Source, name: str) -> set[str]:
    """Anchors that hooks add to a page when the site is built (see hooks/)."""
    if name == "glossary":
        letters = {f"letter-{str(e.get('en', '?'))[:1].lower()}" for e in source.glossary.values()
                   if isinstance(e, dict)}
        return set(source.glossary) | letters
    if name == "questions":
        return {f"difficulty-{d}" for d in DIFFICULTIES} | {
            f"tag-{tag}" for tag in (source.questions.get("tags") or {})}
    return set()


def question_meta(source: Source) -> dict:
    return {k: v for k, v in source.questions.items() if QUESTION_ID.match(str(k))}


def line_of(lines: dict, *key) -> int:
    """The line of a key path in a YAML file, or of its nearest parent."""
    while key and key not in lines:
        key = key[:-1]
    return lines.get(key, 1)


# --- files ---------------------------------------------------------------------------------------

def check_files(source: Source) -> list[Problem]:
    """Unreadable files: not UTF-8, empty, too large, invalid YAML (found while loading)."""
    return list(source.problems)


def check_front_matter(source: Source) -> list[Problem]:
    out = []
    for page in source.pages.values():
        if not page.lines or page.lines == [""]:
            continue
        if page.meta_problem:
            out.append(Problem(page.rel, *page.meta_problem))
        elif not isinstance(page.meta.get("description"), str) or not page.meta["description"].strip():
            out.append(Problem(page.rel, 1, "page has no `description:` in its front matter "
                                            "(one sentence for search engines and link previews)"))
    return out


# --- code fences ---------------------------------------------------------------------------------

def check_fences(source: Source) -> list[Problem]:
    out = []
    for page in source.pages.values():
        for fence in page.fences:
            if not fence.closed:
                out.append(Problem(page.rel, fence.line, "code fence is never closed"))
                continue
            if not fence.lang:
                out.append(Problem(page.rel, fence.line, "code fence has no language tag "
                                   "(use ```python, or ```text for program output)"))
            for line, path in fence.includes:
                if not re.match(r"^examples/[\w.-]+\.(py|out)$", path):
                    out.append(Problem(page.rel, line, f"include {path!r}: only files directly in "
                                                       "examples/ (.py or .out) may be included"))
                elif not (source.root / path).is_file():
                    out.append(Problem(page.rel, line, f"included file {path} does not exist"))
            if fence.lang in ("python", "py") and not fence.includes:
                try:
                    ast.parse("\n".join(fence.body))
                except SyntaxError as error:
                    out.append(Problem(page.rel, fence.line + (error.lineno or 1),
                                       f"Python code does not parse: {error.msg}"))
    for path, text in source.examples.items():
        try:
            ast.parse(text, filename=path)
        except SyntaxError as error:
            out.append(Problem(path, error.lineno or 1, f"Python code does not parse: {error.msg}"))
    return out


# --- links and anchors ---------------------------------------------------------------------------

def check_links(source: Source) -> list[Problem]:
    out = []
    for page in source.pages.values():
        page_dir = posixpath.dirname(page.path.relative_to(source.docs).as_posix())
        for link in page.links:
            target = link.target
            if not target or link.external or BAD_SCHEME.match(target):
                if link.image and link.external:
                    out.append(Problem(page.rel, link.line, f"remote image {target}: readers must not "
                                       "load anything from another host; commit the image under docs/"))
                continue
            if target.startswith("/"):
                out.append(Problem(page.rel, link.line, f"absolute link {target!r}: link to the "
                                   "Markdown file with a relative path, e.g. architectures.md#q9"))
                continue
            path_part, anchor = link.page, link.anchor
            if not path_part:
                name, lang = page.name, page.lang
            else:
                resolved = posixpath.normpath(posixpath.join(page_dir, path_part))
                if resolved.startswith("../") or resolved == "..":
                    out.append(Problem(page.rel, link.line, f"link {target!r} leaves docs/; link to "
                                       "files outside the site with a full https URL"))
                    continue
                if not resolved.endswith(".md"):
                    if (source.docs / resolved).is_file():
                        continue
                    hint = " (link to the .md file)" if not posixpath.splitext(resolved)[1] else ""
                    out.append(Problem(page.rel, link.line, f"broken link {target!r}: no such file"
                                                            f"{hint}"))
                    continue
                name, _, suffix = resolved[:-3].rpartition(".")
                if name and suffix in LANGS:
                    out.append(Problem(page.rel, link.line, f"link {target!r} names a language file; "
                                       f"link to {name}.md and the build picks the reader's language"))
                    continue
                name, lang = resolved[:-3], page.lang
                if (name, lang) not in source.pages:
                    out.append(Problem(page.rel, link.line, f"broken link {target!r}: page "
                                       f"{name}.md does not exist in language {lang!r}"))
                    continue
            if anchor is None:
                continue
            term = glossary_anchor(target) if path_part else None
            if (path_part and name == "glossary") and term is not None:
                if term not in source.glossary:
                    out.append(Problem(page.rel, link.line, f"link to unknown glossary term {term!r} "
                                                            "(add it to data/glossary.yml)"))
                continue
            anchors = source.pages[(name, lang)].anchors | generated_anchors(source, name)
            if anchor not in anchors:
                out.append(Problem(page.rel, link.line, f"broken anchor {target!r}: "
                                                        f"{name}.md has no #{anchor}"))
    return out


# --- translation parity --------------------------------------------------------------------------

def check_parity(source: Source) -> list[Problem]:
    out = []
    names = {name for name, _ in source.pages}
    for name in sorted(names):
        zh, en = source.page(name, "zh"), source.page(name, "en")
        if zh is None or en is None:
            present = zh or en
            missing = f"docs/{name}.en.md" if zh else f"docs/{name}.md"
            language = "English" if zh else "Chinese"
            out.append(Problem(present.rel, 1, f"no {language} translation: {missing} is missing "
                                               "(every page exists in both languages)"))
            continue
        if len(zh.lines) <= 1 or len(en.lines) <= 1:
            continue
        zh_ids = [q.id for q in zh.questions]
        en_ids = [q.id for q in en.questions]
        if zh_ids != en_ids:
            line = next((q.line for q, z in zip(en.questions, zh_ids) if q.id != z),
                        en.questions[-1].line if en.questions else 1)
            out.append(Problem(en.rel, line, f"questions differ from {zh.rel}: "
                                             f"{' '.join(zh_ids)} there, {' '.join(en_ids)} here"))
        zh_code = [(f.lang, f.body) for f in zh.fences]
        for index, fence in enumerate(en.fences):
            if index >= len(zh_code) or zh_code[index] != (fence.lang, fence.body):
                other = zh.fences[index].line if index < len(zh.fences) else zh.lines and len(zh.lines)
                out.append(Problem(en.rel, fence.line, f"code differs from {zh.rel}:{other} "
                                                       "(code is the same in both languages)"))
                break
        else:
            if len(zh.fences) > len(en.fences):
                out.append(Problem(en.rel, len(en.lines), f"{zh.rel}:{zh.fences[len(en.fences)].line} "
                                                          "has a code block that is missing here"))
        zh_questions = {q.id: q for q in zh.questions}
        for question in en.questions:
            other = zh_questions.get(question.id)
            if other is None:
                continue
            if set(question.glossary_terms) != set(other.glossary_terms):
                only_en = sorted(set(question.glossary_terms) - set(other.glossary_terms))
                only_zh = sorted(set(other.glossary_terms) - set(question.glossary_terms))
                detail = "; ".join(filter(None, [
                    f"only here: {', '.join(only_en)}" if only_en else "",
                    f"only in {zh.rel}: {', '.join(only_zh)}" if only_zh else ""]))
                out.append(Problem(en.rel, question.line, f"{question.id} links other glossary terms "
                                                          f"than the Chinese page ({detail})"))
            if [m.tex.strip() for m in question.math] != [m.tex.strip() for m in other.math]:
                out.append(Problem(en.rel, question.line, f"{question.id}: formulas differ from "
                                                          f"{zh.rel}:{other.line}"))
    return out


# --- questions -----------------------------------------------------------------------------------

def check_questions(source: Source) -> list[Problem]:
    out = []
    for lang in LANGS:
        seen: dict[str, str] = {}
        for (_, page_lang), page in sorted(source.pages.items()):
            if page_lang != lang:
                continue
            for heading in page.headings:
                text_match = QUESTION_HEADING.match(heading.text)
                id_match = heading.explicit_id and QUESTION_ID.match(heading.explicit_id)
                if heading.level == 2 and (text_match or id_match or re.match(r"^Q\d", heading.text)):
                    if not text_match:
                        out.append(Problem(page.rel, heading.line, "question heading must read "
                                           "`## Q<N> <title> {#q<N>}`"))
                    elif not heading.explicit_id:
                        out.append(Problem(page.rel, heading.line, f"question heading needs the "
                                           f"explicit id {{#q{text_match['number']}}}"))
                    elif heading.explicit_id != f"q{text_match['number']}":
                        out.append(Problem(page.rel, heading.line, f"id #{heading.explicit_id} does "
                                           f"not match the number Q{text_match['number']} "
                                           f"(use {{#q{text_match['number']}}})"))
                elif heading.level != 2 and (text_match and heading.explicit_id):
                    out.append(Problem(page.rel, heading.line, "a question heading is a level-2 "
                                                               "heading (##)"))
            last = 0
            for question in page.questions:
                if question.id != f"q{question.number}":
                    continue
                where = f"{page.rel}:{question.line}"
                if question.id in seen:
                    out.append(Problem(page.rel, question.line, f"duplicate question id "
                                       f"{question.id} (also at {seen[question.id]})"))
                seen.setdefault(question.id, where)
                if question.number < last:
                    out.append(Problem(page.rel, question.line, f"Q{question.number} comes after "
                                       f"Q{last}: questions on a page are in increasing order"))
                last = max(last, question.number)
                labels = [label for label, _, _ in question.parts]
                expected = list(PARTS[lang])
                if labels != expected:
                    missing = [p for p in expected if p not in labels]
                    extra = [p for p in labels if p not in expected]
                    detail = (f"missing {', '.join(missing)}" if missing else
                              f"unknown part {', '.join(extra)}" if extra else "parts out of order")
                    out.append(Problem(page.rel, question.line, f"{question.id}: {detail}; the parts "
                                       f"are **{'**, **'.join(expected)}**, in this order"))
                for label, colon, line in question.parts:
                    if label in expected and colon != COLON[lang]:
                        out.append(Problem(page.rel, line, f"write **{label}**{COLON[lang]} "
                                                           f"(with {COLON[lang]!r} after the label)"))
                if len(question.examples) != 1:
                    out.append(Problem(page.rel, question.line, f"{question.id} includes "
                                       f"{len(question.examples)} example programs; it needs exactly "
                                       "one (--8<-- \"examples/qNN_name.py\")"))
    return out


# --- metadata ------------------------------------------------------------------------------------

def check_metadata(source: Source) -> list[Problem]:
    out = []
    rel, lines = "data/questions.yml", source.questions_lines
    tags = source.questions.get("tags") or {}
    for tag, names in tags.items():
        if not isinstance(names, dict) or not all(isinstance(names.get(lang), str) and names[lang]
                                                  for lang in LANGS):
            out.append(Problem(rel, line_of(lines, "tags", tag), f"tag {tag!r} needs a name in "
                                                                 "each language (zh, en)"))
    meta = question_meta(source)
    for key in source.questions:
        if key != "tags" and key not in meta:
            out.append(Problem(rel, line_of(lines, key), f"unknown key {key!r}: expected `tags` "
                                                         "or question ids like q9"))
    placed = source.question_pages(DEFAULT_LANG)
    for qid, entry in meta.items():
        line = line_of(lines, qid)
        if not isinstance(entry, dict):
            out.append(Problem(rel, line, f"{qid} must be a mapping (page, difficulty, tags, related)"))
            continue
        page = placed.get(qid)
        if page is None:
            out.append(Problem(rel, line, f"{qid} has metadata but no page has the question"))
        elif entry.get("page") != page.name:
            out.append(Problem(rel, line_of(lines, qid, "page"), f"{qid} is on page {page.name!r}, "
                               f"not {entry.get('page')!r}"))
        if entry.get("difficulty") not in DIFFICULTIES:
            out.append(Problem(rel, line_of(lines, qid, "difficulty"), f"{qid}: difficulty must be "
                               f"one of {', '.join(DIFFICULTIES)}"))
        entry_tags = entry.get("tags")
        if not isinstance(entry_tags, list) or not entry_tags:
            out.append(Problem(rel, line_of(lines, qid, "tags"), f"{qid}: give one to three tags"))
        else:
            for tag in entry_tags:
                if tag not in tags:
                    out.append(Problem(rel, line_of(lines, qid, "tags"), f"{qid}: unknown tag {tag!r} "
                                       "(define it under `tags:`)"))
        keywords = entry.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            out.append(Problem(rel, line_of(lines, qid, "keywords"), f"{qid}: keywords must be a list "
                                                                     "of words and phrases"))
        related = entry.get("related")
        if not isinstance(related, list) or not 2 <= len(related) <= 4:
            out.append(Problem(rel, line_of(lines, qid, "related"), f"{qid}: list two to four "
                                                                    "related questions"))
        else:
            for other in related:
                if other == qid or other not in meta:
                    out.append(Problem(rel, line_of(lines, qid, "related"), f"{qid}: related "
                                       f"question {other!r} does not exist" if other != qid else
                                       f"{qid} lists itself as related"))
    for qid, page in placed.items():
        if qid not in meta:
            question = next(q for q in page.questions if q.id == qid)
            out.append(Problem(page.rel, question.line, f"{qid} has no entry in data/questions.yml"))
    return out


# --- glossary ------------------------------------------------------------------------------------

def check_glossary(source: Source) -> list[Problem]:
    out = []
    rel, lines = "data/glossary.yml", source.glossary_lines
    for term, entry in source.glossary.items():
        line = line_of(lines, term)
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", str(term)):
            out.append(Problem(rel, line, f"term id {term!r}: use lowercase letters, digits and "
                                          "hyphens (it is the anchor in both languages)"))
        if not isinstance(entry, dict):
            out.append(Problem(rel, line, f"term {term!r} must be a mapping with "
                                          f"{', '.join(GLOSSARY_FIELDS)}"))
            continue
        for key in GLOSSARY_FIELDS:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                language = "English" if key.startswith("en") else "Chinese"
                what = "definition" if key.endswith("_def") else "term"
                out.append(Problem(rel, line_of(lines, term, key), f"term {term!r} has no {language} "
                                                                    f"{what} ({key})"))
    for lang in LANGS:
        used = {t for q in source.questions_in(lang).values() for t in q.glossary_terms}
        if not source.questions_in(lang):
            continue
        for term in source.glossary:
            if term not in used:
                language = "Chinese" if lang == "zh" else "English"
                out.append(Problem(rel, line_of(lines, term), f"term {term!r} is used by no "
                                   f"{language} question (link it where it is used, or remove it)"))
    return out


# --- published pages and ids ---------------------------------------------------------------------

def check_published(source: Source) -> list[Problem]:
    out = []
    rel, lines, data = "data/published.yml", source.published_lines, source.published
    pages = data.get("pages") or []
    questions = data.get("questions") or []
    redirects = data.get("redirects") or {}
    if not isinstance(pages, list) or not isinstance(questions, list) or not isinstance(redirects, dict):
        return [Problem(rel, 1, "expected `pages:` (list), `questions:` (list), `redirects:` (map)")]
    existing_pages = {name for name, lang in source.pages if lang == DEFAULT_LANG}
    existing_questions = set(source.question_pages(DEFAULT_LANG))
    for index, name in enumerate(pages):
        if name not in existing_pages and name not in redirects:
            out.append(Problem(rel, line_of(lines, "pages", index), f"published page {name!r} no "
                               "longer exists; restore it or declare `redirects: {" f"{name}: <page>" "}`"))
    for index, qid in enumerate(questions):
        if qid not in existing_questions and qid not in redirects:
            out.append(Problem(rel, line_of(lines, "questions", index), f"published question {qid} "
                               "no longer exists; restore it or declare `redirects: {" f"{qid}: <qN>" "}`"))
    for old, new in redirects.items():
        line = line_of(lines, "redirects", old)
        if old in existing_pages or old in existing_questions:
            out.append(Problem(rel, line, f"redirect from {old!r}, which still exists"))
        target_ok = new in existing_questions if QUESTION_ID.match(str(old)) else new in existing_pages
        if not target_ok:
            out.append(Problem(rel, line, f"redirect {old!r} -> {new!r}: the target does not exist"))
    for name in sorted(existing_pages - set(pages)):
        out.append(Problem(f"docs/{name}.md", 1, f"page {name!r} is not in data/published.yml "
                                                 "(add it under `pages:`)"))
    placed = source.question_pages(DEFAULT_LANG)
    for qid in sorted(existing_questions - set(questions), key=lambda q: int(q[1:])):
        page = placed[qid]
        line = next(q.line for q in page.questions if q.id == qid)
        out.append(Problem(page.rel, line, f"{qid} is not in data/published.yml (the scaffold "
                                           "`python scripts/build.py new` registers new questions)"))
    return out


# --- unsafe content ------------------------------------------------------------------------------

def check_unsafe(source: Source) -> list[Problem]:
    out = []
    for page in source.pages.values():
        for number, text in page.prose:
            tag = UNSAFE_TAG.search(text)
            if tag:
                out.append(Problem(page.rel, number, f"raw <{tag.group(1).lower()}> is not allowed "
                                                     "in pages (pages come from pull requests)"))
            if EVENT_ATTR.search(text):
                out.append(Problem(page.rel, number, "HTML event attribute (on...=) is not allowed"))
        for link in page.links:
            if BAD_SCHEME.match(link.target):
                out.append(Problem(page.rel, link.line, f"{link.target.split(':')[0]}: URLs are "
                                                        "not allowed"))
    return out


# --- typography ----------------------------------------------------------------------------------

def check_typography(source: Source) -> list[Problem]:
    out = []
    for page in source.pages.values():
        for number, text in enumerate(page.lines, 1):
            for pattern, message in ((INVISIBLE, "invisible character U+{:04X}"),
                                     (RTL_SCRIPT, "unexpected right-to-left character U+{:04X} "
                                                  "(a look-alike or a paste error?)")):
                found = pattern.search(text)
                if found:
                    out.append(Problem(page.rel, number, message.format(ord(found.group(0)))))
        for number, text in page.prose:
            clean = LINK_TARGET.sub(lambda m: "]" if m.group(0).startswith("]") else " ", text)
            clean = clean.replace("**", "")
            found = MIXED_SCRIPT.search(clean)
            if found:
                out.append(Problem(page.rel, number, f"look-alike letters: {found.group(0)!r} mixes "
                                                     "Latin with Greek or Cyrillic"))
            found = FULLWIDTH_ALNUM.search(clean)
            if found:
                out.append(Problem(page.rel, number, f"full-width {found.group(0)!r}: use the ASCII "
                                                     "letter or digit"))
            if page.lang == "en":
                found = re.search(f"[{HAN}]+", clean)
                if found:
                    out.append(Problem(page.rel, number, f"Chinese text {found.group(0)!r} on an "
                                                         "English page"))
                continue
            found = CJK_LATIN.search(clean)
            if found:
                out.append(Problem(page.rel, number, f"add a space between Chinese and Latin text "
                                                     f"or digits: {found.group(0)!r}"))
            found = HALF_PUNCT.search(clean)
            if found:
                out.append(Problem(page.rel, number, f"use full-width punctuation in Chinese text: "
                                                     f"{found.group(0)!r}"))
    return out


# --- math ----------------------------------------------------------------------------------------

def check_math(source: Source) -> list[Problem]:
    out = []
    for page in source.pages.values():
        for math in page.math:
            _, problem = tex_to_mathml(math.tex, math.display)
            if problem:
                out.append(Problem(page.rel, math.line, problem))
    return out


# --- examples ------------------------------------------------------------------------------------

def check_examples(source: Source) -> list[Problem]:
    out = []
    included: dict[str, dict[str, int]] = {}
    for lang in LANGS:
        for question in source.questions_in(lang).values():
            for path in question.examples:
                included.setdefault(path, {}).setdefault(lang, 0)
                included[path][lang] += 1
    for path, text in source.examples.items():
        stem = Path(path).stem
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue  # reported by check_fences
        if not any(isinstance(n, ast.FunctionDef) and n.name == "main" for n in tree.body):
            out.append(Problem(path, 1, "an example defines main() that prints and returns a dict"))
        if 'if __name__ == "__main__":' not in text:
            out.append(Problem(path, 1, 'an example ends with: if __name__ == "__main__": main()'))
        if not (source.root / "examples" / f"{stem}.out").is_file():
            out.append(Problem(path, 1, f"examples/{stem}.out is missing "
                                        "(run: python scripts/build.py outputs)"))
        if not (source.root / "tests" / "examples" / f"test_{stem}.py").is_file():
            out.append(Problem(path, 1, f"no test: tests/examples/test_{stem}.py must check what "
                                        "the example claims"))
        for lang in LANGS:
            count = included.get(path, {}).get(lang, 0)
            if count != 1 and source.questions_in(lang):
                language = "Chinese" if lang == "zh" else "English"
                out.append(Problem(path, 1, f"included by {count} {language} questions; an example "
                                            "belongs to exactly one question"))
        if not re.search(f"[{HAN}]", text):
            continue  # no Chinese anywhere: no Chinese comment (tokenizing is the slow part)
        try:
            for token in tokenize.generate_tokens(io.StringIO(text).readline):
                if token.type == tokenize.COMMENT and re.search(f"[{HAN}]", token.string):
                    out.append(Problem(path, token.start[0], "comments in examples are in English "
                                                             "(the code is shown in both languages)"))
        except (tokenize.TokenError, IndentationError):
            pass
    return out


# --- unfinished work -----------------------------------------------------------------------------

def check_todo(source: Source) -> list[Problem]:
    out = []
    roots = [source.docs, source.root / "examples", source.root / "data", source.root / "tests" / "examples"]
    for base in roots:
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix not in (".md", ".py", ".yml", ".out") or path.name == "conftest.py":
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for number, line in enumerate(text.split("\n"), 1):
                if "TODO" in line:
                    rel = path.relative_to(source.root).as_posix()
                    out.append(Problem(rel, number, f"unfinished: {line.strip()[:90]}"))
    return out


RULES = (check_files, check_front_matter, check_fences, check_links, check_parity, check_questions,
         check_metadata, check_glossary, check_published, check_unsafe, check_typography, check_math,
         check_examples, check_todo)


def run_checks(source: Source) -> list[Problem]:
    problems = [problem for rule in RULES for problem in rule(source)]
    unique = {(p.path, p.line, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.path, p.line, p.message))

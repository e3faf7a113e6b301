"""Read the handbook's sources: Markdown pages (both languages), data files and example programs.

This is the one parser of the question format. The validator (`handbook.checks`), the mkdocs hooks
and the tests all use it, so they agree on what a question, a link or a code fence is.
Parsing never raises on bad input: what cannot be read is recorded for the checks to report.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[1]
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster
LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
MAX_BYTES = 256 * 1024

# The parts of every question, in order, with the colon that follows the bold label.
PARTS = {
    "zh": ("题目", "答案", "举例", "解析", "追问", "参考"),
    "en": ("Question", "Answer", "Example", "Explanation", "Follow-ups", "References"),
}
COLON = {"zh": "：", "en": ":"}

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
TRAILING_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^{}]*?)[ \t]*\}$")
ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<attrs>#[^{}]*?)[ \t]*\}")
QUESTION_HEADING = re.compile(r"^Q(?P<number>[1-9][0-9]*) (?P<title>\S.*)$")
QUESTION_ID = re.compile(r"^q[1-9][0-9]*$")
PART = re.compile(r"^\*\*(?P<label>[^*]+)\*\*(?P<colon>[:：]?)")
INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)(?P<tex>[^$\n]+?)(?<![\s\\])\$(?!\$)")
LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<target><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?P<title>\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
REF_DEF = re.compile(r"^ {0,3}\[(?P<ref>[^\]]+)\]:\s*(?P<target>\S+)")
HTML_URL = re.compile(r"<[A-Za-z][^>]*?\s(?:href|src)\s*=\s*(?P<q>[\"']?)(?P<target>[^\"'\s>]*)(?P=q)")
AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}\s*(?P<q>[\"'])(?P<path>[^\"']+)(?P=q)\s*$")
TITLE_ATTR = re.compile(r"\btitle=(?P<q>[\"'])(?P<title>.*?)(?P=q)")


@dataclass
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence
    end_line: int  # line of the closing fence (or the last line of the file)
    info: str
    lang: str
    body: list[str]
    closed: bool

    @property
    def title(self) -> str:
        match = TITLE_ATTR.search(self.info)
        return match["title"] if match else ""

    @property
    def includes(self) -> list[tuple[int, str]]:
        """Snippet includes (`--8<-- "path"`) as (line, path)."""
        out = []
        for offset, text in enumerate(self.body, 1):
            match = SNIPPET.match(text)
            if match:
                out.append((self.line + offset, match["path"]))
        return out


@dataclass
class Link:
    line: int
    target: str
    text: str
    image: bool = False

    @property
    def page(self) -> str:
        return self.target.split("#", 1)[0]

    @property
    def anchor(self) -> str | None:
        return self.target.split("#", 1)[1] if "#" in self.target else None

    @property
    def external(self) -> bool:
        return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", self.target)) or self.target.startswith("//")


@dataclass
class Heading:
    line: int
    level: int
    text: str  # without the attribute list
    explicit_id: str | None
    id: str  # explicit id, or the id the toc extension generates


@dataclass
class Math:
    line: int
    tex: str
    display: bool


@dataclass
class Question:
    id: str
    number: int
    title: str
    line: int
    end_line: int
    parts: list[tuple[str, str, int]] = field(default_factory=list)  # (label, colon, line)
    fences: list[Fence] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    math: list[Math] = field(default_factory=list)

    @property
    def glossary_terms(self) -> list[str]:
        """Glossary ids linked from this question, in order of first use."""
        seen: list[str] = []
        for link in self.links:
            term = glossary_anchor(link.target)
            if term and term not in seen:
                seen.append(term)
        return seen

    @property
    def examples(self) -> list[str]:
        return [path for fence in self.fences for _, path in fence.includes if path.endswith(".py")]


@dataclass
class Page:
    path: Path
    name: str  # "architectures" for docs/architectures.md and docs/architectures.en.md
    lang: str
    lines: list[str]
    meta: dict
    meta_problem: tuple[int, str] | None
    body_start: int  # first line after the front matter
    headings: list[Heading]
    fences: list[Fence]
    links: list[Link]
    math: list[Math]
    prose: list[tuple[int, str]]  # lines outside code, inline code and math masked
    anchors: set[str]
    questions: list[Question]
    docs: Path

    @property
    def rel(self) -> str:
        return rel_path(self.path, self.docs.parent)

    @property
    def src_name(self) -> str:
        """The name used in links: `architectures.md` in every language."""
        return f"{self.name}.md"


def rel_path(path: Path, root: Path = ROOT) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def glossary_anchor(target: str) -> str | None:
    """The term id of a link to the glossary, e.g. `glossary.md#attention` -> `attention`."""
    match = re.match(r"^(?:\./)?glossary\.md#(?P<id>[^#\s]+)$", target)
    return match["id"] if match else None


def read_text(path: Path, root: Path = ROOT) -> tuple[str | None, Problem | None]:
    """Read a source file as UTF-8, or say precisely why it cannot be used."""
    rel = rel_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(rel, 1, f"cannot read file: {error.strerror}")
    if len(raw) > MAX_BYTES:
        return None, Problem(rel, 1, f"file is {len(raw) // 1024} KiB; the limit is "
                                     f"{MAX_BYTES // 1024} KiB (split the page or the example)")
    if not raw.strip():
        return None, Problem(rel, 1, "file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, Problem(rel, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, Problem(rel, line, f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); "
                                        "save the file as UTF-8")
    if "\x00" in text:
        return None, Problem(rel, text.count("\n", 0, text.index("\x00")) + 1, "file contains a NUL byte")
    return text, None


def load_yaml(path: Path, root: Path = ROOT) -> tuple[object, dict[tuple, int], list[Problem]]:
    """Load a YAML data file with the line of every key: (data, {key path: line}, problems)."""
    rel = rel_path(path, root)
    if not path.exists():
        return None, {}, [Problem(rel, 1, "file is missing")]
    text, problem = read_text(path, root)
    if problem:
        return None, {}, [problem]
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, {}, [Problem(rel, line, f"invalid YAML: {reason}")]
    lines: dict[tuple, int] = {}
    problems: list[Problem] = []

    def walk(node, key_path):
        lines[key_path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                name = key.value
                if name in seen:
                    problems.append(Problem(rel, key.start_mark.line + 1, f"duplicate key {name!r}"))
                seen.add(name)
                walk(value, key_path + (name,))
                lines[key_path + (name,)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, key_path + (index,))

    if node is not None:
        walk(node, ())
    return data, lines, problems


def page_name_and_lang(path: Path, docs: Path) -> tuple[str, str | None]:
    """`architectures.en.md` -> ("architectures", "en"); `architectures.md` -> (.., "zh")."""
    rel = path.relative_to(docs).as_posix()[: -len(".md")]
    stem, _, suffix = rel.rpartition(".")
    if stem and "/" not in suffix:
        return stem, suffix if suffix in LANGS else None
    return rel, DEFAULT_LANG


def mask_inline(text: str) -> str:
    """Replace inline code and inline math by `x` runs of the same length (columns are kept)."""
    text = INLINE_CODE.sub(lambda m: "x" * len(m.group(0)), text)
    return INLINE_MATH.sub(lambda m: "x" * len(m.group(0)), text)


@functools.lru_cache(maxsize=256)  # the loader and the hooks parse the same text; Pages are read-only
def parse_page(path: Path, text: str, docs: Path) -> Page:
    name, lang = page_name_and_lang(path, docs)
    lines = text.split("\n")
    meta, meta_problem, body_start = {}, None, 1
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            meta_problem = (1, "front matter opened with --- is never closed")
        else:
            try:
                loaded = yaml.safe_load("\n".join(lines[1:end])) or {}
                if isinstance(loaded, dict):
                    meta = loaded
                else:
                    meta_problem = (1, "front matter must be a YAML mapping")
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                meta_problem = ((mark.line + 2) if mark else 1,
                                f"invalid YAML in front matter: {getattr(error, 'problem', error)}")
            body_start = end + 2

    headings: list[Heading] = []
    fences: list[Fence] = []
    links: list[Link] = []
    maths: list[Math] = []
    prose: list[tuple[int, str]] = []
    anchors: set[str] = set()
    used_ids: set[str] = set()
    fence: Fence | None = None
    fence_char, fence_len = "", 0
    in_comment = False
    display_math: Math | None = None

    for number in range(body_start, len(lines) + 1):
        line = lines[number - 1]
        if fence is not None:
            stripped = line.strip()
            if stripped and set(stripped) == {fence_char} and len(stripped) >= fence_len:
                fence.closed, fence.end_line = True, number
                fence = None
            else:
                fence.body.append(line)
                fence.end_line = number
            continue
        if display_math is not None:
            if line.strip().endswith("$$"):
                display_math.tex += "\n" + line.strip()[:-2]
                maths.append(display_math)
                display_math = None
            else:
                display_math.tex += "\n" + line
            continue
        opened = FENCE_OPEN.match(line)
        if opened:
            info = opened["info"].strip()
            lang_tag = ""
            if info.startswith("{"):
                cls = re.search(r"\.([\w+-]+)", info)
                lang_tag = cls.group(1) if cls else ""
            elif info:
                lang_tag = info.split()[0]
            fence = Fence(number, number, info, lang_tag, [], False)
            fence_char, fence_len = opened["fence"][0], len(opened["fence"])
            fences.append(fence)
            continue
        stripped = line.strip()
        if stripped.startswith("$$"):
            rest = stripped[2:]
            if rest.endswith("$$") and len(rest) >= 2:
                maths.append(Math(number, rest[:-2], True))
            else:
                display_math = Math(number, rest, True)
            continue

        # HTML comments are not content.
        visible = line
        if in_comment:
            if "-->" in visible:
                visible = " " * (visible.index("-->") + 3) + visible[visible.index("-->") + 3:]
                in_comment = False
            else:
                continue
        visible = re.sub(r"<!--.*?-->", lambda m: " " * len(m.group(0)), visible)
        if "<!--" in visible:
            visible = visible[: visible.index("<!--")]
            in_comment = True

        for match in INLINE_MATH.finditer(INLINE_CODE.sub(lambda m: "x" * len(m.group(0)), visible)):
            maths.append(Math(number, match["tex"], False))
        masked = mask_inline(visible)
        prose.append((number, masked))

        for match in LINK.finditer(masked):
            target = match["target"].strip("<>")
            links.append(Link(number, target, match["text"], bool(match["image"])))
        for pattern in (REF_DEF, HTML_URL, AUTOLINK):
            for match in pattern.finditer(masked):
                links.append(Link(number, match["target"], ""))

        heading = HEADING.match(masked) if not line.startswith((" ", "\t")) else None
        if heading:
            raw_text = line.strip().lstrip("#").strip()
            explicit = None
            attrs = TRAILING_ATTRS.search(raw_text)
            if attrs:
                found = ATTR_ID.search(attrs["attrs"])
                explicit = found["id"] if found else None
                raw_text = raw_text[: attrs.start()].rstrip()
            raw_text = raw_text.rstrip("#").rstrip()
            if explicit:
                heading_id = explicit
            else:
                base = slugify(raw_text, "-") or "_"
                heading_id, n = base, 0
                while heading_id in used_ids:
                    n += 1
                    heading_id = f"{base}_{n}"
            used_ids.add(heading_id)
            anchors.add(heading_id)
            headings.append(Heading(number, len(heading["hashes"]), raw_text, explicit, heading_id))
        else:
            for match in ATTR_LIST.finditer(masked):
                for found in ATTR_ID.finditer(match["attrs"]):
                    anchors.add(found["id"])
                    used_ids.add(found["id"])

    if display_math is not None:
        maths.append(display_math)

    page = Page(path, name, lang or "", lines, meta, meta_problem, body_start, headings, fences,
                links, maths, prose, anchors, [], docs)
    page.questions = _questions(page)
    return page


def _questions(page: Page) -> list[Question]:
    out: list[Question] = []
    boundaries = [h for h in page.headings if h.level <= 2]
    last_line = len(page.lines)
    for index, heading in enumerate(boundaries):
        if heading.level != 2:
            continue
        match = QUESTION_HEADING.match(heading.text)
        if not match:
            continue
        end = boundaries[index + 1].line - 1 if index + 1 < len(boundaries) else last_line
        question = Question(heading.explicit_id or "", int(match["number"]), match["title"],
                            heading.line, end)
        for number in range(heading.line + 1, end + 1):
            part = PART.match(page.lines[number - 1])
            if part and not any(f.line <= number <= f.end_line for f in page.fences):
                question.parts.append((part["label"].strip(), part["colon"], number))
        question.fences = [f for f in page.fences if heading.line < f.line <= end]
        question.links = [link for link in page.links if heading.line < link.line <= end]
        question.math = [m for m in page.math if heading.line < m.line <= end]
        out.append(question)
    return out


@dataclass
class Source:
    """All the sources of the site, as parsed; `problems` holds what could not be read."""

    root: Path
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)  # (name, lang) -> page
    problems: list[Problem] = field(default_factory=list)
    questions: dict = field(default_factory=dict)
    questions_lines: dict = field(default_factory=dict)
    glossary: dict = field(default_factory=dict)
    glossary_lines: dict = field(default_factory=dict)
    published: dict = field(default_factory=dict)
    published_lines: dict = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)  # "examples/q07_x.py" -> text

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def page(self, name: str, lang: str) -> Page | None:
        return self.pages.get((name, lang))

    def names(self, lang: str) -> list[str]:
        return sorted(name for name, page_lang in self.pages if page_lang == lang)

    def question_pages(self, lang: str) -> dict[str, Page]:
        """Question id -> the page it is on, in one language."""
        return {q.id: page for (name, page_lang), page in sorted(self.pages.items())
                if page_lang == lang for q in page.questions}

    def questions_in(self, lang: str) -> dict[str, Question]:
        return {q.id: q for (name, page_lang), page in sorted(self.pages.items())
                if page_lang == lang for q in page.questions}


_cache: dict = {}


def _stamp(root: Path) -> tuple:
    """Every source file's path, size and modification time: a changed file changes the stamp."""
    files = [p for folder in ("docs", "data", "examples") if (root / folder).is_dir()
             for p in (root / folder).rglob("*") if p.is_file()]
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))


def load_source(root: Path = ROOT, cached: bool = False) -> Source:
    """Parse every source of the site. With cached=True, reuse the last result while no file has
    changed size or modification time (the build script validates, then builds in the same
    process, and the hooks ask for the sources many times per build)."""
    root = root.resolve()
    if not cached:
        return _load(root)
    stamp = _stamp(root)
    if _cache.get(root, (None,))[0] != stamp:
        _cache[root] = (stamp, _load(root))
    return _cache[root][1]


def _load(root: Path) -> Source:
    source = Source(root)
    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        name, lang = page_name_and_lang(path, docs)
        if lang is None:
            source.problems.append(Problem(
                rel_path(path, root), 1, f"unknown language suffix in {path.name}; pages are "
                                         "NAME.md (Chinese) and NAME.en.md (English)"))
            continue
        text, problem = read_text(path, root)
        if problem:
            source.problems.append(problem)
            # Keep an empty placeholder so that parity checks do not report a second problem.
            source.pages[(name, lang)] = parse_page(path, "", docs)
            continue
        source.pages[(name, lang)] = parse_page(path, text, docs)

    for attr, file_name in (("questions", "questions.yml"), ("glossary", "glossary.yml"),
                            ("published", "published.yml")):
        data, lines, problems = load_yaml(root / "data" / file_name, root)
        source.problems.extend(problems)
        if data is not None and not isinstance(data, dict):
            source.problems.append(Problem(f"data/{file_name}", 1, "must be a YAML mapping"))
            data = None
        setattr(source, attr, data or {})
        setattr(source, f"{attr}_lines", lines)

    for path in sorted((root / "examples").glob("*.py")):
        text, problem = read_text(path, root)
        if problem:
            source.problems.append(problem)
        else:
            source.examples[f"examples/{path.name}"] = text
    return source

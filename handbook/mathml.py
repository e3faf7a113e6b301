"""TeX to MathML at build time (latex2mathml), with the checks latex2mathml does not make itself:
it renders an unknown command as the literal text `\\foo` and accepts unbalanced braces."""

import atexit
import hashlib
import json
import os
import re
from importlib.metadata import version
from pathlib import Path
from xml.etree import ElementTree

# Converting the ~450 formulas is most of `build.py --check` (0.4 s of 0.75 s), so conversions are
# kept on disk between runs. The file name carries a hash of this file and latex2mathml's version:
# changing either starts a new cache. A missing, damaged or unwritable cache only means converting
# again. HANDBOOK_CACHE moves it (the tests use a temporary directory).
CACHE_DIR = Path(os.environ.get("HANDBOOK_CACHE") or Path(__file__).resolve().parents[1] / ".cache")
_KEY = hashlib.sha256(Path(__file__).read_bytes() + version("latex2mathml").encode()).hexdigest()[:12]
CACHE_FILE = CACHE_DIR / f"mathml-{_KEY}.json"
_results: dict[str, list] = {}  # key -> [MathML, problem]: read from CACHE_FILE, then added to
_added = False


def _load_cache() -> None:
    try:
        loaded = json.loads(CACHE_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(loaded, dict):
        _results.update(loaded)


def _save_cache() -> None:
    if not _added:
        return
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        partial = CACHE_FILE.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(_results, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, CACHE_FILE)  # atomic: a reader sees the old file or the new one
        for stale in CACHE_DIR.glob("mathml-*.json"):
            if stale != CACHE_FILE:
                stale.unlink()
    except OSError:
        pass


_load_cache()
atexit.register(_save_cache)


def tex_to_mathml(tex: str, display: bool = False) -> tuple[str, str | None]:
    """Return (MathML, None), or ("", why the formula cannot be converted). The check and both
    languages' pages share their formulas: each is converted once, then read from _results."""
    global _added
    key = ("$$" if display else "$") + tex
    found = _results.get(key)
    if not (isinstance(found, list) and len(found) == 2):
        found = _results[key] = list(_convert(tex, display))
        _added = True
    return found[0], found[1]


def _convert(tex: str, display: bool) -> tuple[str, str | None]:
    if re.search(r"&|\\\\|\\begin", tex):
        return "", "formula uses an environment, & or \\\\; write one equation per $$ block"
    depth = 0
    for char in re.sub(r"\\[{}]", "", tex):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        return "", "formula has unbalanced braces { }"
    from latex2mathml.converter import convert  # imported only when a formula is not cached

    try:
        mathml = convert(tex.strip(), display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises many error types on bad input
        return "", f"formula does not convert: {type(error).__name__} {error}".rstrip()
    unknown = re.search(r">(\\[A-Za-z]+)<", mathml)
    if unknown:
        return "", f"formula uses {unknown.group(1)}, which latex2mathml does not know"
    return _slim(mathml), None


def _slim(mathml: str) -> str:
    """Fewer bytes and elements, same rendering: no xmlns (implied in HTML), no <mrow> around a
    single element (latex2mathml wraps nearly everything in one), characters instead of
    character references."""
    root = ElementTree.fromstring(mathml)

    def unwrap(element):
        for index, child in enumerate(list(element)):
            unwrap(child)
            if (child.tag.endswith("mrow") and len(child) == 1 and not (child.text or "").strip()
                    and not (child[0].tail or "").strip()):
                only = child[0]
                only.tail = child.tail
                element.remove(child)
                element.insert(index, only)

    unwrap(root)
    text = ElementTree.tostring(root, encoding="unicode", short_empty_elements=True)
    return text.replace("ns0:", "").replace(' xmlns:ns0="http://www.w3.org/1998/Math/MathML"', "")

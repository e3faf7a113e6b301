"""TeX to MathML at build time (latex2mathml), with the checks latex2mathml does not make itself:
it renders an unknown command as the literal text `\\foo` and accepts unbalanced braces."""

import functools
import re
from xml.etree import ElementTree

from latex2mathml.converter import convert


@functools.cache  # the check and both languages' pages share their formulas
def tex_to_mathml(tex: str, display: bool = False) -> tuple[str, str | None]:
    """Return (MathML, None), or ("", why the formula cannot be converted)."""
    if re.search(r"&|\\\\|\\begin", tex):
        return "", "formula uses an environment, & or \\\\; write one equation per $$ block"
    depth = 0
    for char in re.sub(r"\\[{}]", "", tex):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        return "", "formula has unbalanced braces { }"
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

"""Hook: formulas become MathML when the site is built, so no script or font is loaded for them.

pymdownx.arithmatex (generic mode) marks `$...$` and `$$...$$`; this hook converts the marked TeX
with latex2mathml. Browsers render MathML Core natively (Chromium 109+, Firefox, Safari).
"""

import html as html_lib
import re

from mkdocs.exceptions import PluginError
from site_source import ROOT  # noqa: F401 (puts the repository on sys.path)

from handbook.mathml import tex_to_mathml

INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.S)


def _mathml(match, display: bool, page) -> str:
    tex = html_lib.unescape(match["tex"]).strip()
    mathml, problem = tex_to_mathml(tex, display)
    if problem:
        raise PluginError(f"{page.file.src_uri}: {problem}: {tex}")
    return f'<div class="math-display">{mathml}</div>' if display else mathml


def on_page_content(html, page, config, files):
    if "arithmatex" not in html:
        return html
    html = BLOCK.sub(lambda m: _mathml(m, True, page), html)
    return INLINE.sub(lambda m: _mathml(m, False, page), html)

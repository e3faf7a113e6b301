"""Hook: formulas become MathML when the site is built, so no script or font is loaded for them.

pymdownx.arithmatex (generic mode) marks `$...$` and `$$...$$`; this hook converts the marked TeX
with latex2mathml (handbook/mathml.py). Browsers render MathML Core natively (Chromium 109+,
Firefox, Safari). The conversion runs on the finished page (on_post_page), after material's search
plugin has indexed it: the formulas are left out of the index, which would otherwise parse every
<mi> and <mo> of them. Conversions are cached: the check and both languages share them.
"""

import html as html_lib
import re

from mkdocs.exceptions import PluginError
from site_source import ROOT  # noqa: F401 (puts the repository on sys.path)

from handbook.mathml import tex_to_mathml

MARKED = re.compile(r'<(span|div) class="arithmatex">')
INLINE = re.compile(r'<span class="arithmatex"[^>]*>\\\((?P<tex>.*?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex"[^>]*>\\\[(?P<tex>.*?)\\\]</div>', re.S)


def _mathml(match, display: bool, page) -> str:
    tex = html_lib.unescape(match["tex"]).strip()
    mathml, problem = tex_to_mathml(tex, display)
    if problem:
        raise PluginError(f"{page.file.src_uri}: {problem}: {tex}")
    # A wide formula scrolls sideways inside its box on a phone; tabindex lets the keyboard scroll it.
    return f'<div class="math-display" tabindex="0">{mathml}</div>' if display else mathml


def on_page_content(html, page, config, files):
    """Keep the TeX out of the search index (material skips data-search-exclude elements)."""
    return MARKED.sub(r'<\1 class="arithmatex" data-search-exclude>', html)


def on_post_page(output, page, config):
    if "arithmatex" not in output:
        return output
    output = BLOCK.sub(lambda m: _mathml(m, True, page), output)
    return INLINE.sub(lambda m: _mathml(m, False, page), output)

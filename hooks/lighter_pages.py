"""Hook: fewer elements in highlighted code, for phones.

Pygments wraps every token of the examples in a <span>: a topic page had 5,500 of them, two thirds
of its DOM. Names (n), punctuation (p), operators (o) and whitespace (w) are drawn in the code's
own text colour (see overrides/assets/handbook.css), so their spans only cost layout time; this
hook unwraps them and keeps the coloured ones (keywords, strings, numbers, comments, builtins).

Material sets up a code block only when it scrolls into view (the content.lazy feature): until then
a block that scrolls sideways would not be reachable with the keyboard. Every block starts with
tabindex="0"; material removes it from a block that turns out not to scroll. Each block also gets
the height it takes while its rendering is skipped off screen (handbook.css): an upper bound, as
code never wraps and its lines decide its height.
"""

import re

PLAIN_TOKEN = re.compile(r'<span class="(?:n|p|o|w)">([^<]*)</span>')
CODE_BLOCK = re.compile(r'(?P<open><div class="language-[a-z]+ highlight")>'
                        r"(?P<title>.*?<pre><span></span>)<code>(?P<code>.*?)</code>", re.S)


def _code_block(match) -> str:
    height = 21 * (match["code"].count("\n") + 1) + 100
    return (f'{match["open"]} style="contain-intrinsic-size: auto {height}px">{match["title"]}'
            f'<code tabindex="0">{match["code"]}</code>')


def on_page_content(html, page, config, files):
    return CODE_BLOCK.sub(_code_block, PLAIN_TOKEN.sub(r"\1", html))

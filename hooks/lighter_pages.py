"""Hook: fewer elements in highlighted code, for phones.

Pygments wraps every token of the examples in a <span>: a topic page had 5,500 of them, two thirds
of its DOM. Names (n), punctuation (p), operators (o) and whitespace (w) are drawn in the code's
own text colour (see overrides/assets/handbook.css), so their spans only cost layout time; this
hook unwraps them and keeps the coloured ones (keywords, strings, numbers, comments, builtins).

Material sets up a code block only when it scrolls into view (the content.lazy feature): until then
a block that scrolls sideways would not be reachable with the keyboard. Every block starts with
tabindex="0"; material removes it from a block that turns out not to scroll.
"""

import re

PLAIN_TOKEN = re.compile(r'<span class="(?:n|p|o|w)">([^<]*)</span>')
CODE_BLOCK = re.compile(r"(<pre><span></span>)<code>")


def on_page_content(html, page, config, files):
    return CODE_BLOCK.sub(r'\1<code tabindex="0">', PLAIN_TOKEN.sub(r"\1", html))

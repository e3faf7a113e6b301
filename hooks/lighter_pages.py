"""Hook: fewer elements in highlighted code, for phones.

Pygments wraps every token of the examples in a <span>: a topic page had 5,500 of them, two thirds
of its DOM. Names (n), punctuation (p), operators (o) and whitespace (w) are drawn in the code's
own text colour (see overrides/assets/handbook.css), so their spans only cost layout time; this
hook unwraps them and keeps the coloured ones (keywords, strings, numbers, comments, builtins).
"""

import re

PLAIN_TOKEN = re.compile(r'<span class="(?:n|p|o|w)">([^<]*)</span>')


def on_page_content(html, page, config, files):
    return PLAIN_TOKEN.sub(r"\1", html)

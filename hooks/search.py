"""Hook: search that works in each language and finds the answer, not the code.

- Chinese is segmented at build time by material's search plugin with jieba (default dictionary).
  Material's worker splits a Chinese query into words it finds in the index and searches them as
  prefixes, so 注意力机制 finds pages indexed as 注意力 + 机制: jieba must not join compounds.
- Code blocks (the examples and their output) are left out of the index: identifiers such as
  `torch` or `print` would match everywhere, and the index stays small enough to load with a page.
- static-i18n writes one index with both languages (its issues #271, #31, #33). This hook splits it:
  /search/search_index.json for Chinese, /en/search/search_index.json for English, and points
  English pages at theirs.
"""

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from site_source import language, prefix

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
CODE_BLOCK = re.compile(r'<div class="(language-[^"]*highlight[^"]*)"')


def on_page_content(html, page, config, files):
    """Leave code blocks out of the search index (material skips data-search-exclude elements)."""
    return CODE_BLOCK.sub(r'<div class="\1" data-search-exclude', html)


def on_post_page(output, page, config):
    """English pages load the English index: their search base is the /en/ root."""
    lang = language(config)
    if not prefix(lang):
        return output

    def rebase(match):
        app = json.loads(match[2])
        # With a trailing slash: material resolves "search/search_index.json" against it.
        app["base"] = f"{app['base'].rstrip('/') or '.'}/{lang}/"
        return match[1] + json.dumps(app, ensure_ascii=False) + match[3]

    return CONFIG.sub(rebase, output, 1)


@event_priority(-200)  # after static-i18n (-100) has written its merged index
def on_post_build(config):
    """Split whatever the root index holds by language (stateless: static-i18n rewrites the root
    index at the end of the default-language build, after the other languages are built)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    languages = config.plugins["i18n"].build_languages
    for lang in languages:
        mine = prefix(lang)
        others = tuple(prefix(code) for code in languages if prefix(code) and code != lang)
        if mine:
            docs = [dict(d, location=d["location"][len(mine):]) for d in index["docs"]
                    if d["location"].startswith(mine)]
        else:
            docs = [d for d in index["docs"] if not d["location"].startswith(others)]
        if not docs:
            continue
        target = Path(config.site_dir) / mine / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {"config": index["config"], "docs": docs}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

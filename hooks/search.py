"""Hook: search that works in each language and finds the answer, not the code.

- Chinese is segmented at build time by material's search plugin with jieba (default dictionary).
  Material's worker splits a Chinese query into words it finds in the index and searches them as
  prefixes, so 注意力机制 finds pages indexed as 注意力 + 机制: jieba must not join compounds.
- Code blocks (the examples and their output) are left out of the index: identifiers such as
  `torch` or `print` would match everywhere, and the index stays smaller.
- Each question's `keywords` (data/questions.yml) go into its entry's `tags` field, which material
  weighs far above title and text: what readers type (warmup, KV 缓存, FSDP) finds the question
  that is about it, not every question that mentions it. A Chinese keyword goes in as jieba's
  words, like the page text: the worker searches the pieces of a query as prefixes (数据并行
  becomes 数据* 并*), and the question that matches most pieces (数据, 并行) comes first.
- Material's worker splits a Chinese query into words of the index vocabulary, longest first, and
  drops what follows a character that starts no word (过拟合 became 过* alone). Each page's entry
  gets a `chars` field (weight 0.001, mkdocs.yml) with every Chinese character of the page, so
  that the segmentation can always go on (过拟合 becomes 过* 拟*, which finds 拟合).
- static-i18n writes one index with both languages (its issues #271, #31, #33). This hook splits it:
  /search/search_index.json for Chinese, /en/search/search_index.json for English, and points
  English pages at theirs.
Queries are fixed on their way to the worker, and the index is loaded only when the reader goes
to the search box: overrides/partials/early.js.
"""

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from site_source import language, prefix, source

from handbook.checks import question_meta

try:
    import jieba
except ImportError:  # material's search plugin then indexes Chinese unsegmented, and so do we
    jieba = None

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
CODE_BLOCK = re.compile(r'<div class="(language-[^"]*highlight[^"]*)"')
QUESTION = re.compile(r"#(q[1-9][0-9]*)$")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def _tags(keywords: list) -> list[str]:
    """The keywords, Chinese ones cut into words by jieba; each piece once, so that a word shared
    by two keywords does not count twice."""
    pieces = []
    for keyword in map(str, keywords):
        if jieba is not None and HAN_RUN.search(keyword):
            pieces += [word for word in jieba.cut(keyword) if word.strip()]
        else:
            pieces.append(keyword)
    return list(dict.fromkeys(pieces))


def on_page_content(html, page, config, files):
    """Leave code blocks out of the search index (material skips data-search-exclude elements)."""
    return CODE_BLOCK.sub(r'<div class="\1" data-search-exclude', html)


def on_post_page(output, page, config):
    """English pages load the English index: their search base is the /en/ root. The page is
    indexed by now: the bare data-search-exclude markers are dropped from the HTML."""
    output = output.replace(" data-search-exclude", "")
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
    meta = question_meta(source(config))
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
        for page_doc in (d for d in docs if "#" not in d["location"]):
            page_text = " ".join(d["title"] + d["text"] for d in docs
                                 if d["location"].split("#")[0] == page_doc["location"])
            page_doc["chars"] = " ".join(sorted(set("".join(HAN_RUN.findall(page_text)))))
        for doc in docs:
            question = QUESTION.search(doc["location"])
            keywords = (meta.get(question.group(1)) or {}).get("keywords") if question else None
            if keywords:
                doc["tags"] = _tags(keywords)
        target = Path(config.site_dir) / mine / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {"config": index["config"], "docs": docs}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

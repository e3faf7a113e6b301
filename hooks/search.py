"""Hook: search that works in each language.

- Chinese is segmented at build time by material's search plugin with jieba; the glossary's Chinese
  terms are added to jieba's dictionary so that 注意力机制 or 知识蒸馏 stay one word.
- static-i18n writes one index with both languages (its issues #271, #31, #33). After each language
  is built, this hook writes that language's entries to its own index: /search/search_index.json
  for Chinese, /en/search/search_index.json for English; English pages are pointed at theirs.
"""

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from site_source import language, prefix, source

try:
    import jieba
except ImportError:  # the search plugin then indexes Chinese unsegmented
    jieba = None

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_config(config):
    if jieba is not None:
        for entry in source(config).glossary.values():
            if isinstance(entry, dict) and entry.get("zh"):
                for word in re.split(r"[\s、，与和]+", entry["zh"]):
                    if re.search(r"[\u4e00-\u9fff]{2,}", word):
                        jieba.add_word(word)
    return config


def on_post_page(output, page, config):
    """English pages load the English index: their search base is the /en/ root."""
    lang = language(config)
    if not prefix(lang):
        return output

    def rebase(match):
        app = json.loads(match[2])
        app["base"] = f"{app['base'].rstrip('/') or '.'}/{lang}"
        return match[1] + json.dumps(app, ensure_ascii=False) + match[3]

    return CONFIG.sub(rebase, output, 1)


@event_priority(-200)  # after static-i18n (-100) has written its merged index
def on_post_build(config):
    lang = language(config)
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    others = tuple(f"{code}/" for code in config.plugins["i18n"].build_languages if prefix(code))
    mine = prefix(lang)
    if mine:
        docs = [dict(d, location=d["location"][len(mine):]) for d in index["docs"]
                if d["location"].startswith(mine)]
    else:
        docs = [d for d in index["docs"] if not d["location"].startswith(others)]
    target = Path(config.site_dir) / mine / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {"config": index["config"], "docs": docs}
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

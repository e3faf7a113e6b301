"""Shared by the hooks: the parsed sources and the language being built.

Not a hook itself (it is not listed under `hooks:` in mkdocs.yml). The sources are parsed once per
build with the same parser the validator uses (handbook/content.py).
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook.checks import HAN as HAN_RANGE  # noqa: E402
from handbook.content import DEFAULT_LANG, Source, load_source  # noqa: E402

_per_config: dict = {}


def source(config) -> Source:
    """The parsed sources, read once per configuration (mkdocs serve makes a new one for every
    rebuild; load_source itself reparses only files that changed since the check)."""
    if _per_config.get("id") != id(config):
        root = Path(config.config_file_path).resolve().parent
        _per_config.update(id=id(config), source=load_source(root, cached=True))
    return _per_config["source"]


def language(config) -> str:
    """The language being built (static-i18n builds each language in turn)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANG


def prefix(lang: str) -> str:
    """The URL prefix of a language: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


TAG = re.compile(r"<[^>]+>")
HAN = re.compile(f"[{HAN_RANGE}]")


def skippable(html: str, attributes: str) -> str:
    """A div that the browser may skip rendering while it is off screen (content-visibility in
    handbook.css). While skipped it takes the height given here: an upper bound of its real height
    on a phone (checked on every page at 320px wide: the real height is at most 90% of it), so that
    nothing overlaps when a tool such as axe measures skipped content."""
    text = TAG.sub("", html)
    han = len(HAN.findall(text))  # a Chinese character is about twice as wide as a Latin letter
    height = round(150 + 1.2 * (len(text) + 1.2 * han), -2)
    return f'<div {attributes} style="contain-intrinsic-size: auto {height:.0f}px">\n{html}</div>\n'


# Words the hooks add to pages, in each language.
UI = {
    "zh": {
        "basic": "基础", "intermediate": "进阶", "advanced": "高级",
        "related": "相关问题", "used_in": "出现于", "unused": "（暂无）",
        "short_link": "短链接", "copy": "复制链接", "copied": "已复制",
        "by_difficulty": "按难度", "by_tag": "按标签", "permalink": "本节的永久链接",
        "chinese": None, "study": "自测模式", "show": "显示答案", "hide": "隐藏答案",
    },
    "en": {
        "basic": "Basic", "intermediate": "Intermediate", "advanced": "Advanced",
        "related": "Related questions", "used_in": "Used in", "unused": "(none yet)",
        "short_link": "Short link", "copy": "Copy link", "copied": "Copied",
        "by_difficulty": "By difficulty", "by_tag": "By tag", "permalink": "Permanent link",
        "chinese": "Chinese", "study": "Study mode", "show": "Show answer", "hide": "Hide answer",
    },
}

"""Search in the browser: each language finds its own pages, and for what readers type the right
question is among the first three result links (target: at least 90% of the queries, per language).
The queries are in search_queries.yml; the hit rate of each language is printed (pytest -s)."""

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
TARGET = 0.90
PREFIX = {"zh": "", "en": "en/"}


def search(page, query: str) -> list[str]:
    """Type a query the way a reader does; return the result links in order."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # material reads the query on keyup
    page.wait_for_function(
        "() => !/键入|Type to start|初始化|Initializing/.test("
        "document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(150)
    return page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => a.href)")


@pytest.fixture
def search_page(page, base_url):
    def open_language(lang: str):
        page.goto(f"{base_url}{PREFIX[lang]}architectures/")
        page.locator("input.md-search__input").click()
        page.wait_for_function("() => !/初始化|Initializing/.test("
                               "document.querySelector('.md-search-result__meta').textContent)")
        return page

    return open_language


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_right_question_is_in_the_top_three(search_page, base_url, lang):
    page = search_page(lang)
    misses, first_hits = [], 0
    for query, expected in QUERIES[lang].items():
        links = search(page, str(query))
        top = [link.split("#")[-1] if "#" in link else link for link in links[:3]]
        if not set(top) & set(expected):
            misses.append(f"{query!r} -> {top} (expected one of {expected})")
        first_question = next((link.split("#")[-1] for link in links if "#q" in link), None)
        first_hits += first_question in expected
        for link in links:  # each language searches only its own pages
            path = link.split("/handbook/", 1)[1]
            assert path.startswith("en/") == (lang == "en"), (query, link)
    rate = 1 - len(misses) / len(QUERIES[lang])
    print(f"\nsearch {lang}: {rate:.0%} of {len(QUERIES[lang])} queries have the right question "
          f"in the top three links, {first_hits / len(QUERIES[lang]):.0%} as the first question"
          + "".join(f"\n  miss: {m}" for m in misses))
    assert rate >= TARGET, "\n".join(misses)


def test_results_lead_to_the_question_anchor(search_page):
    page = search_page("en")
    links = search(page, "knowledge distillation")
    question = next(link for link in links if link.endswith("#q19"))
    page.goto(question)
    assert page.locator("h2#q19").is_visible()

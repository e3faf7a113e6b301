"""The offline copy: site/downloads/llm-interview-handbook.zip, unzipped, works from file://."""

import zipfile

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_root(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / "llm-interview-handbook.zip") as archive:
        archive.extractall(folder)
    return (folder / "llm-interview-handbook").as_uri() + "/"


@pytest.mark.parametrize("lang, prefix, query", [("zh", "", "注意力"), ("en", "en/", "attention")])
def test_offline_copy_navigates_and_searches_without_network(page, offline_root, lang, prefix, query):
    page.goto(offline_root + prefix + "index.html")
    assert page.get_attribute("html", "lang") == lang
    page.locator("a[href$='architectures/index.html']").first.click()
    page.wait_for_selector("h2#q13")
    assert page.url.endswith(f"{prefix}architectures/index.html")
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item")
    link = page.locator(".md-search-result__link").first.get_attribute("href")
    assert link.startswith(offline_root + prefix) and "/index.html" in link
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == lang
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []
    assert page.errors == []

"""The site in a real browser: both languages render, the switcher keeps the place, short links
land on the answer, nothing is requested from another host, study mode, phones, accessibility."""

import re
from urllib.parse import urlsplit

import pytest

from handbook.checks import question_meta

pytestmark = pytest.mark.browser


def hosts(urls):
    return {urlsplit(u).netloc for u in urls if not u.startswith(("data:", "blob:", "about:"))}


def test_both_languages_render(page, base_url):
    for path, lang, heading in (("", "zh", "LLM 面试手册"), ("en/", "en", "LLM Interview Handbook")):
        page.goto(base_url + path)
        assert page.get_attribute("html", "lang") == lang
        assert page.locator(".md-content h1").first.inner_text().rstrip("#") == heading
    page.goto(base_url + "architectures/")
    assert page.locator("h2#q13").is_visible()
    math = page.locator("math").first
    assert math.bounding_box()["width"] > 10, "MathML is not rendered"
    assert page.errors == []


def test_switcher_keeps_page_and_anchor(page, base_url):
    page.goto(base_url + "architectures/#q9")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/architectures/#q9")
    assert page.get_attribute("html", "lang") == "en"
    assert page.evaluate("location.hash") == "#q9"
    assert page.locator("h2#q9").is_visible()
    # and back, after moving to another question
    page.goto(base_url + "en/architectures/#q13")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(re.compile(r".*/handbook/architectures/#q13$"))
    assert page.get_attribute("html", "lang") == "zh"


def test_short_links_land_on_the_answer(page, base_url, source):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for qid, question_page in sorted(source.question_pages(lang).items()):
            page.goto(f"{base_url}{prefix}q/{qid[1:]}/")
            page.wait_for_url(f"**/{prefix}{question_page.name}/#{qid}")
            assert page.get_attribute("html", "lang") == lang
            assert page.locator(f"h2#{qid}").count() == 1
            # answers above it are not rendered yet (content-visibility): it still lands in view
            box = page.locator(f"h2#{qid}").bounding_box()
            assert 0 <= box["y"] < page.viewport_size["height"] / 2, (qid, box)


def test_a_moved_question_link_follows_its_short_link(page, base_url, source):
    # /basics/#q13 is a stale link: Q13 lives on another page; the page sends the reader there.
    wrong = next(name for name in source.names("zh") if name != source.question_pages("zh")["q13"].name
                 and source.page(name, "zh").questions)
    page.goto(f"{base_url}{wrong}/#q13")
    page.wait_for_url(f"**/{source.question_pages('zh')['q13'].name}/#q13")


def test_nothing_is_requested_from_another_host(page, base_url):
    for path in ("", "architectures/", "glossary/", "questions/", "en/", "en/evaluation/",
                 "no-such-page/"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    page.goto(base_url + "en/training/")
    page.fill("input.md-search__input", "adam")
    page.wait_for_selector(".md-search-result__item")
    own = urlsplit(base_url).netloc
    assert hosts(page.requests) == {own}, sorted(hosts(page.requests))


def test_study_mode_folds_answers_and_is_remembered(page, base_url):
    page.goto(base_url + "basics/")
    answer = page.locator("#q1-answer")
    assert answer.is_visible()
    page.locator("button.study-toggle").click()
    assert not answer.is_visible()
    assert page.locator("h2#q1").is_visible()
    reveal = page.locator('button.q-reveal[aria-controls="q1-answer"]')
    reveal.click()
    assert answer.is_visible() and reveal.get_attribute("aria-expanded") == "true"
    assert not page.locator("#q3-answer").is_visible()
    page.goto(base_url + "en/architectures/")  # remembered across pages and visits
    assert page.locator("body.study-mode").count() == 1
    assert not page.locator("#q7-answer").is_visible()
    page.locator("button.study-toggle").click()
    assert page.locator("#q7-answer").is_visible()


def test_print_shows_every_answer(page, base_url):
    page.goto(base_url + "basics/")
    page.locator("button.study-toggle").click()
    page.emulate_media(media="print")
    assert page.locator("#q1-answer").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()


# Everything rendered, as it is once the reader has scrolled through: a part that is off screen is
# not laid out (content-visibility) and would hide its overflow.
RENDER_ALL = ".md-typeset *, .md-footer { content-visibility: visible !important; }"
# Whether an element is laid out, that is neither skipped by content-visibility nor hidden.
RENDERED = "e => e.checkVisibility({contentVisibilityAuto: true})"


def test_no_horizontal_scrolling_on_a_phone(browser, base_url, source):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    names = source.names("zh")
    for prefix in ("", "en/"):
        for name in names:
            page.goto(f"{base_url}{prefix}{'' if name == 'index' else name + '/'}")
            page.add_style_tag(content=RENDER_ALL)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{prefix}{name}: page is {width}px wide"
    context.close()


def test_off_screen_parts_wait_and_their_placeholders_are_large_enough(browser, base_url, source):
    """Long pages lay out only what is near the screen; while skipped, a part takes the height in
    its style, which must not be less than its real height even on a narrow phone (else skipped
    content overlaps what follows it when a tool such as axe measures it)."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "basics/")
    inside_last = page.locator(".q-answer").last.locator(":scope > p").first
    assert not inside_last.evaluate(RENDERED), "an answer far below the screen was laid out at load"
    inside_last.scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.q-answer')].pop()"
                           ".querySelector(':scope > p').checkVisibility({contentVisibilityAuto: true})")
    for prefix in ("", "en/"):
        for name in source.names("zh"):
            page.goto(f"{base_url}{prefix}{'' if name == 'index' else name + '/'}")
            page.add_style_tag(content=RENDER_ALL)
            parts = page.eval_on_selector_all(
                '.md-typeset [style*="contain-intrinsic-size"]',
                "els => els.map(e => [e.className + ' ' + e.id, e.getBoundingClientRect().height,"
                " parseFloat(e.style.containIntrinsicSize.split(' ').pop())])")
            for part, height, placeholder in parts:
                assert height <= placeholder, f"{prefix}{name}: {part}: {height:.0f}px > {placeholder}"
    context.close()


def test_an_explanation_waits_below_an_example_near_the_screen(browser, base_url):
    """Chinese answers are short on screen: on a phone the first example is laid out at load, the
    long explanation under it (formulas, references) is not, until the reader gets near it."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "basics/")
    first = page.locator(".q-answer").first
    example = first.locator("p", has=page.locator("strong", has_text="举例")).first
    explanation = first.locator("p", has=page.locator("strong", has_text="解析")).first
    assert example.evaluate(RENDERED)
    assert not explanation.evaluate(RENDERED), "the first explanation was laid out at load"
    explanation.scroll_into_view_if_needed()
    assert explanation.is_visible()
    context.close()


def test_closed_drawer_and_footer_wait_until_needed(browser, base_url):
    """On a phone the closed navigation drawer is skipped: its links appear when it opens and stay
    while it slides shut. The footer is laid out once it comes near the screen."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "basics/")
    link = page.locator(".md-sidebar--primary a.md-nav__link").first
    footer_link = page.locator(".md-footer a").first
    assert not link.evaluate(RENDERED) and not footer_link.evaluate(RENDERED)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary a.md-nav__link')"
                           ".getBoundingClientRect().left >= 0", timeout=2000)  # slid in
    assert link.is_visible()
    page.locator("label.md-overlay").click(position={"x": 360, "y": 400})
    assert link.evaluate(RENDERED), "the drawer emptied before it slid shut"
    page.wait_for_function("!document.getElementById('__drawer').checked")
    page.wait_for_function(f"s => !({RENDERED})(document.querySelector(s))",
                           arg=".md-sidebar--primary a.md-nav__link", timeout=2000)
    footer_link.scroll_into_view_if_needed()
    assert footer_link.is_visible()
    context.close()


# The top, relative to the screen, of the element under the middle of the screen.
PROBE = ("() => { window.probe = document.elementFromPoint(innerWidth / 2, innerHeight / 2);"
         " return probe.getBoundingClientRect().top; }")
PROBED = "() => probe.getBoundingClientRect().top"


def scroll_jumps(page, steps, by=-400):
    """Scrolls `steps` times by `by` pixels, and returns how far the content under the middle of
    the screen moved more (or less) than it was scrolled, each time it did by over 2 px."""
    jumps = []
    for _ in range(steps):
        before, y = page.evaluate(PROBE), page.evaluate("scrollY")
        page.evaluate(f"scrollBy(0, {by})")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        moved, scrolled = page.evaluate(PROBED) - before, y - page.evaluate("scrollY")
        if abs(moved - scrolled) > 2:
            jumps.append(round(moved - scrolled))
    return jumps


@pytest.mark.parametrize("path, first, then", [("optimization/", "q23", "q25"),
                                                ("en/glossary/", "weight-decay", "zero-fsdp")])
def test_scrolling_back_up_from_an_anchor_is_steady(browser, base_url, path, first, then):
    """A reader who jumps to an anchor passes answers that were never laid out (content-visibility):
    once the page is idle they are, the anchor stays where it landed, and scrolling back up to the
    top of the page never jumps. The same after a second jump, by a link within the page."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}{path}#{first}")
    for anchor in (first, then):
        if anchor == then:
            page.evaluate(f"location.hash = '#{then}'")
        landed = page.locator(f"#{anchor}").bounding_box()["y"]
        assert 0 <= landed < 200, landed
        page.wait_for_function(f"""() => [...document.querySelectorAll(
            '.q-answer, .q-more, .q-more > .highlight, .g-letter')]
            .filter(e => e.compareDocumentPosition(document.getElementById('{anchor}')) & 4)
            .every(e => ({RENDERED})(e.firstElementChild))""", timeout=5000)
        moved = page.locator(f"#{anchor}").bounding_box()["y"] - landed
        assert abs(moved) <= 2, f"the anchor moved {moved:.0f}px as what is above it was laid out"
    assert scroll_jumps(page, steps=page.evaluate("Math.ceil(scrollY / 400)")) == []
    context.close()


def test_a_malformed_anchor_is_harmless(page, base_url):
    page.goto(base_url + "basics/#%E0%A4%A")  # not a valid percent-encoding; goto waits for load
    assert page.errors == []


def test_start_up_changes_no_class(page, base_url):
    """overrides/main.html gives <html> the class material's bundle and its focus-visible polyfill
    end with, so that their changes change nothing (a class change restyles the whole page)."""
    page.add_init_script("""
        window.classes = [];
        new MutationObserver(records => records.forEach(r => r.target === document.documentElement
            && window.classes.push([r.oldValue, r.target.className]))
        ).observe(document, {subtree: true, attributes: true, attributeFilter: ["class"],
                             attributeOldValue: true});""")
    page.goto(base_url + "architectures/")  # waits for the load event: the bundle has run
    final = page.evaluate("document.documentElement.className")
    assert final.split() == ["js", "js-focus-visible"]
    changes = page.evaluate("window.classes")
    assert changes[0][0] == "no-js", changes  # the template's class, changed by our early script
    assert len(changes) > 1, "material's bundle no longer sets the class: drop the early class"
    assert all(old == final for old, _ in changes[1:]), changes


def test_palette_toggle_switches_the_theme(browser, base_url):
    """The palette toggle cycles light -> dark; transitions are on again once the page has
    started (overrides/main.html turns them off early, material's bundle turns them back on)."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(base_url + "basics/")
    body = page.locator("body")
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')", timeout=5000)
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:not([hidden])").click()  # auto -> light
    page.locator("form[data-md-component=palette] label:not([hidden])").click()  # light -> dark
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')", timeout=5000)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "architectures/", "glossary/", "en/", "en/architectures/",
                                  "en/glossary/"])
def test_no_serious_accessibility_violations(browser, base_url, path, scheme):
    """axe-core on the home page, a topic page and the glossary, both languages, both themes."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    results = Axe().run(page)
    context.close()
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                           for v in serious]


def test_copy_link_copies_the_short_link(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "en/architectures/")
    page.locator("h2#q9 ~ p.q-meta a.q-short").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "en/q/9/"
    context.close()


def test_question_index_lists_every_question(page, base_url, source):
    page.goto(base_url + "questions/")
    meta = question_meta(source)
    for difficulty in ("basic", "intermediate", "advanced"):
        listed = page.locator(f"h3#difficulty-{difficulty} + ul a").evaluate_all(
            "links => links.map(a => a.hash.slice(1))")
        assert sorted(listed) == sorted(q for q, m in meta.items() if m["difficulty"] == difficulty)

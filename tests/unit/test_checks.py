"""Every rule of the validator, each with an input that breaks it (see handbook/checks.py)."""

import pytest


def test_the_valid_tree_is_clean(site):
    assert site.problems() == []


class Hits(list):
    def startswith(self, prefix: str) -> bool:
        """True when one of the problems mentioning the fragment starts with prefix (path:line:)."""
        return any(hit.startswith(prefix) for hit in self)


def only(problems: list[str], fragment: str) -> Hits:
    hits = Hits(p for p in problems if fragment in p)
    assert hits, f"no problem mentions {fragment!r}; got: {problems}"
    return hits


# --- files ---------------------------------------------------------------------------------------

def test_invalid_utf8_names_file_and_line(site):
    site.path("docs/topic.md").write_bytes(
        site.read("docs/topic.md").encode() .replace("要点一".encode(), b"\xff\xfe bad", 1))
    line = next(n for n, t in enumerate(site.read("docs/topic.en.md").split("\n"), 1) if "Point one" in t)
    assert only(site.problems(), "not valid UTF-8").startswith(f"docs/topic.md:{line}:")


def test_empty_file(site):
    site.write("docs/topic.en.md", "  \n")
    assert "docs/topic.en.md:1: file is empty" in site.problems()


def test_huge_file(site):
    site.write("docs/topic.md", site.read("docs/topic.md") + "长" * 200_000)
    assert only(site.problems(), "the limit is").startswith("docs/topic.md:1:")


def test_byte_order_mark(site):
    site.path("docs/index.md").write_bytes(b"\xef\xbb\xbf" + site.path("docs/index.md").read_bytes())
    assert only(site.problems(), "byte-order mark").startswith("docs/index.md:1:")


def test_nul_byte(site):
    site.write("examples/q01_demo.py", site.read("examples/q01_demo.py") + "\x00\n")
    assert only(site.problems(), "NUL byte").startswith("examples/q01_demo.py:")


def test_invalid_yaml_names_line(site):
    site.write("data/glossary.yml", "attention:\n  zh: [unclosed\n")
    assert only(site.problems(), "invalid YAML").startswith("data/glossary.yml:")


def test_duplicate_yaml_key(site):
    site.write("data/glossary.yml", site.read("data/glossary.yml") * 2)
    assert only(site.problems(), "duplicate key 'attention'").startswith("data/glossary.yml:6:")


def test_unknown_language_suffix(site):
    site.write("docs/topic.fr.md", "# Sujet\n")
    assert only(site.problems(), "unknown language suffix").startswith("docs/topic.fr.md:1:")


# --- front matter --------------------------------------------------------------------------------

def test_missing_description(site):
    site.replace("docs/index.en.md", "description: Home.", "title: Home")
    assert only(site.problems(), "no `description:`").startswith("docs/index.en.md:1:")


def test_unclosed_front_matter(site):
    site.replace("docs/index.md", "---\n\n# 首页", "\n# 首页")
    assert only(site.problems(), "never closed").startswith("docs/index.md:1:")


# --- code fences ---------------------------------------------------------------------------------

def test_unclosed_fence(site):
    text = site.read("docs/topic.md")
    site.write("docs/topic.md", text + "\n```python\nprint(1)\n")
    line = len(text.split("\n")) + 1
    assert f"docs/topic.md:{line}: code fence is never closed" in site.problems()


def test_fence_without_language(site):
    site.write("docs/index.md", site.read("docs/index.md") + "\n```\nx\n```\n")
    assert only(site.problems(), "no language tag").startswith("docs/index.md:9:")


def test_python_fence_that_does_not_parse(site):
    site.write("docs/index.md", site.read("docs/index.md") + "\n```python\nx = (1,\n```\n")
    site.write("docs/index.en.md", site.read("docs/index.en.md") + "\n```python\nx = (1,\n```\n")
    assert only(site.problems(), "does not parse").startswith("docs/index.")


def test_example_that_does_not_parse(site):
    site.write("examples/q02_demo.py", site.read("examples/q02_demo.py") + "\ndef broken(:\n")
    assert only(site.problems(), "does not parse").startswith("examples/q02_demo.py:12:")


def test_include_outside_examples(site):
    site.replace("docs/topic.md", '--8<-- "examples/q01_demo.out"', '--8<-- ".git/config"')
    assert only(site.problems(), "only files directly in examples/").startswith("docs/topic.md:")


def test_include_of_missing_file(site):
    site.replace("docs/topic.md", '--8<-- "examples/q01_demo.out"', '--8<-- "examples/gone.out"')
    assert only(site.problems(), "examples/gone.out does not exist").startswith("docs/topic.md:")


# --- links and anchors ---------------------------------------------------------------------------

def test_broken_page_link(site):
    site.replace("docs/index.md", "topic.md#q2", "nowhere.md")
    assert "docs/index.md:7: broken link 'nowhere.md': page nowhere.md does not exist in " \
           "language 'zh'" in site.problems()


def test_broken_anchor(site):
    site.replace("docs/index.en.md", "topic.md#q2", "topic.md#q9")
    assert "docs/index.en.md:7: broken anchor 'topic.md#q9': topic.md has no #q9" in site.problems()


def test_broken_same_page_anchor(site):
    site.replace("docs/topic.md", "见 [Q1](topic.md#q1)", "见 [下文](#nope)")
    assert only(site.problems(), "broken anchor '#nope'").startswith("docs/topic.md:")


def test_link_to_language_file(site):
    site.replace("docs/index.en.md", "topic.md#q2", "topic.en.md#q2")
    assert only(site.problems(), "names a language file").startswith("docs/index.en.md:7:")


def test_absolute_and_escaping_links(site):
    site.replace("docs/index.md", "topic.md#q2", "/topic/")
    site.replace("docs/index.en.md", "topic.md#q2", "../README.md")
    problems = site.problems()
    assert only(problems, "absolute link").startswith("docs/index.md:7:")
    assert only(problems, "leaves docs/").startswith("docs/index.en.md:7:")


def test_unknown_glossary_term(site):
    site.replace("docs/topic.md", "glossary.md#attention", "glossary.md#atention")
    assert only(site.problems(), "unknown glossary term 'atention'").startswith("docs/topic.md:")


def test_remote_image(site):
    site.write("docs/index.en.md", site.read("docs/index.en.md") + "\n![x](https://example.com/a.png)\n")
    assert only(site.problems(), "remote image").startswith("docs/index.en.md:9:")


# --- translation parity --------------------------------------------------------------------------

def test_missing_translation(site):
    site.path("docs/glossary.en.md").unlink()
    assert "docs/glossary.md:1: no English translation: docs/glossary.en.md is missing " \
           "(every page exists in both languages)" in site.problems()


def test_missing_chinese_page(site):
    site.write("docs/extra.en.md", "---\ndescription: x\n---\n\n# Extra\n")
    assert only(site.problems(), "no Chinese translation").startswith("docs/extra.en.md:1:")


def test_questions_in_other_order(site):
    text = site.read("docs/topic.en.md")
    site.write("docs/topic.en.md", text.replace("{#q2}", "{#qX}").replace("{#q3}", "{#q2}")
               .replace("{#qX}", "{#q3}").replace("Q2 What", "QX What").replace("Q3 What", "Q2 What")
               .replace("QX What", "Q3 What"))
    assert only(site.problems(), "questions differ from docs/topic.md").startswith("docs/topic.en.md:")


def test_code_differs(site):
    site.replace("docs/topic.en.md", '--8<-- "examples/q02_demo.out"', '--8<-- "examples/q03_demo.out"')
    assert only(site.problems(), "code differs from docs/topic.md").startswith("docs/topic.en.md:")


def test_glossary_terms_differ(site):
    site.replace("docs/topic.en.md", "[attention](glossary.md#attention)", "attention")
    assert only(site.problems(), "links other glossary terms").startswith("docs/topic.en.md:")


def test_formulas_differ(site):
    site.replace("docs/topic.en.md", "$a_2 = b$", "$a_2 = c$")
    assert only(site.problems(), "q2: formulas differ").startswith("docs/topic.en.md:")


# --- questions -----------------------------------------------------------------------------------

def test_duplicate_question_id(site):
    site.write("docs/index.md", site.read("docs/index.md") + "\n## Q2 重复的题 {#q2}\n")
    assert only(site.problems(), "duplicate question id q2").startswith("docs/topic.md:")


def test_id_not_matching_number(site):
    site.replace("docs/topic.md", "{#q3}", "{#q4}")
    assert only(site.problems(), "#q4 does not match the number Q3").startswith("docs/topic.md:")


def test_question_without_id(site):
    site.replace("docs/topic.en.md", "What is question 3? {#q3}", "What is question 3?")
    assert only(site.problems(), "needs the explicit id {#q3}").startswith("docs/topic.en.md:")


def test_malformed_question_heading(site):
    site.replace("docs/topic.md", "## Q3 什么", "## Q3:什么")
    assert only(site.problems(), "question heading must read").startswith("docs/topic.md:")


def test_bad_id_form(site):
    site.replace("docs/topic.md", "{#q3}", "{#Q3}")
    assert only(site.problems(), "does not match the number").startswith("docs/topic.md:")


def test_missing_part(site):
    site.replace("docs/topic.en.md", "**Follow-ups**:", "**Follow ups**:")
    problem = only(site.problems(), "missing Follow-ups")
    assert problem.startswith("docs/topic.en.md:")


def test_wrong_colon(site):
    site.replace("docs/topic.md", "**答案**：", "**答案**:")
    assert only(site.problems(), "write **答案**：").startswith("docs/topic.md:")


def test_questions_out_of_order(site):
    text = site.read("docs/topic.md")
    q1_start = text.index("\n## Q1")
    q2_start = text.index("\n## Q2")
    site.write("docs/topic.md", text[:q1_start] + text[q2_start:] + text[q1_start:q2_start])
    assert only(site.problems(), "Q1 comes after Q3").startswith("docs/topic.md:")


def test_question_without_example(site):
    site.replace("docs/topic.md", '--8<-- "examples/q03_demo.py"', "print(3)")
    assert only(site.problems(), "q3 includes 0 example programs").startswith("docs/topic.md:")


# --- metadata ------------------------------------------------------------------------------------

def test_question_without_metadata(site):
    site.replace("data/questions.yml", "q3: {page: topic, difficulty: advanced, tags: [basics], "
                 "related: [q1, q2]}\n", "")
    problems = site.problems()
    assert only(problems, "q3 has no entry in data/questions.yml").startswith("docs/topic.md:")


def test_metadata_errors(site):
    site.write("data/questions.yml", site.read("data/questions.yml").replace(
        "difficulty: advanced", "difficulty: hard").replace("related: [q1, q3]", "related: [q9]")
        .replace("q1: {page: topic", "q1: {page: other") + "q7: {page: topic}\n")
    problems = site.problems()
    assert only(problems, "q3: difficulty must be").startswith("data/questions.yml:5:")
    assert only(problems, "q2: list two to four").startswith("data/questions.yml:4:")
    assert only(problems, "q1 is on page 'topic', not 'other'").startswith("data/questions.yml:3:")
    assert only(problems, "q7 has metadata but no page").startswith("data/questions.yml:6:")


def test_keywords_must_be_a_list_of_words(site):
    site.replace("data/questions.yml", "related: [q2, q3]}", "related: [q2, q3], keywords: attention}")
    assert only(site.problems(), "q1: keywords must be a list").startswith("data/questions.yml:3:")


def test_unknown_tag_and_related(site):
    site.replace("data/questions.yml", "tags: [basics], related: [q2, q3]",
                 "tags: [nope], related: [q2, q8]")
    problems = site.problems()
    assert only(problems, "unknown tag 'nope'").startswith("data/questions.yml:3:")
    assert only(problems, "related question 'q8' does not exist").startswith("data/questions.yml:3:")


# --- glossary ------------------------------------------------------------------------------------

def test_term_missing_in_one_language(site):
    site.replace("data/glossary.yml", "  en_def: A weighted sum by relevance.\n", "")
    assert "data/glossary.yml:1: term 'attention' has no English definition (en_def)" \
           in site.problems()


def test_term_no_question_uses(site):
    site.write("data/glossary.yml", site.read("data/glossary.yml") +
               "dropout:\n  zh: 丢弃\n  en: dropout\n  zh_def: 随机置零。\n  en_def: Zeroes units.\n")
    problems = site.problems()
    assert "data/glossary.yml:6: term 'dropout' is used by no Chinese question (link it where it " \
           "is used, or remove it)" in problems
    assert only(problems, "used by no English question").startswith("data/glossary.yml:6:")


def test_bad_term_id(site):
    site.replace("data/glossary.yml", "attention:", "Attention_Mech:")
    assert only(site.problems(), "term id 'Attention_Mech'").startswith("data/glossary.yml:1:")


# --- published pages and ids ---------------------------------------------------------------------

def test_removed_question_without_redirect(site):
    text = site.read("docs/topic.md")
    site.write("docs/topic.md", text[: text.index("\n## Q3")])
    text = site.read("docs/topic.en.md")
    site.write("docs/topic.en.md", text[: text.index("\n## Q3")])
    site.replace("data/questions.yml", "q3: {page: topic, difficulty: advanced, tags: [basics], "
                 "related: [q1, q2]}\n", "")
    site.replace("data/questions.yml", "related: [q2, q3]", "related: [q2, q2]")
    site.replace("data/questions.yml", "related: [q1, q3]", "related: [q1, q1]")
    site.write("examples/q03_demo.py", site.read("examples/q03_demo.py"))
    problems = site.problems()
    assert only(problems, "published question q3 no longer exists").startswith("data/published.yml:2:")
    site.replace("data/published.yml", "redirects: {}", "redirects: {q3: q1}")
    assert not [p for p in site.problems() if "published" in p]


def test_removed_page_without_redirect(site):
    site.replace("data/published.yml", "pages: [index, topic, glossary]",
                 "pages: [index, topic, glossary, old]")
    assert only(site.problems(), "published page 'old' no longer exists").startswith(
        "data/published.yml:1:")
    site.replace("data/published.yml", "redirects: {}", "redirects: {old: topic}")
    assert not [p for p in site.problems() if "published" in p]


def test_unregistered_question(site):
    site.replace("data/published.yml", "questions: [q1, q2, q3]", "questions: [q1, q2]")
    assert only(site.problems(), "q3 is not in data/published.yml").startswith("docs/topic.md:")


def test_redirect_to_nowhere(site):
    site.replace("data/published.yml", "redirects: {}", "redirects: {gone: missing}")
    assert only(site.problems(), "the target does not exist").startswith("data/published.yml:3:")


# --- unsafe content ------------------------------------------------------------------------------

@pytest.mark.parametrize("html, fragment", [
    ("<script>alert(1)</script>", "raw <script>"),
    ('<iframe src="https://evil.example"></iframe>', "raw <iframe>"),
    ('<object data="x.swf"></object>', "raw <object>"),
    ('<embed src="x.swf">', "raw <embed>"),
    ('<img src="x.png" onerror="alert(1)">', "event attribute"),
    ('<a href="javascript:alert(1)">x</a>', "javascript: URLs"),
    ("[click](javascript:alert(1))", "javascript: URLs"),
    ('<style>body{display:none}</style>', "raw <style>"),
])
def test_unsafe_content(site, html, fragment):
    site.write("docs/index.en.md", site.read("docs/index.en.md") + f"\n{html}\n")
    assert only(site.problems(), fragment).startswith("docs/index.en.md:9:")


def test_code_may_show_unsafe_html(site):
    block = '\n```html\n<script>alert(1)</script>\n```\n\nUse `<script>` with care.\n'
    site.write("docs/index.en.md", site.read("docs/index.en.md") + block)
    site.write("docs/index.md", site.read("docs/index.md") + block.replace("Use", "小心使用")
               .replace(" with care.", "。"))
    assert site.problems() == []


# --- typography ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, fragment", [
    ("使用PyTorch实现。", "add a space between Chinese and Latin"),
    ("第2层。", "add a space between Chinese and Latin"),
    ("模型,然后训练。", "full-width punctuation"),
    ("注意力(attention)很重要。", "full-width punctuation"),
    ("这是Ｇ模型。", "full-width 'Ｇ'"),
    ("Trаnsformer 很强。", "look-alike letters"),  # Cyrillic а
    ("看不见\u200b的字符。", "invisible character U+200B"),
    ("优化器 روع 参数。", "right-to-left character"),
])
def test_chinese_typography(site, text, fragment):
    site.write("docs/index.md", site.read("docs/index.md") + f"\n{text}\n")
    assert only(site.problems(), fragment).startswith("docs/index.md:9:")


def test_chinese_on_english_page(site):
    site.write("docs/index.en.md", site.read("docs/index.en.md") + "\nThis is 注意力.\n")
    assert only(site.problems(), "Chinese text '注意力' on an English page").startswith(
        "docs/index.en.md:9:")


def test_typography_ignores_code_math_and_links(site):
    site.write("docs/index.md", site.read("docs/index.md") +
               "\n调用 `torch.nn` 与 $x_1$ 以及[注意力](topic.md#q1)。\n")
    assert site.problems() == []


# --- math ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("tex, fragment", [
    ("x^", "formula does not convert"),
    ("\\frac{a", "unbalanced braces"),
    ("\\softmax(x)", "uses \\softmax, which latex2mathml does not know"),
])
def test_formula_that_does_not_convert(site, tex, fragment):
    site.replace("docs/topic.md", "$a_2 = b$", f"${tex}$")
    site.replace("docs/topic.en.md", "$a_2 = b$", f"${tex}$")
    assert only(site.problems(), fragment).startswith("docs/topic.md:")


def test_formula_with_alignment(site):
    block = "\n$$\na &= b \\\\\nc &= d\n$$\n"
    site.write("docs/index.md", site.read("docs/index.md") + block)
    site.write("docs/index.en.md", site.read("docs/index.en.md") + block)
    assert only(site.problems(), "one equation per $$ block").startswith("docs/index.md:9:")


# --- examples ------------------------------------------------------------------------------------

def test_example_without_test_or_output(site):
    site.path("tests/examples/test_q02_demo.py").unlink()
    site.path("examples/q02_demo.out").unlink()
    problems = site.problems()
    assert only(problems, "no test: tests/examples/test_q02_demo.py").startswith("examples/q02_demo.py:1:")
    assert only(problems, "examples/q02_demo.out is missing").startswith("examples/q02_demo.py:1:")


def test_example_not_included(site):
    site.write("examples/q09_orphan.py", site.read("examples/q01_demo.py"))
    site.write("examples/q09_orphan.out", "1\n")
    site.write("tests/examples/test_q09_orphan.py", "def test(): pass\n")
    assert only(site.problems(), "included by 0 Chinese questions").startswith("examples/q09_orphan.py:1:")


def test_example_shape(site):
    site.write("examples/q01_demo.py", "# 中文注释\nprint(1)\n")
    problems = site.problems()
    assert only(problems, "defines main()").startswith("examples/q01_demo.py:1:")
    assert only(problems, "if __name__").startswith("examples/q01_demo.py:1:")
    assert only(problems, "comments in examples are in English").startswith("examples/q01_demo.py:1:")


# --- unfinished work -----------------------------------------------------------------------------

def test_todo_is_unfinished(site):
    site.replace("docs/topic.en.md", "Because.", "TODO explain.")
    assert only(site.problems(), "unfinished: - **Why?** TODO explain.").startswith("docs/topic.en.md:")

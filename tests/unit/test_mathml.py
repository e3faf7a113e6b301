"""TeX to MathML at build time: the output is smaller than latex2mathml's but means the same."""

from xml.etree import ElementTree

from handbook.mathml import tex_to_mathml


def test_fraction_keeps_its_two_parts_and_loses_the_wrappers():
    mathml, problem = tex_to_mathml(r"\frac{a}{b}")
    assert problem is None
    root = ElementTree.fromstring(mathml)
    fraction = root.find(".//mfrac")
    assert [child.tag for child in fraction] == ["mi", "mi"]
    assert "xmlns" not in mathml and "&#x" not in mathml


def test_a_group_of_several_elements_keeps_its_mrow():
    mathml, _ = tex_to_mathml(r"x_{<t}")
    subscript = ElementTree.fromstring(mathml).find(".//msub")
    assert [child.tag for child in subscript] == ["mi", "mrow"]
    assert "&lt;" in mathml  # still escaped for HTML


def test_display_formulas_are_blocks():
    assert tex_to_mathml(r"e^{x}", display=True)[0].startswith('<math display="block">')

"""TeX to MathML at build time: the output is smaller than latex2mathml's but means the same, and
conversions are kept on disk between runs."""

import json
import os
import subprocess
import sys
from xml.etree import ElementTree

from handbook.mathml import tex_to_mathml
from tests.conftest import ROOT


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


def convert_in_a_new_process(cache_dir, *formulas):
    """tex_to_mathml in a fresh interpreter with its disk cache in cache_dir: the results, and
    whether latex2mathml had to be imported."""
    script = ("import json, sys\n"
              "from handbook.mathml import tex_to_mathml\n"
              f"out = [tex_to_mathml(t) for t in {list(formulas)!r}]\n"
              "print(json.dumps([out, 'latex2mathml.converter' in sys.modules]))")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "HANDBOOK_CACHE": str(cache_dir)}, check=True)
    results, imported = json.loads(run.stdout)
    return [tuple(r) for r in results], imported


def test_conversions_are_cached_on_disk_between_runs(tmp_path):
    formulas = (r"\frac{a}{b}", r"\sqrt{d_k}", r"\foo{x}")  # the last one is a problem, kept too
    first, imported = convert_in_a_new_process(tmp_path, *formulas)
    assert imported and first[0][1] is None and "\\foo" in first[2][1]
    again, imported = convert_in_a_new_process(tmp_path, *formulas)
    assert not imported, "a cached formula was converted again"
    assert again == first


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path):
    first, _ = convert_in_a_new_process(tmp_path, r"e^{x}")
    [cache] = tmp_path.glob("mathml-*.json")
    cache.write_text('{"$e^{x}": ["<math>wrong', encoding="utf-8")
    again, imported = convert_in_a_new_process(tmp_path, r"e^{x}")
    assert imported and again == first
    assert json.loads(cache.read_text(encoding="utf-8"))["$e^{x}"] == list(first[0])

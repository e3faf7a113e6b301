"""Run an example program the way a reader does and hand its results to the test.

`run_example("q13_self_attention")` imports `examples/q13_self_attention.py`, calls `main()` with
stdout captured, checks that what it printed matches the committed `.out` file shown on the page
(numbers within a small tolerance), and returns the dict `main()` returned.
"""

import contextlib
import importlib.util
import io
import math
import re
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def same_output(expected: str, actual: str, rel=1e-2, abs_=1e-3) -> str | None:
    """Return None when the outputs match, else a description of the first difference."""
    exp_lines, act_lines = expected.rstrip("\n").split("\n"), actual.rstrip("\n").split("\n")
    if len(exp_lines) != len(act_lines):
        return f"{len(act_lines)} lines printed, {len(exp_lines)} in the .out file"
    for n, (e, a) in enumerate(zip(exp_lines, act_lines), 1):
        if NUMBER.sub("#", e) != NUMBER.sub("#", a):
            return f"line {n}: printed {a!r}, .out file has {e!r}"
        for x, y in zip(NUMBER.findall(e), NUMBER.findall(a)):
            if not math.isclose(float(x), float(y), rel_tol=rel, abs_tol=abs_):
                return f"line {n}: printed {a!r}, .out file has {e!r}"
    return None


def load(name: str):
    path = EXAMPLES / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"example_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def run_example():
    def run(name: str) -> dict:
        module = load(name)
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            result = module.main()
        shown = (EXAMPLES / f"{name}.out").read_text(encoding="utf-8")
        problem = same_output(shown, buffer.getvalue())
        assert problem is None, (
            f"examples/{name}.out is stale ({problem}); "
            f"regenerate it with: python scripts/build.py outputs"
        )
        assert isinstance(result, dict), f"examples/{name}.py: main() must return a dict"
        return result

    return run

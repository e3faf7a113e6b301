"""scripts/bench.py: the CPU slowdown it calibrates Lighthouse with follows Lighthouse's calculator
(BenchmarkIndex 1533 -> 4x, 1300 -> 3x, 800 -> 2x, 150 -> 1x, linear in between)."""

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402


@pytest.mark.parametrize("index, slowdown", [(2000, 6.0), (1533, 4.0), (1300, 3.0), (1050, 2.5),
                                             (800, 2.0), (475, 1.5), (150, 1.0), (50, 1.0)])
def test_calibrated_slowdown(index, slowdown):
    assert bench.calibrated_multiplier(index) == pytest.approx(slowdown, abs=0.01)

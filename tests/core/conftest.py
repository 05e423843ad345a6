"""Make ``goodloop`` importable when the package is not installed (tests run from a checkout)."""

import sys
from pathlib import Path

_SRC = Path(__file__).resolve().parents[2] / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))


import pytest  # noqa: E402


@pytest.fixture
def report(capsys):
    """Print a line in the test output even when output is captured (measurements)."""

    def _print(line):
        with capsys.disabled():
            print("\n" + line)

    return _print

"""The `goodloop` command as the benchmarks run it.

The console script pip installed beside this interpreter, not whatever `goodloop` comes
first on PATH: a version manager's shim there (pyenv's bash shim adds ~80 ms to every
run) is not part of goodloop.
"""

import sys
from pathlib import Path


def goodloop(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "goodloop"
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "goodloop.cli.main", *args]

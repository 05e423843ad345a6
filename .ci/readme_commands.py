"""The README Quickstart's two commands, as .ci/run runs them (and tests/test_readme.py checks).

    python3 .ci/readme_commands.py install   the first command (install, demo, serve)
    python3 .ci/readme_commands.py setup     the test command up to pytest (venv, install)
    python3 .ci/readme_commands.py run       the test command's pytest part
"""

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
PYTEST = "python3 -m pytest"


def quickstart(text: str | None = None) -> list[str]:
    """The one-line shell commands of the Quickstart section, in order."""
    text = README.read_text(encoding="utf-8") if text is None else text
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def split_test_command(command: str) -> tuple[str, str]:
    """(set-up, run): the test command cut before its pytest, which .ci/run runs once per database."""
    setup, sep, rest = command.rpartition(f" && {PYTEST}")
    if not sep:
        raise SystemExit(f"README: the test command does not end with `{PYTEST} ...`: {command}")
    return setup, PYTEST + rest


def main(part: str) -> str:
    commands = quickstart()
    if len(commands) != 2:
        raise SystemExit(f"README: the Quickstart has {len(commands)} commands, not two")
    setup, run = split_test_command(commands[1])
    return {"install": commands[0], "setup": setup, "run": run}[part]


if __name__ == "__main__":
    print(main(sys.argv[1]))

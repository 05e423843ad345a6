"""The README is checked by tests (as datasette checks its docs): its Quickstart's two commands are
what .ci/run runs, and every command of its CLI tour works on the demo network (issue 15 item 8)."""

import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

sys.path.insert(0, str(ROOT / ".ci"))
import readme_commands  # noqa: E402 — the one parser .ci/run uses

sys.path.pop(0)


def test_quickstart_is_two_commands_each_with_its_venv():
    install, tests = readme_commands.quickstart()  # exactly two
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    assert install == venv + "pip install -e . && goodloop demo && goodloop serve"
    assert tests == venv + "pip install uv && uv pip install --compile-bytecode -e '.[test]' && python3 -m pytest -n auto"
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    assert any(x.startswith("pytest-xdist") for x in extras)  # -n auto needs it


def test_ci_runs_the_readmes_test_command_on_both_databases():
    setup, run = readme_commands.split_test_command(readme_commands.quickstart()[1])
    assert (setup, run) == (readme_commands.main("setup"), readme_commands.main("run"))
    assert setup + " && " + run == readme_commands.quickstart()[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'TEST_SETUP="$(python3 .ci/readme_commands.py setup)"' in ci
    assert 'TEST_RUN="$(python3 .ci/readme_commands.py run)"' in ci
    assert 'eval "$TEST_SETUP"' in ci
    runs = [line.strip() for line in ci.splitlines() if "$TEST_RUN" in line and not line.lstrip().startswith(("#", "echo", "TEST_RUN="))]
    assert runs == ['$TEST_RUN | tee "$LOGS/sqlite.log" || sqlite_status=$?',
                    'GOODLOOP_TEST_DATABASE_URL="$PGURL" GOODLOOP_TEST_ENGINE_PASS=1 $TEST_RUN --create-db '
                    '| tee "$LOGS/postgresql.log" || pg_status=$?']
    # both passes are waited for, and either failing fails CI
    assert '[ "$sqlite_status" -eq 0 ] || exit "$sqlite_status"' in ci and '[ "$pg_status" -eq 0 ] || exit "$pg_status"' in ci
    assert 'export CI="${CI:-true}"' in ci  # a skipped browser or PostgreSQL test fails the run (tests/conftest.py)


def tour() -> list[list[str]]:
    """The tour's commands, one list of arguments each (`;` separates commands, `#` starts a comment)."""
    block = re.search(r"## A short CLI tour\n\n```sh\n(.*?)```", README, flags=re.S).group(1)
    commands = []
    for line in block.splitlines():
        current = []
        for token in [*shlex.split(line, comments=True), ";"]:
            if token == ";":
                commands += [current] if current else []
                current = []
            else:
                current.append(token)
    return commands


CONNECTIONS = """First Name,Last Name,URL,Email Address,Company,Position,Connected On
Rosa,Lindqvist,https://www.linkedin.com/in/rosa-lindqvist-tour/,rosa@bellwether.example,Bellwether Maps,Cartographer,03 Feb 2025
"""
CONTACTS = """BEGIN:VCARD
VERSION:3.0
N:Okoro;Bram;;;
FN:Bram Okoro
EMAIL;type=INTERNET:bram@saltmarsh.example
ORG:Saltmarsh Ferries
END:VCARD
"""


def test_every_command_of_the_cli_tour_works_on_the_demo(tmp_path):
    commands = tour()
    assert len(commands) > 30 and all(c[0] == "goodloop" for c in commands)
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    (work / "Connections.csv").write_text(CONNECTIONS)  # the user's own files, in their words
    (work / "contacts.vcf").write_text(CONTACTS)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GOODLOOP_HOME": str(home)}
    env.pop("GOODLOOP_DATABASE_URL", None)

    def goodloop(args):
        # a --home the tour names (a second store) becomes a directory of this test's own
        args = [str(tmp_path / Path(a).name) if prev == "--home" else a for prev, a in zip(["", *args[:-1]], args, strict=True)]
        return subprocess.run([sys.executable, "-m", "goodloop.cli.main", *args], cwd=work, env=env,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)

    loaded = goodloop(["demo"])
    assert loaded.returncode == 0, loaded.stderr
    failed = []
    for command in commands:
        done = goodloop(command[1:])
        if done.returncode != 0:
            failed.append(f"{shlex.join(command)}: {done.stderr.strip()}")
    assert failed == []
    assert (work / "brief.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "goodloop-copy").is_dir()

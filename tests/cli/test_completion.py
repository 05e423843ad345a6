"""Shell completion (issue 16, item 8): `goodloop --show-completion SHELL` prints the script a shell
sources, and the completions it asks for name goodloop's commands, options and choices."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOODLOOP = [sys.executable, "-c", "from goodloop.cli.main import entry; entry()"]


def _run(tmp_path, *args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "GOODLOOP_DATABASE_URL")}
    return subprocess.run([*GOODLOOP, *args], env={**clean, "GOODLOOP_HOME": str(tmp_path), **env},
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_show_completion_prints_a_script_for_each_shell(tmp_path):
    bash = _run(tmp_path, "--show-completion", "bash")
    assert bash.returncode == 0, bash.stderr
    assert "_GOODLOOP_COMPLETE=complete_bash" in bash.stdout
    assert "complete -o default -F _goodloop_completion goodloop" in bash.stdout
    zsh = _run(tmp_path, "--show-completion", "zsh")
    assert zsh.returncode == 0 and "#compdef goodloop" in zsh.stdout
    fish = _run(tmp_path, "--show-completion", "fish")
    assert fish.returncode == 0 and "complete --command goodloop" in fish.stdout
    assert "--install-completion" in _run(tmp_path, "--help").stdout
    # No shell named: the shell goodloop runs under (pytest's parent, or none: then a one-line error).
    bare = _run(tmp_path, "--show-completion")
    assert (bare.returncode == 0 and "goodloop" in bare.stdout) or bare.stderr.count("\n") == 1, bare
    unknown = _run(tmp_path, "--show-completion", "tcsh")
    assert unknown.returncode == 2 and "no completion for 'tcsh'" in unknown.stderr and not unknown.stdout
    assert not (tmp_path / "goodloop.sqlite3").exists()  # printing a script opens no store


def _complete(tmp_path, words: str, cword: int) -> list[str]:
    done = _run(tmp_path, COMP_WORDS=words, COMP_CWORD=str(cword), _GOODLOOP_COMPLETE="complete_bash")
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_script_completes_commands_options_and_choices(tmp_path):
    assert _complete(tmp_path, "goodloop peo", 1) == ["people"]
    assert set(_complete(tmp_path, "goodloop wor", 1)) == {"worker"}
    assert _complete(tmp_path, "goodloop export ", 2) == ["vcard", "csv", "json", "ics"]
    assert _complete(tmp_path, "goodloop import contacts.csv --format li", 4) == ["linkedin"]
    assert "--queue" in _complete(tmp_path, "goodloop import contacts.csv --q", 3)


def test_install_completion_writes_the_script_for_the_shell_named(tmp_path):
    home = tmp_path / "user"
    done = _run(tmp_path, "--install-completion", "bash", HOME=str(home))
    assert done.returncode == 0, done.stderr
    script = (home / ".bash_completions" / "goodloop.sh").read_text()
    assert "_GOODLOOP_COMPLETE=complete_bash" in script
    assert "goodloop.sh" in (home / ".bashrc").read_text()

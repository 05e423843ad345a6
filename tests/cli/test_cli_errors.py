"""Bad input: one clear line on stderr, a non-zero exit, never a traceback, nothing changed."""

import os
import subprocess
import sys

import pytest

from goodloop.network.models import Interaction, Person


def _count():
    return Person.objects.count(), Interaction.objects.count()


@pytest.fixture
def two_adas(cli):
    cli("person", "add", "Ada Lovelace", "--org", "Engines", "--email", "ada@example.com")
    cli("person", "add", "Ada King", "--org", "Countess Co")


def assert_one_line(code, err):
    assert code != 0
    assert err.startswith("goodloop: ")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


def test_unknown_ref(cli, two_adas):
    before = _count()
    code, out, err = cli("log", "Nobody Here", "--channel", "call")
    assert_one_line(code, err)
    assert "no person matches 'Nobody Here'" in err
    assert out == "" and _count() == before


def test_ambiguous_name_lists_candidates(cli, two_adas):
    before = _count()
    code, _, err = cli("log", "Ada", "--channel", "call")
    assert_one_line(code, err)
    assert "Ada Lovelace" in err and "Ada King" in err and "matches 2 people" in err
    assert _count() == before


def test_malformed_date(cli, two_adas):
    before = _count()
    code, _, err = cli("log", "ada@example.com", "--channel", "call", "--date", "22/11/2026")
    assert_one_line(code, err)
    assert "--date '22/11/2026' is not a date" in err
    assert _count() == before


def test_unknown_channel(cli, two_adas):
    code, _, err = cli("log", "ada@example.com", "--channel", "pigeon")
    assert_one_line(code, err)
    assert "channel must be one of" in err


def test_unknown_option_is_one_line(cli):
    code, _, err = cli("people", "--bogus")
    assert_one_line(code, err)
    # a usage error, not the last-resort guard (typer's vendored click once slipped past it)
    assert code == 2 and "No such option" in err and "internal error" not in err


def _run(env_extra, *args, tmp_path):
    env = {**os.environ, "GOODLOOP_HOME": str(tmp_path), **env_extra}
    env.pop("GOODLOOP_TEST_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from goodloop.cli.main import entry; entry()", *args],
                          env=env, capture_output=True, text=True, timeout=60)


def test_invalid_database_url(tmp_path):
    r = _run({"GOODLOOP_DATABASE_URL": "mysql://root@localhost/x"}, "people", tmp_path=tmp_path)
    assert_one_line(r.returncode, r.stderr)
    assert "GOODLOOP_DATABASE_URL" in r.stderr and "not supported" in r.stderr


def test_unreachable_postgresql(tmp_path):
    r = _run({"GOODLOOP_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/goodloop"}, "people", tmp_path=tmp_path)
    assert_one_line(r.returncode, r.stderr)
    assert "cannot open the PostgreSQL database" in r.stderr


def test_bad_boolean_setting(tmp_path):
    r = _run({"GOODLOOP_DEBUG": "maybe"}, "people", tmp_path=tmp_path)
    assert_one_line(r.returncode, r.stderr)
    assert "GOODLOOP_DEBUG" in r.stderr


def test_store_created_on_first_use(tmp_path):
    r = _run({}, "people", "--json", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
    assert (tmp_path / "goodloop.sqlite3").exists()

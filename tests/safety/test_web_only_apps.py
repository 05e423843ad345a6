"""A CLI command starts without the web-only apps (sessions, messages, static files, ninja);
the web app adds their tables when it first opens the store, and commands then run as before."""

import subprocess

import pytest

from .conftest import BACKENDS, GOODLOOP, ROOT


def _migrations(store) -> set[tuple[str, str]]:
    return set(store.query("SELECT app, name FROM django_migrations"))


@pytest.mark.parametrize("engine", BACKENDS)
def test_store_made_by_a_command_is_completed_by_the_web_app(engine, make_store):
    store = make_store(engine, "apps")
    store.run("people")  # a new store, created by a command
    by_command = _migrations(store)
    assert ("network", "0001_initial") in by_command and ("auth", "0001_initial") in by_command
    assert not any(app == "sessions" for app, _ in by_command)

    opened = subprocess.run([GOODLOOP[0], "-c", "from goodloop import bootstrap; bootstrap.setup()"],
                            env=store.env(), capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert opened.returncode == 0, opened.stderr  # the store opened as the web app opens it
    full = _migrations(store)
    assert ("sessions", "0001_initial") in full and full > by_command
    assert store.query("SELECT COUNT(*) FROM django_session")[0][0] == 0

    store.run("person", "add", "Ada Lovelace")  # a command, on the full store
    assert _migrations(store) == full, "a command must not migrate (or unmigrate) what the web app added"
    assert store.query("SELECT COUNT(*) FROM network_person WHERE display_name = ?", ("Ada Lovelace",))[0][0] == 1

    # Up to date: one query, and the migration machinery is never loaded (every command pays it).
    done = subprocess.run([GOODLOOP[0], "-X", "importtime", *GOODLOOP[1:], "people"], env=store.env(),
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "django.db.migrations.executor" not in done.stderr

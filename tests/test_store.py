"""The store: the backend under test is the one asked for; SQLite runs in WAL mode."""

import os

import pytest
from django.db import connection

from goodloop import config


def test_backend_is_the_one_requested(db):
    url = os.environ.get("GOODLOOP_TEST_DATABASE_URL", "")
    expected = "postgresql" if url.startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_sqlite_store_uses_wal(tmp_path):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "GOODLOOP_DATABASE_URL")}
    env["GOODLOOP_HOME"] = str(tmp_path)
    subprocess.run([sys.executable, "-c", "from goodloop.cli.main import entry; entry()", "people"], env=env,
                   check=True, capture_output=True, timeout=60)
    import sqlite3

    mode = sqlite3.connect(tmp_path / "goodloop.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


@pytest.mark.parametrize("url,engine,name", [
    ("", "sqlite", "HOME/goodloop.sqlite3"),
    ("sqlite:////var/data/gl.db", "sqlite", "/var/data/gl.db"),
    ("postgresql://u:p%40ss@db.example:6543/goodloop", "postgresql", "goodloop"),
    ("postgres://localhost/gl", "postgresql", "gl"),
])
def test_database_url_parsing(tmp_path, url, engine, name):
    db = config.parse_database_url(url, tmp_path)
    assert db.engine == engine
    assert db.name == name.replace("HOME", str(tmp_path))


def test_database_url_password_decoded(tmp_path):
    db = config.parse_database_url("postgresql://u:p%40ss@db.example:6543/goodloop", tmp_path)
    assert (db.user, db.password, db.host, db.port) == ("u", "p@ss", "db.example", "6543")


@pytest.mark.parametrize("url", ["mysql://x/y", "postgresql://host/", "postgresql://h:notaport/x", "sqlite://",
                                 "nonsense"])
def test_bad_database_urls_are_refused(tmp_path, url):
    with pytest.raises(config.ConfigError):
        config.parse_database_url(url, tmp_path)


def test_bad_bool_is_refused():
    with pytest.raises(config.ConfigError, match="GOODLOOP_DEBUG"):
        config.parse_bool("GOODLOOP_DEBUG", "sometimes")


def test_short_secret_key_refused(tmp_path):
    with pytest.raises(config.ConfigError, match="32 characters"):
        config.load({"GOODLOOP_HOME": str(tmp_path), "GOODLOOP_SECRET_KEY": "short"})

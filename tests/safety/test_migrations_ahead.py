"""A store whose migrations are ahead of this code is refused at start-up with one clear
line, and left untouched; so is a SQLite backup from a newer goodloop (issue 6, item 5)."""

import sqlite3

import pytest

from .conftest import BACKENDS


@pytest.mark.parametrize("engine", BACKENDS)
def test_store_with_unknown_migration_is_refused(engine, make_store, tmp_path):
    store = make_store(engine, "ahead")
    store.run("people")
    store.query("INSERT INTO django_migrations (app, name, applied) VALUES (?, ?, ?)",
                ("network", "0999_from_a_newer_goodloop", "2030-01-01 00:00:00+00:00"))
    tables = store.counts()
    for args in (("people",), ("backup",), ("serve", "--port", "8769")):
        done = store.run(*args, check=False, timeout=60)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("goodloop: the ") and "Traceback" not in done.stderr
        assert "written by a newer goodloop" in lines[0]
        assert "network.0999_from_a_newer_goodloop" in lines[0] and "upgrade goodloop" in lines[0]
    assert store.counts() == tables
    assert store.query("SELECT COUNT(*) FROM django_migrations WHERE name = ?",
                       ("0999_from_a_newer_goodloop",))[0][0] == 1
    assert not (store.home / "backups").exists() or not any((store.home / "backups").iterdir())

    if engine == "sqlite":  # a SQLite backup of that store is refused by `restore` the same way
        copy = tmp_path / "newer.sqlite3"
        src, dst = sqlite3.connect(store.path), sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        target = make_store("sqlite", "into")
        done = target.run("restore", copy, check=False)
        assert done.returncode == 1 and len(done.stderr.splitlines()) == 1, done.stderr
        assert "newer goodloop" in done.stderr and "network.0999_from_a_newer_goodloop" in done.stderr
        assert not target.path.exists() or target.query("SELECT COUNT(*) FROM network_person")[0][0] == 0

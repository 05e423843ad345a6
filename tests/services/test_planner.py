"""SQLite's planner gets the statistics it lacked, after the command that needed them."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection

from goodloop.transfer import planner


def _goodloop(home, *args):
    env = {**os.environ, "GOODLOOP_HOME": str(home)}
    env.pop("GOODLOOP_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", "from goodloop.cli.main import entry; entry()", *args],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _analyzed(store) -> set[str]:
    with sqlite3.connect(store) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return set()
        return {row[0] for row in db.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}


def test_a_command_leaves_the_statistics_its_queries_lacked(tmp_path):
    _goodloop(tmp_path, "person", "add", "Ada Lovelace", "--org", "Engines", "--tier", "close")
    store = tmp_path / "goodloop.sqlite3"
    assert "network_person" in _analyzed(store)
    person_stats = "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'network_person' ORDER BY 1"
    with sqlite3.connect(store) as db:
        before = db.execute(person_stats).fetchall()
    _goodloop(tmp_path, "person", "add", "Bo Chen")  # one more row is no reason to analyze again
    with sqlite3.connect(store) as db:
        assert db.execute(person_stats).fetchall() == before


def test_a_table_ten_times_bigger_is_analyzed_again(tmp_path):
    _goodloop(tmp_path, "person", "add", "Ada Lovelace")
    store = tmp_path / "goodloop.sqlite3"
    export = tmp_path / "Connections.csv"
    rows = [f"Person{i},Number{i},https://www.linkedin.com/in/p{i},p{i}@example.com,Acme,Engineer,12 Mar 2024"
            for i in range(30)]
    export.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "\n".join(rows))
    _goodloop(tmp_path, "import", str(export), "--json")
    with sqlite3.connect(store) as db:
        recorded = db.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'network_person' LIMIT 1").fetchone()[0]
    assert int(recorded.split()[0]) == 32  # me, Ada and the 30 imported


@pytest.mark.django_db
def test_refresh_is_a_no_op_on_postgresql_and_inside_a_transaction(account, django_assert_num_queries):
    # PostgreSQL keeps its own statistics. On SQLite (the tests' store is a file, as a user's is)
    # a connection inside a transaction must not analyze: ANALYZE would have to upgrade its
    # read lock to the write lock, which fails at once under a concurrent writer.
    account.me.display_name  # noqa: B018 — the connection is open
    assert connection.vendor == "postgresql" or connection.in_atomic_block
    before = _statistics()
    with django_assert_num_queries(0):
        assert planner.refresh() == []
    assert _statistics() == before


def _statistics():
    """SQLite's recorded statistics (None before any ANALYZE; other tests may have run one)."""
    if connection.vendor != "sqlite":
        return None
    raw = connection.connection
    if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        return None
    return raw.execute("SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY 1, 2").fetchall()

"""Helpers for the fault and data-safety tests: real stores in temporary homes, driven
by `goodloop` in subprocesses, on the backend of this test run.

The tests are parametrized by `store`: SQLite in the plain run; PostgreSQL (a database of
their own on the server of GOODLOOP_TEST_DATABASE_URL, marked `postgres`) in the
PostgreSQL run. Nothing is skipped: a backend that is not under test is never generated.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("GOODLOOP_TEST_DATABASE_URL", "")
BACKENDS = [pytest.param("postgresql", marks=pytest.mark.postgres)] if PG_URL else ["sqlite"]
GOODLOOP = [sys.executable, "-c", "from goodloop.cli.main import entry; entry()"]
COUNTED = {"people": "network_person", "contact points": "network_contactpoint", "roles": "network_role",
           "source records": "network_sourcerecord", "import batches": "network_importbatch",
           "organizations": "network_organization", "interactions": "network_interaction"}


@dataclass
class Store:
    """A goodloop store in a temporary home: SQLite in HOME, or its own PostgreSQL database."""

    home: Path
    engine: str
    url: str = ""  # PostgreSQL only

    @property
    def path(self) -> Path:
        return self.home / "goodloop.sqlite3"

    def env(self, **extra) -> dict:
        env = {k: v for k, v in os.environ.items()
               if k not in ("DJANGO_SETTINGS_MODULE", "GOODLOOP_DATABASE_URL", "GOODLOOP_TEST_DATABASE_URL",
                            "GOODLOOP_SERVER_MODE")}
        env["GOODLOOP_HOME"] = str(self.home)
        if self.url:
            env["GOODLOOP_DATABASE_URL"] = self.url
        env.update(extra)
        return env

    def run(self, *args, timeout=120, check=True, **extra) -> subprocess.CompletedProcess:
        done = subprocess.run([*GOODLOOP, *map(str, args)], env=self.env(**extra), capture_output=True, text=True,
                              timeout=timeout, cwd=ROOT)
        if check and done.returncode != 0:
            raise AssertionError(f"goodloop {' '.join(map(str, args))} failed ({done.returncode}): {done.stderr}")
        return done

    def popen(self, *args, **kwargs) -> subprocess.Popen:
        # faulthandler: a process a test has to abort (SIGABRT) prints where each thread was.
        # Ctrl-C as at a terminal: a suite started in the background (`pytest &`, as .ci/run starts
        # both passes) runs with SIGINT ignored, every child inherits that, and Python then never
        # raises KeyboardInterrupt, so `serve` would not stop on the test's Ctrl-C.
        return subprocess.Popen([*GOODLOOP, *map(str, args)], env=self.env(PYTHONFAULTHANDLER="1"), cwd=ROOT,
                                preexec_fn=_ctrl_c_as_at_a_terminal, **kwargs)

    def query(self, sql: str, params=()) -> list[tuple]:
        if self.engine == "sqlite":
            db = sqlite3.connect(self.path, timeout=20, isolation_level=None)  # autocommit
            try:
                return db.execute(sql, params).fetchall()
            finally:
                db.close()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as db:
            cursor = db.execute(sql.replace("?", "%s"), params or None)
            return cursor.fetchall() if cursor.description else []

    def counts(self) -> dict:
        return {label: self.query(f"SELECT COUNT(*) FROM {table}")[0][0] for label, table in COUNTED.items()}

    def integrity(self) -> str:
        """SQLite's PRAGMA integrity_check on a fresh connection ("ok"); PostgreSQL: "ok" if it answers."""
        if self.engine == "sqlite":
            return self.query("PRAGMA integrity_check")[0][0]
        return "ok" if self.query("SELECT 1")[0][0] == 1 else "no answer"


def _ctrl_c_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _pg_admin_url() -> str:
    parts = urlsplit(PG_URL)
    return urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))


def pg_database(tag: str) -> str:
    """Create a fresh PostgreSQL database on the test server; returns its URL."""
    import psycopg

    name = f"{urlsplit(PG_URL).path.lstrip('/') or 'goodloop'}_{tag}_{uuid.uuid4().hex[:8]}"[:60]
    with psycopg.connect(_pg_admin_url(), autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(PG_URL)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def drop_pg_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(_pg_admin_url(), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def make_store(tmp_path):
    """make_store(tag) -> a new, not yet created Store of this run's backend (dropped afterwards)."""
    made: list[Store] = []

    def make(engine: str, tag: str = "s") -> Store:
        home = tmp_path / f"home-{tag}-{len(made)}"
        home.mkdir()
        store = Store(home=home, engine=engine, url=pg_database(tag) if engine == "postgresql" else "")
        made.append(store)
        return store

    yield make
    for store in made:
        if store.url:
            drop_pg_database(store.url)


@pytest.fixture(params=BACKENDS)
def store(request, make_store) -> Store:
    """An empty store (created, migrated, with its local account) of this run's backend."""
    s = make_store(request.param, "main")
    s.run("people")
    return s

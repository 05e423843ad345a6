"""Helpers for the fault and data-safety tests: real stores in temporary homes, driven
by `goodloop` in subprocesses, on the backend of this test run.

The tests are parametrized by `store`: SQLite in the plain run; PostgreSQL (a database of
their own on the server of GOODLOOP_TEST_DATABASE_URL, marked `postgres`) in the
PostgreSQL run. Nothing is skipped: a backend that is not under test is never generated.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
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


def _database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def pg_database(tag: str, template: str = "") -> str:
    """Create a fresh PostgreSQL database on the test server (a copy of `template`'s database when
    given); returns its URL."""
    import psycopg

    name = f"{_database_name(PG_URL) or 'goodloop'}_{tag}_{uuid.uuid4().hex[:8]}"[:60]
    source = f' TEMPLATE "{_database_name(template)}"' if template else ""
    with psycopg.connect(_pg_admin_url(), autocommit=True) as db:
        for wait in (0.1, 0.2, 0.4, 0.8, 1.6, 0):
            try:
                db.execute(f'CREATE DATABASE "{name}"{source}')
                break
            except psycopg.errors.ObjectInUse:  # the process that made the template is still leaving
                if not wait:
                    raise
                time.sleep(wait)
    parts = urlsplit(PG_URL)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def drop_pg_database(url: str) -> None:
    import psycopg

    name = _database_name(url)
    with psycopg.connect(_pg_admin_url(), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def created_store(tmp_path_factory):
    """created_store(engine) -> a store goodloop created itself (`goodloop people`: the schema, the
    local account, "me"), made once per test process for make_store(..., created=True) to copy."""
    made: dict[str, Store] = {}

    def get(engine: str) -> Store:
        if engine not in made:
            home = tmp_path_factory.mktemp("created-store")
            store = Store(home=home, engine=engine, url=pg_database("created") if engine == "postgresql" else "")
            store.run("people")
            if engine == "sqlite":
                store.query("PRAGMA wal_checkpoint(TRUNCATE)")  # one file to copy
            made[engine] = store
        return made[engine]

    yield get
    for store in made.values():
        if store.url:
            drop_pg_database(store.url)


@pytest.fixture
def make_store(tmp_path, created_store):
    """make_store(engine, tag) -> a new, not yet created Store of this run's backend (dropped
    afterwards). With created=True, a copy of a store goodloop has created: for the tests whose
    subject comes after the first start (a backup, a kill, writers). The copy spares each its own
    migration (3.6 s on PostgreSQL); the first start itself is what test_concurrent_first_start,
    test_web_only_apps, test_migrations_ahead, test_private_files and tests/cli test."""
    made: list[Store] = []

    def make(engine: str, tag: str = "s", created: bool = False) -> Store:
        home = tmp_path / f"home-{tag}-{len(made)}"
        if created:
            template = created_store(engine)
            shutil.copytree(template.home, home)
            url = pg_database(tag, template=template.url) if engine == "postgresql" else ""
        else:
            home.mkdir()
            url = pg_database(tag) if engine == "postgresql" else ""
        store = Store(home=home, engine=engine, url=url)
        made.append(store)
        return store

    yield make
    for store in made:
        if store.url:
            drop_pg_database(store.url)


@pytest.fixture(params=BACKENDS)
def store(request, make_store) -> Store:
    """An empty store (created, migrated, with its local account) of this run's backend."""
    return make_store(request.param, "main", created=True)

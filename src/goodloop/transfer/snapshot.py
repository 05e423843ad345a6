"""A consistent copy of a live store, and restoring a SQLite copy into an empty store.

    result = backup(account, out=None)   # SQLite: online backup API; PostgreSQL: the JSON export
    counts = restore_sqlite(path)        # a SQLite copy into an empty SQLite store

SQLite: the online backup API (`sqlite3.Connection.backup`) copies every page in one
step under one read transaction. In WAL mode readers never block writers, so the store
stays live while it runs and the copy is the store as of one instant; the copy is
checked with `PRAGMA integrity_check` and switched to a single-file journal before it is
renamed into place, so a half-written copy never carries the final name.

PostgreSQL: the account's JSON export (services.backup.dump), read inside one REPEATABLE
READ transaction, so every table comes from the same snapshot while others keep writing.
It restores with `goodloop restore FILE` like any JSON export.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction

from goodloop.errors import ServiceError
from goodloop.private_files import create_private, write_private

SQLITE_HEADER = b"SQLite format 3\x00"
OUR_APPS = ("accounts", "network", "helploop", "leads")
COUNTED = (("people", "network_person"), ("organizations", "network_organization"),
           ("interactions", "network_interaction"), ("import batches", "network_importbatch"))


@dataclass
class BackupResult:
    path: Path
    kind: str  # "sqlite" or "json"
    size: int

    def as_dict(self) -> dict:
        return {"path": str(self.path), "kind": self.kind, "bytes": self.size}


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def default_path(kind: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if kind == "sqlite" else "json"
    return Path(settings.GOODLOOP_HOME) / "backups" / f"goodloop-{stamp}.{suffix}"


def _store_path() -> Path:
    return Path(connection.settings_dict["NAME"])


def backup(account, out: str | os.PathLike | None = None) -> BackupResult:
    """Copy the live store: the whole SQLite file, or on PostgreSQL the account's JSON export."""
    kind = "sqlite" if connection.vendor == "sqlite" else "json"
    path = Path(out) if out else default_path(kind)
    if path.is_dir():
        path = path / default_path(kind).name
    if path.exists():
        raise ServiceError(f"{path} already exists; name a new file with -o", field="output")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise ServiceError(f"cannot create {path.parent}: {exc.strerror or exc}", field="output") from None
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        if kind == "sqlite":
            create_private(partial)  # SQLite writes into it, keeping its mode
            _sqlite_copy(_store_path(), partial)
        else:
            write_private(partial, _consistent_dump(account))
        os.replace(partial, path)
    except OSError as exc:
        raise ServiceError(f"cannot write {path}: {exc.strerror or exc}", field="output") from None
    finally:
        for leftover in (partial, Path(f"{partial}-journal"), Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    return BackupResult(path=path, kind=kind, size=path.stat().st_size)


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source, timeout=20)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # pages=-1: every page in one step, under one read transaction
            _drop_secrets(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            status = dst.execute("PRAGMA integrity_check").fetchone()[0]
            if status != "ok":
                raise ServiceError(f"the copy failed its integrity check: {status}")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise ServiceError(f"cannot copy the store: {exc}") from None
    finally:
        src.close()


# What a backup leaves out: a restored copy must not bring working credentials back (API token
# hashes, web sessions, calendar feed addresses), nor the throttle's counts or the uploads kept for retrying an import.
SECRET_TABLES = ("accounts_apitoken", "accounts_throttle", "django_session", "helploop_calendarfeed")
# Nor the task queue and the workers' leases: a copy restored elsewhere must not run this store's tasks
# (its unfinished imports read as interrupted, with their retry).
RUNTIME_TABLES = ("django_tasks_database_dbtaskresult", "runner_workerbeat")


def _drop_secrets(db: sqlite3.Connection) -> None:
    """Delete the secrets from a SQLite copy, then VACUUM so no freed page still holds them."""
    present = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in SECRET_TABLES + RUNTIME_TABLES:
        if table in present:
            db.execute(f'DELETE FROM "{table}"')
    if "network_importjob" in present:
        db.execute('UPDATE "network_importjob" SET "data" = NULL')
    db.commit()
    db.execute("VACUUM")


def _consistent_dump(account) -> bytes:
    from goodloop.transfer import backup as json_backup

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # one snapshot for every table of the dump
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return json_backup.dump(account)


# ------------------------------------------------------------------ restore


def _check_copy(path: Path) -> None:
    """A SQLite backup this goodloop can open: intact, a goodloop store, not from a newer version."""
    from django.apps import apps

    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ServiceError(f"cannot open {path}: {exc}", field="file") from None
    try:
        status = db.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise ServiceError(f"{path} is damaged (integrity check: {status})", field="file")
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"django_migrations", "network_person", "accounts_account"} <= tables:
            raise ServiceError(f"{path} is a SQLite file but not a goodloop store", field="file")
        applied = {tuple(r) for r in db.execute("SELECT app, name FROM django_migrations")}
    except sqlite3.Error as exc:
        raise ServiceError(f"cannot read {path}: {exc}", field="file") from None
    finally:
        db.close()
    known = set()
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if folder.is_dir():
            known.update((config.label, f.stem) for f in folder.iterdir() if f.suffix == ".py")
    ahead = sorted(key for key in applied if key[0] in OUR_APPS and key not in known)
    if ahead:
        raise ServiceError(f"{path} was written by a newer goodloop (unknown migrations: "
                           f"{', '.join(f'{a}.{n}' for a, n in ahead[:3])}); upgrade goodloop", field="file")


def _store_is_empty() -> bool:
    from goodloop.accounts.models import Account
    from goodloop.transfer import backup as json_backup

    accounts = list(Account.objects.all()[:2])
    return len(accounts) == 0 or (len(accounts) == 1 and accounts[0].user_id is None
                                  and json_backup.is_empty(accounts[0]))


def restore_sqlite(path: str | os.PathLike) -> dict:
    """Copy a SQLite backup into this (empty, SQLite) store; returns row counts of the result."""
    path = Path(path)
    if not is_sqlite_file(path):
        raise ServiceError(f"{path} is not a SQLite backup", field="file")
    if connection.vendor != "sqlite":
        raise ServiceError("a SQLite backup restores into a SQLite store; to move it to PostgreSQL, open it "
                           "(GOODLOOP_HOME or GOODLOOP_DATABASE_URL=sqlite:////PATH), `goodloop export json -o F`, "
                           "then `goodloop restore F` here")
    _check_copy(path)
    if not _store_is_empty():
        raise ServiceError("restore needs an empty store, and this one already holds data; restore into a "
                           "new home, e.g. `goodloop --home /tmp/goodloop-restore restore FILE`")
    store = _store_path()
    if store.resolve() == path.resolve():
        raise ServiceError("that file is this store itself")
    connections.close_all()
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(store, timeout=20)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise ServiceError(f"cannot restore {path}: {exc}") from None
    from goodloop import bootstrap

    bootstrap.ensure_store()  # an older backup is brought up to this goodloop's schema
    with connection.cursor() as cursor:
        counts = {}
        for label, table in COUNTED:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 — fixed table names
            counts[label] = cursor.fetchone()[0]
    return counts

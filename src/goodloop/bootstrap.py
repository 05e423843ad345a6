"""Start Django for the CLI and the server: settings, connection, migrations.

The store is created and migrated on first use; a user never runs a migrate step.
Every failure here becomes a StoreError with one line a person can act on.
"""

import os
from contextlib import contextmanager
from pathlib import Path


class StoreError(Exception):
    """The store cannot be used; the message says why in one line."""


def setup(home: str | None = None, *, cli: bool = False, tasks: bool = False) -> None:
    """Configure Django, connect to the store and bring its schema up to date.

    `cli`: a CLI command's settings, without the apps only the web uses (goodloop.settings_cli);
    with `tasks`, the task runner's apps too (goodloop.settings_worker)."""
    if home:
        os.environ["GOODLOOP_HOME"] = str(home)
    import django
    from django.apps import apps

    if not apps.ready:
        # goodloop's own settings, even if the shell names another Django project's.
        os.environ["DJANGO_SETTINGS_MODULE"] = (("goodloop.settings_worker" if tasks else "goodloop.settings_cli")
                                                if cli else "goodloop.settings")
        django.setup()
    ensure_store()


def _describe(db: dict) -> str:
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite store {db['NAME']}"
    return f"PostgreSQL database {db['NAME']!r} at {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


OUR_APPS = ("accounts", "network", "helploop", "leads")
MIGRATION_LOCK = 0x676F6F646C6F6F70 & 0x7FFFFFFFFFFFFFFF  # "goodloop": the PostgreSQL advisory lock key


def _migrations_on_disk() -> set[tuple[str, str]]:
    """(app, name) of every migration file of Django's and our apps, without importing them."""
    from django.apps import apps

    found = set()
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if folder.is_dir():
            found.update((config.label, f.stem) for f in folder.iterdir()
                         if f.suffix == ".py" and f.stem[:1].isdigit())
    return found


def _up_to_date(connection) -> bool:
    """One query: is every migration on disk already applied? (The common case, made cheap,
    because every CLI command passes through here and the budget is 0.5 s.)

    Applied migrations of apps this process left out (a CLI command skips the web-only apps)
    are fine; an applied migration of ours that is not on disk is not: a newer goodloop wrote
    the store, and _migrate says so."""
    from django.db import DatabaseError

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
    except DatabaseError:
        return False
    on_disk = _migrations_on_disk()
    return on_disk <= applied and not any(app in OUR_APPS for app, _ in applied - on_disk)


def ensure_store() -> None:
    """Migrate the store if it is behind; refuse one that is ahead of this code."""
    from django.db import DatabaseError, connection

    where = _describe(connection.settings_dict)
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        _keep_private(Path(connection.settings_dict["NAME"]))
    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot open the {where}: {first}") from None
    if _up_to_date(connection):
        return
    with _migration_lock(connection):  # processes starting at once on a new store take turns
        _migrate(connection, where)


def _keep_private(store: Path) -> None:
    """The SQLite store readable by its owner only (0600), like the secret key beside it. A new
    store is created so before SQLite opens it; SQLite gives its -wal and -shm files the store's
    mode. A store made by an older goodloop (0644) is tightened."""
    from goodloop.private_files import create_private, make_private

    try:
        create_private(store)
    except FileExistsError:
        for path in (store, Path(f"{store}-wal"), Path(f"{store}-shm")):
            make_private(path)
    except OSError:
        pass  # a folder that does not exist: SQLite's own error says so next


@contextmanager
def _migration_lock(connection):
    """One process at a time past this point, per store: a lock file beside a SQLite store
    (released by the OS if the process dies), a session advisory lock on PostgreSQL."""
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():  # the tests' store: one process, nothing to lock beside
            yield
            return
        try:
            import fcntl
        except ImportError:  # no POSIX locks (Windows): each migration's transaction still holds
            yield
            return
        with open(f"{connection.settings_dict['NAME']}.migrate-lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])


def _migrate(connection, where: str) -> None:
    from django.db import DatabaseError
    from django.db.migrations.executor import MigrationExecutor

    if _up_to_date(connection):  # another process migrated it while this one waited
        return
    try:
        executor = MigrationExecutor(connection)
        applied = set(executor.loader.applied_migrations)
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot open the {where}: {first}") from None
    known = set(executor.loader.disk_migrations)
    ours = {key for key in applied if key[0] in OUR_APPS}
    ahead = sorted(ours - known)
    if ahead:
        names = ", ".join(f"{app}.{name}" for app, name in ahead[:3])
        raise StoreError(
            f"the {where} was written by a newer goodloop (unknown migrations: {names}); upgrade goodloop"
        )
    targets = executor.loader.graph.leaf_nodes()
    if executor.migration_plan(targets):
        from django.core.management import call_command

        try:
            call_command("migrate", verbosity=0, interactive=False)
        except DatabaseError as exc:
            raise StoreError(f"cannot prepare the {where}: {str(exc).strip().splitlines()[0]}") from None

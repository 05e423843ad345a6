"""Start Django for the CLI and the server: settings, connection, migrations.

The store is created and migrated on first use; a user never runs a migrate step.
Every failure here becomes a StoreError with one line a person can act on.
"""

import os
from pathlib import Path


class StoreError(Exception):
    """The store cannot be used; the message says why in one line."""


def setup(home: str | None = None) -> None:
    """Configure Django, connect to the store and bring its schema up to date."""
    if home:
        os.environ["GOODLOOP_HOME"] = str(home)
    import django
    from django.apps import apps

    if not apps.ready:
        # goodloop's own settings, even if the shell names another Django project's.
        os.environ["DJANGO_SETTINGS_MODULE"] = "goodloop.settings"
        django.setup()
    ensure_store()


def _describe(db: dict) -> str:
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite store {db['NAME']}"
    return f"PostgreSQL database {db['NAME']!r} at {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


OUR_APPS = ("accounts", "network", "helploop", "leads")


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
    because every CLI command passes through here and the budget is 0.5 s.)"""
    from django.db import DatabaseError

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
    except DatabaseError:
        return False
    return applied == _migrations_on_disk()


def ensure_store() -> None:
    """Migrate the store if it is behind; refuse one that is ahead of this code."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    where = _describe(connection.settings_dict)
    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot open the {where}: {first}") from None
    if _up_to_date(connection):
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

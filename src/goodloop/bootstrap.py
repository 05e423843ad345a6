"""Start Django for the CLI and the server: settings, connection, migrations.

The store is created and migrated on first use; a user never runs a migrate step.
Every failure here becomes a StoreError with one line a person can act on.
"""

import os


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


def ensure_store() -> None:
    """Migrate the store if it is behind; refuse one that is ahead of this code."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    where = _describe(connection.settings_dict)
    try:
        executor = MigrationExecutor(connection)
        applied = set(executor.loader.applied_migrations)
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot open the {where}: {first}") from None
    known = set(executor.loader.disk_migrations)
    ours = {key for key in applied if key[0] in {"accounts", "network", "helploop", "leads"}}
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

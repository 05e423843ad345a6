"""Fewer index writes per imported row: drop the single-column foreign-key indexes that another index
already serves, and index `Person.met_through` only where it is set.

- ContactPoint.account, Role.account: (account, kind, key) and (account, organization, current) start with it.
- Person.organization: (account, organization) serves every query (all filter by account).
- Role.organization: (account, organization, current) likewise.
- Person.met_through: almost always empty; a partial index (IS NOT NULL) still serves the `IN (...)` of a
  deletion, and an import of 30,000 people writes no entry for it.

As in 0004 the state change is a plain AlterField(db_index=False) and the database change drops just the
index (found by introspection), because SQLite would otherwise rebuild each whole table.

Only on SQLite, where the import's speed was measured and one account owns the file: on PostgreSQL
Django's cascades (`DELETE/UPDATE ... WHERE organization_id IN (...)`, no account in the filter)
need the single-column indexes, or each organization delete scans every tenant's rows (0012).
"""

import django.db.models.deletion
from django.db import migrations, models

DROPPED = (("contactpoint", "account_id"), ("role", "account_id"), ("person", "organization_id"),
           ("role", "organization_id"), ("person", "met_through_id"))


def _indexes(schema_editor, table: str, column: str) -> list[str]:
    with schema_editor.connection.cursor() as cursor:
        found = schema_editor.connection.introspection.get_constraints(cursor, table)
    return [name for name, c in found.items()
            if c["index"] and c["columns"] == [column] and not c["unique"] and not c["primary_key"]
            and not c.get("foreign_key") and name != "person_met_through"]


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    qn = schema_editor.quote_name
    for model, column in DROPPED:
        table = apps.get_model("network", model)._meta.db_table
        for index in _indexes(schema_editor, table, column):
            schema_editor.execute(f"DROP INDEX {qn(index)}")


def restore(apps, schema_editor):
    qn = schema_editor.quote_name
    for model, column in DROPPED:
        table = apps.get_model("network", model)._meta.db_table
        if not _indexes(schema_editor, table, column):
            index = schema_editor._create_index_name(table, [column])
            schema_editor.execute(f"CREATE INDEX {qn(index)} ON {qn(table)} ({qn(column)})")


def _fk(model_name, name, to, on_delete, related_name, nullable=False):
    extra = {"blank": True, "null": True} if nullable else {}
    return migrations.AlterField(model_name=model_name, name=name, field=models.ForeignKey(
        db_index=False, on_delete=on_delete, related_name=related_name, to=to, **extra))


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_api_token"),
        ("network", "0006_interaction_day_channel"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                _fk("contactpoint", "account", "accounts.account", django.db.models.deletion.CASCADE, "+"),
                _fk("person", "met_through", "network.person", django.db.models.deletion.SET_NULL, "+", True),
                _fk("person", "organization", "network.organization", django.db.models.deletion.SET_NULL,
                    "people", True),
                _fk("role", "account", "accounts.account", django.db.models.deletion.CASCADE, "+"),
                _fk("role", "organization", "network.organization", django.db.models.deletion.CASCADE, "roles"),
            ],
            database_operations=[migrations.RunPython(drop, restore)],
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(condition=models.Q(("met_through__isnull", False)), fields=["met_through"],
                               name="person_met_through"),
        ),
    ]

"""Drop the single-column `account_id` index of the models whose own index (or unique constraint) starts
with `account` (models.OwnedCovered): that index serves the same queries.

The state change is a plain AlterField(db_index=False); the database change drops just the index (found by
introspection), because SQLite would otherwise rebuild each whole table to change a foreign key.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("dismissedduplicate", "interaction", "organization", "person", "tag")


def _account_indexes(schema_editor, table: str) -> list[str]:
    with schema_editor.connection.cursor() as cursor:
        found = schema_editor.connection.introspection.get_constraints(cursor, table)
    return [name for name, c in found.items()
            if c["index"] and c["columns"] == ["account_id"] and not c["unique"] and not c["primary_key"]]


def drop(apps, schema_editor):
    qn = schema_editor.quote_name
    for name in MODELS:
        table = apps.get_model("network", name)._meta.db_table
        for index in _account_indexes(schema_editor, table):
            schema_editor.execute(f"DROP INDEX {qn(index)}")


def restore(apps, schema_editor):
    qn = schema_editor.quote_name
    for name in MODELS:
        table = apps.get_model("network", name)._meta.db_table
        if not _account_indexes(schema_editor, table):
            index = schema_editor._create_index_name(table, ["account_id"])
            schema_editor.execute(f"CREATE INDEX {qn(index)} ON {qn(table)} ({qn('account_id')})")


def _account(model_name):
    return migrations.AlterField(
        model_name=model_name,
        name="account",
        field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                to="accounts.account"),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_api_token"),
        ("network", "0003_import_job"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[_account(name) for name in MODELS],
            database_operations=[migrations.RunPython(drop, restore)],
        ),
    ]

"""PostgreSQL keeps the foreign-key indexes Django's cascades need (issue 12, item 7).

0007 dropped them everywhere; it now drops them only on SQLite. A PostgreSQL database that ran the
old 0007 gets them back here (found by introspection, created only when missing). The model state
stays `db_index=False` so SQLite files keep the faster import; docs/benchmarks.md shows the EXPLAIN.
"""

from django.db import migrations

# (model, column): the columns a cascade filters by without the account.
CASCADE_COLUMNS = (("person", "organization_id"), ("role", "organization_id"), ("contactpoint", "account_id"),
                   ("role", "account_id"))


def _has_index(schema_editor, table: str, column: str) -> bool:
    with schema_editor.connection.cursor() as cursor:
        found = schema_editor.connection.introspection.get_constraints(cursor, table)
    return any(c["index"] and c["columns"] and c["columns"][0] == column for c in found.values())


def restore(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    qn = schema_editor.quote_name
    for model, column in CASCADE_COLUMNS:
        table = apps.get_model("network", model)._meta.db_table
        if not _has_index(schema_editor, table, column):
            index = schema_editor._create_index_name(table, [column])
            schema_editor.execute(f"CREATE INDEX {qn(index)} ON {qn(table)} ({qn(column)})")


class Migration(migrations.Migration):

    dependencies = [("network", "0011_timestamps")]

    operations = [migrations.RunPython(restore, migrations.RunPython.noop)]

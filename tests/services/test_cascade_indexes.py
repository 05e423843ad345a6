"""Issue 12, item 7: the indexes Django's cascades need stay on PostgreSQL; SQLite drops them
for the import's speed (one account per file, measured in docs/benchmarks.md)."""

import pytest
from django.db import connection

from goodloop.network.models import Person, Role


def _leading_columns(model) -> set[str]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {c["columns"][0] for c in found.values() if c["index"] and c["columns"]}


@pytest.mark.django_db
def test_organization_cascades_have_an_index_on_postgresql_only():
    person, role = _leading_columns(Person), _leading_columns(Role)
    if connection.vendor == "postgresql":
        # DELETE/UPDATE ... WHERE organization_id IN (...) carries no account: without these
        # a deleted organization scans every tenant's people and roles.
        assert "organization_id" in person and "organization_id" in role
    else:
        assert "organization_id" not in person and "organization_id" not in role


@pytest.mark.django_db
def test_an_organization_delete_uses_the_index_on_postgresql():
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # the plan below is PostgreSQL's; SQLite is checked above
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # an empty table would otherwise be scanned
        cursor.execute(f"EXPLAIN UPDATE {Person._meta.db_table} SET organization_id = NULL "
                       "WHERE organization_id IN (1, 2)")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Index" in plan and "organization_id" in plan, plan

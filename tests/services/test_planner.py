"""SQLite's planner gets the statistics it needs after the queries that needed them."""

import pytest
from django.db import connection

from goodloop.network.models import Person
from goodloop.services import planner


def _stat_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return set()
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_refresh_analyzes_the_tables_a_query_used(account):
    Person.objects.bulk_create([Person(account=account, display_name=f"P{i}", tier="core") for i in range(50)])
    assert Person.objects.filter(account=account, tier="core").count() == 50
    if connection.vendor != "sqlite":
        planner.refresh()  # PostgreSQL keeps its own statistics: nothing to do, nothing fails
        return
    assert "network_person" not in _stat_tables()
    planner.refresh()
    assert "network_person" in _stat_tables()


@pytest.mark.django_db
def test_refresh_adds_no_query_to_what_a_page_counts(account, django_assert_num_queries):
    Person.objects.filter(account=account).count()
    with django_assert_num_queries(0):
        planner.refresh()

"""PlannerStatisticsMiddleware: every web request on SQLite still ends with the planner's statistics
refresh (goodloop.transfer.planner), which analyzes what the request's queries lacked; inside a
transaction, where nothing could be analyzed, it asks SQLite nothing at all."""

import pytest
from django.db import connection
from django.test import Client

from goodloop.transfer import planner


def _analyzed() -> set[str]:
    raw = connection.connection
    if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        return set()
    return {row[0] for row in raw.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}


@pytest.mark.django_db(transaction=True)
def test_a_web_request_leaves_the_statistics_its_queries_lacked():
    from goodloop.accounts import account as accounts
    from goodloop.network import people

    account = accounts.local_account()
    for name in ("Ada Lovelace", "Bo Chen", "Chidi Okafor"):
        people.add_person(account, name)
    client = Client()
    if connection.vendor != "sqlite":  # PostgreSQL keeps its own statistics (autovacuum)
        assert client.get("/people/").status_code == 200
        assert planner.refresh() == []
        return
    if connection.connection is not None:
        connection.connection.execute("DROP TABLE IF EXISTS sqlite_stat1")  # as a store never analyzed
    assert "network_person" not in _analyzed()
    assert client.get("/people/").status_code == 200
    assert not connection.in_atomic_block
    assert "network_person" in _analyzed()  # the middleware ran PRAGMA optimize after the request


@pytest.mark.django_db
def test_inside_a_transaction_the_refresh_asks_sqlite_nothing(account):
    account.me.display_name  # noqa: B018 — the connection is open
    if connection.vendor != "sqlite":
        assert planner.refresh() == []
        return
    raw = connection.connection
    assert raw.in_transaction
    statements = []
    raw.set_trace_callback(statements.append)
    try:
        assert planner.refresh() == []
        assert Client().get("/people/").status_code == 200
        page = len(statements)
        statements.clear()
        assert planner.refresh() == []
    finally:
        raw.set_trace_callback(None)
    assert page > 0 and statements == []  # no PRAGMA optimize, no row counts

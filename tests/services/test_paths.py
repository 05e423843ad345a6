"""`who ORG`: warm paths with exact expectations on a small built network."""

from datetime import date

import pytest

from goodloop.helploop import asks, paths
from goodloop.network import interactions, organizations, people
from goodloop.network.models import Connection, Role
from goodloop.search.models import Introduction

TODAY = date(2026, 11, 20)


@pytest.fixture
def net(account):
    add = lambda *a, **k: people.add_person(account, *a, **k)  # noqa: E731
    p = {
        "ines": add("Ines Inside", org="Acme Corp", title="PMM"),
        "ivan": add("Ivan Insider", org="Acme", title="Engineer"),
        "fay": add("Fay Former", org="Globex"),
        "cole": add("Cole Connector", org="Initech"),
        "mona": add("Mona MetThrough", org="Umbrella"),
        "ira": add("Ira Introducer", org="Hooli"),
        "zed": add("Zed Unrelated", org="Vandelay"),
    }
    Role.objects.create(account=account, person=p["fay"], organization=organizations.get_or_create(account, "Acme"),
                        title="Analyst", current=False)
    Connection.objects.create(account=account, a=p["cole"], b=p["ivan"], note="old teammates")
    p["ines"].met_through = p["mona"]
    p["ines"].save()
    Introduction.objects.create(account=account, introducer=p["ira"], introducee=account.me, introduced=p["ivan"],
                                status="made", requested_on=TODAY, status_changed_on=TODAY)
    # Ines is the strongest tie: two meetings recently.
    interactions.log(account, [p["ines"]], "meeting", "mutual", "coffee", date(2026, 11, 1))
    interactions.log(account, [p["ines"]], "meeting", "mutual", "lunch", date(2026, 10, 1))
    return p


def test_paths_ranked_with_hops_and_reasons(account, net):
    rows = paths.who(account, "ACME, Inc.", today=TODAY)
    names = [r["person"]["name"] for r in rows]
    assert names == ["Ines Inside", "Ivan Insider", "Fay Former", "Cole Connector", "Ira Introducer",
                     "Mona MetThrough"]
    by = {r["person"]["name"]: r for r in rows}
    assert by["Ines Inside"]["hops"] == 1 and by["Ines Inside"]["path"] == ["Ines Inside"]
    assert "works at Acme Corp now" in by["Ines Inside"]["note"]
    assert by["Fay Former"]["hops"] == 1 and by["Fay Former"]["former"] is True
    assert "used to work at Acme Corp" in by["Fay Former"]["note"]
    assert by["Cole Connector"]["hops"] == 2 and by["Cole Connector"]["path"] == ["Cole Connector", "Ivan Insider"]
    assert "(connection)" in by["Cole Connector"]["note"]
    assert by["Ira Introducer"]["path"] == ["Ira Introducer", "Ivan Insider"]
    assert "(introduction)" in by["Ira Introducer"]["note"]
    assert by["Mona MetThrough"]["path"] == ["Mona MetThrough", "Ines Inside"]
    assert "Zed Unrelated" not in names
    assert by["Ines Inside"]["strength"] > by["Ivan Insider"]["strength"]


def test_path_says_when_the_guard_would_warn(account, net):
    asks.make(account, net["ivan"], "Could you introduce me to a designer at Acme? Thanks!", when=date(2026, 11, 10))
    row = next(r for r in paths.who(account, "Acme", today=TODAY) if r["person"]["name"] == "Ivan Insider")
    assert row["over_asking"] is True
    assert "Careful:" in row["note"] and "Give before you ask" in row["note"]


def test_unknown_org_is_not_found(account, net):
    from goodloop.errors import NotFound

    with pytest.raises(NotFound):
        paths.who(account, "Nonexistent Ltd", today=TODAY)


def _queries(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx)


def test_who_query_count_does_not_grow(account, net):
    small = _queries(lambda: paths.who(account, "Acme", today=TODAY))
    for i in range(30):
        insider = people.add_person(account, f"Extra Insider {i}", org="Acme")
        friend = people.add_person(account, f"Extra Friend {i}", org="Elsewhere")
        Connection.objects.create(account=account, a=friend, b=insider)
        interactions.log(account, [insider, friend], "call", "mutual", "", date(2026, 11, 1))
    large = _queries(lambda: paths.who(account, "Acme", today=TODAY))
    assert large == small

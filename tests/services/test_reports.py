"""Reports: the numbers behind every chart, computed from what happened."""

from datetime import date

import pytest

from goodloop.helploop import asks, favors, loops
from goodloop.network import interactions, people
from goodloop.overview import reports
from goodloop.search import leads

TODAY = date(2026, 11, 20)


@pytest.fixture
def history(account):
    ana = people.add_person(account, "Ana Able", org="Acme", tier="core")
    bo = people.add_person(account, "Bo Busy", org="Globex", tier="close")
    people.add_person(account, "Cy Quiet", org="Initech", tier="active")
    interactions.log(account, [ana], "call", "mutual", "", date(2026, 11, 16))  # Monday
    interactions.log(account, [ana, bo], "email", "outbound", "", date(2026, 11, 17))
    interactions.log(account, [bo], "meeting", "mutual", "", date(2026, 10, 1))
    asks.make(account, ana, "Could you introduce me to a PMM at Acme? Thanks!", when=date(2026, 11, 16))
    f1 = favors.record(account, ana, "received", "introduction", when=date(2026, 11, 2))
    favors.record(account, bo, "received", "advice", when=date(2026, 11, 3))
    favors.record(account, bo, "given", "advice", when=date(2026, 11, 4))
    thank = next(x for x in f1.loops_opened if x.kind == "thank")
    loops.close(account, thank.id, date(2026, 11, 3))
    lead = leads.add(account, "Acme", "PMM", via=ana, when=date(2026, 11, 5))
    leads.move(account, lead.id, "interviewing", date(2026, 11, 10))
    leads.add(account, "Globex", "PM", when=date(2026, 11, 6), source="posting")
    return account


def test_report_numbers(history):
    data = reports.build(history, TODAY, date(2026, 9, 1))
    week = next(w for w in data["activity"] if w["week"] == "2026-11-16")
    assert week["call"] == 1 and week["email"] == 1 and week["meeting"] == 0
    assert sum(w["count"] for w in data["asks"]) == 1
    assert sum(w["received"] for w in data["ledger"]) == 4.0  # introduction 3 + advice 1
    assert sum(w["given"] for w in data["ledger"]) == 1.0
    closure = data["loop_closure"]
    assert closure["favors_received"] == 2 and closure["thanked_within_2_days"] == 1
    assert closure["thanked_share"] == 0.5
    by_source = {s["source"]: s for s in data["leads"]["by_source"]}
    assert by_source["person"] == {"source": "person", "leads": 1, "interviews": 1, "offers": 0}
    assert by_source["posting"]["interviews"] == 0
    assert data["leads"]["by_person"][0]["person"] == "Ana Able"
    cov = {t["tier"]: t for t in data["tier_coverage"]}
    assert cov["core"] == {"tier": "core", "people": 1, "overdue": 0, "cadence_days": 14}
    assert cov["active"]["overdue"] == 1  # never touched


def test_report_query_count_does_not_grow(history):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        reports.build(history, TODAY)
    for i in range(20):
        p = people.add_person(history, f"Extra {i}", org="Acme")
        favors.record(history, p, "received", "advice", when=date(2026, 11, 1))
        leads.add(history, "Acme", f"Role {i}", via=p, when=date(2026, 11, 1))
    with CaptureQueriesContext(connection) as large:
        reports.build(history, TODAY)
    assert len(large) == len(small)


def test_days_are_bucketed_into_monday_weeks_and_own_cadences_are_left_out(account):
    from goodloop.helploop.models import Ask
    from goodloop.network.models import Person

    ana = people.add_person(account, "Ana Able", tier="core")
    own = people.add_person(account, "Own Cadence", tier="core")
    Person.objects.filter(id=own.id).update(cadence_days=7)  # a cadence of their own: not the tier's
    for day in (date(2026, 11, 9), date(2026, 11, 15), date(2026, 11, 16)):  # Mon, Sun | next Mon
        interactions.log(account, [ana], "call", "mutual", "", day)
    interactions.log(account, [ana], "email", "outbound", "", date(2026, 11, 12))
    for day in (date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 12)):
        asks.make(account, ana, "Could you introduce me to a PMM at Acme? Thanks!", when=day)
    Ask.objects.filter(account=account, date=date(2026, 11, 10)).update(score=70)
    Ask.objects.filter(account=account, date=date(2026, 11, 11)).update(score=81)
    Ask.objects.filter(account=account, date=date(2026, 11, 12)).update(score=None)  # not in the average
    favors.record(account, ana, "received", "introduction", when=date(2026, 11, 9))
    favors.record(account, ana, "received", "share", when=date(2026, 11, 15))
    favors.record(account, ana, "given", "advice", when=date(2026, 11, 16))
    data = reports.build(account, TODAY, date(2026, 11, 1))
    activity = {w["week"]: (w["call"], w["email"]) for w in data["activity"]}
    assert activity == {"2026-11-09": (2, 1), "2026-11-16": (1, 0)}
    assert data["asks"] == [{"week": "2026-11-09", "count": 3, "average_score": 75.5}]
    assert data["ledger"] == [{"week": "2026-11-09", "received": 3.5, "given": 0.0},
                              {"week": "2026-11-16", "received": 0.0, "given": 1.0}]
    core = next(t for t in data["tier_coverage"] if t["tier"] == "core")
    assert core == {"tier": "core", "people": 1, "overdue": 0, "cadence_days": 14}  # not Own Cadence, not me

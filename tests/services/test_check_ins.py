"""Check-ins on Today: who is due, closest tiers first, longest unseen first, at any crowd size."""

from datetime import date, timedelta

import pytest

from goodloop.core import rules
from goodloop.network.models import Person
from goodloop.overview import agenda

TODAY = date(2026, 6, 1)


def _people(account, n, tier, last_touch=None, connected_on=None, cadence_days=None, prefix="P"):
    rows = [Person(account=account, display_name=f"{prefix}{tier}{i:04d}", tier=tier, last_touch=last_touch,
                   connected_on=connected_on, cadence_days=cadence_days) for i in range(n)]
    return Person.objects.bulk_create(rows)


def _check_ins(account):
    return [i for i in agenda.today(account, TODAY, limit=None) if i.kind == "check_in"]


@pytest.mark.django_db
def test_a_crowd_of_due_acquaintances_comes_a_few_a_day_earliest_due_first(account):
    # More due "active" people than the pool holds, due long before the friends (issue 13:
    # order by due date; a daily cap, so the crowd never turns into a wall of fifty).
    crowd = _people(account, agenda.CHECK_IN_POOL * 6, "active", last_touch=TODAY - timedelta(days=400))
    [friend] = _people(account, 1, "close", last_touch=TODAY - timedelta(days=40), prefix="Friend")
    [core] = _people(account, 1, "core", last_touch=TODAY - timedelta(days=20), prefix="Core")
    assert len(agenda._check_in_pool(account, TODAY)) == agenda.CHECK_IN_POOL
    items = _check_ins(account)
    assert len(items) == rules.AGENDA_DAILY_CHECK_INS
    assert all(i.due == TODAY - timedelta(days=400 - 90) for i in items)
    # Once the crowd has been seen, the friends are next by due date: close (due May 22), core (May 26).
    Person.objects.filter(id__in=[p.id for p in crowd]).update(last_touch=TODAY)
    assert [i.person_id for i in _check_ins(account)] == [friend.id, core.id]


@pytest.mark.django_db
def test_earliest_due_first_and_never_contacted_is_never_a_check_in(account):
    recent = _people(account, 3, "close", last_touch=TODAY - timedelta(days=31), prefix="Recent")
    [old] = _people(account, 1, "close", last_touch=TODAY - timedelta(days=300), prefix="Old")
    [never] = _people(account, 1, "close", connected_on=TODAY - timedelta(days=100), prefix="Never")
    _people(account, 2, "close", last_touch=TODAY - timedelta(days=10), prefix="Fresh")  # not due
    _people(account, 2, "close", prefix="Unknown")  # no date at all: nothing to count from
    _people(account, 2, "dormant", last_touch=TODAY - timedelta(days=900), prefix="Dormant")
    pool = agenda._check_in_pool(account, TODAY)
    assert [p.id for p, _ in pool][0] == old.id
    assert {p.id for p, _ in pool} == {old.id, *(p.id for p in recent)}
    # Connected 100 days ago, never contacted: a reconnect, not a check-in 70 days overdue.
    reconnects = [i for i in agenda.today(account, TODAY, limit=None) if i.kind == "reconnect"]
    assert never.id in [i.person_id for i in reconnects] and all(i.overdue_days == 0 for i in reconnects)


@pytest.mark.django_db
def test_a_cadence_set_by_hand_wins_over_the_tier(account):
    [weekly] = _people(account, 1, "wide", last_touch=TODAY - timedelta(days=9), cadence_days=7, prefix="Weekly")
    [patient] = _people(account, 1, "core", last_touch=TODAY - timedelta(days=30), cadence_days=60,
                        prefix="Patient")
    ids = {p.id for p, _ in agenda._check_in_pool(account, TODAY)}
    assert weekly.id in ids and patient.id not in ids

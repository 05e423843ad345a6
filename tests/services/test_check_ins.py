"""Check-ins on Today: who is due, closest tiers first, longest unseen first, at any crowd size."""

from datetime import date, timedelta

import pytest

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
def test_a_crowd_of_due_acquaintances_never_hides_a_due_close_friend(account):
    # More due "active" people than the pool holds; "active" sorts before "close" and "core"
    # alphabetically, which must not matter: the rank of the tier does.
    _people(account, agenda.CHECK_IN_POOL * 6, "active", last_touch=TODAY - timedelta(days=400))
    [friend] = _people(account, 1, "close", last_touch=TODAY - timedelta(days=40), prefix="Friend")
    [core] = _people(account, 1, "core", last_touch=TODAY - timedelta(days=20), prefix="Core")
    items = _check_ins(account)
    assert len(items) == agenda.CHECK_IN_POOL
    ids = [i.person_id for i in items]
    assert core.id in ids and friend.id in ids


@pytest.mark.django_db
def test_longest_unseen_first_within_a_tier_and_never_touched_counts_from_connection(account):
    recent = _people(account, 3, "close", last_touch=TODAY - timedelta(days=31), prefix="Recent")
    [old] = _people(account, 1, "close", last_touch=TODAY - timedelta(days=300), prefix="Old")
    [never] = _people(account, 1, "close", connected_on=TODAY - timedelta(days=100), prefix="Never")
    _people(account, 2, "close", last_touch=TODAY - timedelta(days=10), prefix="Fresh")  # not due
    _people(account, 2, "close", prefix="Unknown")  # no date at all: nothing to count from
    _people(account, 2, "dormant", last_touch=TODAY - timedelta(days=900), prefix="Dormant")
    pool = agenda._check_in_pool(account, TODAY)
    assert [p.id for p, _ in pool][:2] == [old.id, never.id]
    assert {p.id for p, _ in pool} == {old.id, never.id, *(p.id for p in recent)}


@pytest.mark.django_db
def test_a_cadence_set_by_hand_wins_over_the_tier(account):
    [weekly] = _people(account, 1, "wide", last_touch=TODAY - timedelta(days=9), cadence_days=7, prefix="Weekly")
    [patient] = _people(account, 1, "core", last_touch=TODAY - timedelta(days=30), cadence_days=60,
                        prefix="Patient")
    ids = {p.id for p, _ in agenda._check_in_pool(account, TODAY)}
    assert weekly.id in ids and patient.id not in ids

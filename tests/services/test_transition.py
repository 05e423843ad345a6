"""People in transition: a monthly check-in (on Today, with a draft) while they are looking;
landing ends it and offers a congratulations draft."""

from datetime import date

import pytest

from goodloop.errors import ServiceError
from goodloop.giving import requests, transition
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.overview import agenda

NOV2, NOV3, DEC3 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 12, 3)


@pytest.fixture
def ana(account):
    return people.add_person(account, "Ana Ruiz", org="Initech", tier="close", email="ana@initech.example")


def _check_ins(account, when):
    return [i for i in agenda.today(account, when) if i.kind == "check_in"]


def test_marking_seeking_opens_a_check_in_on_today(account, ana):
    result = transition.mark_seeking(account, ana, NOV2)
    ana.refresh_from_db()
    assert ana.job_seeking and result.created and result.loop.kind == "check_in" and result.loop.due == NOV2
    assert "What would help most right now" in result.draft
    items = _check_ins(account, NOV2)
    assert len(items) == 1 and items[0].person_name == "Ana Ruiz" and items[0].draft == result.draft
    assert "monthly check-in" in items[0].reason
    again = transition.mark_seeking(account, ana, NOV3)
    assert not again.created and again.loop.id == result.loop.id
    assert [t.person_id for t in transition.active(account)] == [ana.id]


def test_the_check_in_comes_back_monthly_while_they_look(account, ana):
    first = transition.mark_seeking(account, ana, NOV2).loop
    closed = loop_service.close(account, first.id, NOV3, "They want intros at Stripe")
    requests.on_loop_closed(account, closed, NOV3)
    nxt = Loop.objects.get(account=account, kind="check_in", status="open")
    assert nxt.due == DEC3 and nxt.id != first.id
    assert "1 month since you started looking" in nxt.draft
    assert _check_ins(account, NOV3) == []
    assert [i.ref for i in _check_ins(account, DEC3)] == [{"loop": nxt.id}]


def test_a_cadence_check_in_gives_way_to_the_transition_loop(account, ana):
    from goodloop.network import interactions

    interactions.log(account, [ana], "call", when=date(2026, 9, 1))  # close tier: 30 days, so due
    assert len(_check_ins(account, NOV2)) == 1
    transition.mark_seeking(account, ana, NOV2)
    items = _check_ins(account, NOV2)
    assert len(items) == 1 and "monthly check-in" in items[0].reason


def test_landing_ends_the_check_ins_and_offers_congratulations(account, ana):
    loop = transition.mark_seeking(account, ana, NOV2).loop
    result = transition.landed(account, ana, DEC3, organization="Stripe", role="Product Manager")
    ana.refresh_from_db()
    loop.refresh_from_db()
    assert not ana.job_seeking and loop.status == "skipped" and loop.note == "They landed."
    assert result.transition.landed_on == DEC3 and result.transition.landed_note == "Product Manager, Stripe"
    assert "congratulations on the new role as Product Manager at Stripe" in result.draft
    assert result.as_dict()["seeking"] is False
    items = _check_ins(account, DEC3)
    assert len(items) == 1 and items[0].draft == result.draft and "landed at Stripe" in items[0].reason
    # Closing the congratulations does not start another month.
    closed = loop_service.close(account, result.loop.id, DEC3)
    requests.on_loop_closed(account, closed, DEC3)
    assert not Loop.objects.filter(account=account, status="open").exists()
    assert list(transition.active(account)) == []


def test_landing_needs_a_search(account, ana):
    with pytest.raises(ServiceError, match="isn't marked as job-seeking"):
        transition.landed(account, ana, NOV2)
    with pytest.raises(ServiceError, match="not yourself"):
        transition.mark_seeking(account, people.resolve(account, "me"), NOV2)


def test_landing_after_job_seeking_was_set_on_the_person_page(account, ana):
    from goodloop.helploop import person_edit

    ana = person_edit.update(account, ana, job_seeking=True)
    result = transition.landed(account, ana, NOV3)
    assert result.transition.started_on == NOV3 and "congratulations on the new role!" in result.draft

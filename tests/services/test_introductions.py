"""Introductions: double opt-in drafts, trust and met-through, the introducer's report loop."""

from datetime import date

import pytest

from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.search import introductions


@pytest.fixture
def trio(account):
    return (people.add_person(account, "Ira Introducer", org="Hooli"),
            people.add_person(account, "Tara Target", org="Acme", title="VP Marketing"))


def test_requested_to_met(account, trio):
    ira, tara = trio
    intro = introductions.record(account, ira, account.me, tara, purpose="learn how Acme runs launches",
                                 when=date(2026, 11, 2))
    assert intro.status == "requested"
    drafts = introductions.drafts_for(account, intro)
    assert "Tara Target" in drafts["request"] and "forward" in drafts["request"]
    assert "learn how Acme runs launches" in drafts["request"]
    assert drafts["opt_in"].startswith("Hi Tara")
    introductions.move(account, intro.id, "opt_in_asked", date(2026, 11, 3))
    introductions.move(account, intro.id, "made", date(2026, 11, 4))
    tara.refresh_from_db()
    assert tara.trust_stage == "introduced" and tara.met_through_id == ira.id
    loops = {loop.kind: loop for loop in Loop.objects.filter(person=ira)}
    assert set(loops) == {"thank", "report"}
    assert loops["thank"].due == date(2026, 11, 6)
    introductions.move(account, intro.id, "met", date(2026, 11, 10))
    loops["report"].refresh_from_db()
    assert loops["report"].due == date(2026, 11, 13)  # 3 days after the introduction moved
    tara.refresh_from_db()
    assert tara.last_touch == date(2026, 11, 10)


def test_giver_introducing_two_people(account, trio):
    ira, tara = trio
    intro = introductions.record(account, account.me, ira, tara, status="made", when=date(2026, 11, 2))
    assert intro.status == "made"
    assert not Loop.objects.filter(kind="thank").exists()
    assert ira.favors.get().direction == "given" and tara.favors.get().direction == "given"


def test_three_different_people(account, trio):
    from goodloop.errors import ServiceError

    with pytest.raises(ServiceError, match="three different people"):
        introductions.record(account, trio[0], trio[0], trio[1])
    with pytest.raises(ServiceError, match="status must be one of"):
        introductions.record(account, trio[0], account.me, trio[1], status="maybe")

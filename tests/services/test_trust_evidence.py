"""Trust follows all the evidence, recomputed by every writer; one stage everywhere; the
relationship-building rhythm after an introduction (issue 13, item 5)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from goodloop.errors import ServiceError
from goodloop.helploop import favors, person_edit, rhythm, trust
from goodloop.network import interactions, people
from goodloop.overview import agenda
from goodloop.search import introductions
from goodloop.web.pages.helploop import person_panels

D = date(2026, 3, 2)


def stage(person):
    person.refresh_from_db()
    return person.trust_stage


def test_interactions_alone_move_trust_both_ways_and_calls_reach_rapport(account):
    old = people.add_person(account, "Wendell Park", org="Lumen Freight")
    interactions.log(account, [old], "email", "outbound", "said hello", D)
    assert stage(old) == "stranger"  # one-way contact is not a relationship
    interactions.log(account, [old], "email", "inbound", "wrote back", D)
    assert stage(old) == "acquainted"
    interactions.log(account, [old], "call", "mutual", "caught up on the old team", D)
    interactions.log(account, [old], "call", "mutual", "talked about the market", D)
    assert stage(old) == "acquainted"
    interactions.log(account, [old], "meeting", "mutual", "coffee near the old office", D)
    assert stage(old) == "rapport"  # three real conversations both ways: a close ex-colleague
    result = trust.evaluate(account, old)
    assert result.stage == "rapport" and "3 calls or meetings" in result.reason


def test_every_writer_recomputes_favors_and_introductions(account):
    ira = people.add_person(account, "Ira Levin", org="Northgate")
    tess = people.add_person(account, "Tess Moreau", org="Quillon")
    intro = introductions.record(account, ira, account.me, tess, "hear how Quillon hires designers",
                                 when=D)
    introductions.move(account, intro.id, "made", D)
    assert stage(tess) == "introduced"
    introductions.move(account, intro.id, "met", date(2026, 3, 9))
    assert stage(tess) == "acquainted"  # the meeting is a real conversation, both ways
    favors.record(account, tess, "received", "advice", "how their design loop runs", date(2026, 3, 9))
    assert stage(tess) == "rapport"
    favors.record(account, ira, "received", "reference", "spoke to the hiring manager", date(2026, 3, 10))
    assert stage(ira) == "advocate"


def test_hand_set_stage_holds_until_evidence_passes_it(account):
    kim = people.add_person(account, "Kim Adebayo", org="Fernway")
    person_edit.update(account, kim, trust_stage="rapport")
    kim.refresh_from_db()
    assert kim.trust_stage == "rapport" and kim.trust_set_by_hand
    interactions.log(account, [kim], "email", "mutual", "planning", D)  # acquainted by evidence: below
    kim.refresh_from_db()
    assert kim.trust_stage == "rapport" and kim.trust_set_by_hand
    favors.record(account, kim, "received", "referral", "put my name forward", D)  # advocate: passes it
    kim.refresh_from_db()
    assert kim.trust_stage == "advocate" and not kim.trust_set_by_hand
    with pytest.raises(ServiceError, match="evidence already supports advocate"):
        person_edit.update(account, kim, trust_stage="acquainted")


def test_person_page_shows_one_stage(client, account):
    ana = people.add_person(account, "Ana Ruiz", org="Tidewater")
    interactions.log(account, [ana], "call", "mutual", "talked shop", D)
    favors.record(account, ana, "given", "advice", "read her deck", D)
    shown = person_panels(account, ana, D)["trust"]
    assert shown.stage == stage(ana) == "rapport"
    html = client.get(reverse("person", args=[ana.id])).content.decode()
    assert set(re.findall(r'class="badge trust-(\w+)"', html)) == {"rapport"}
    assert "trust: rapport" in html


def test_building_rhythm_after_an_introduction(account):
    ira = people.add_person(account, "Ira Levin", org="Northgate")
    tess = people.add_person(account, "Tess Moreau", org="Quillon")
    intro = introductions.record(account, ira, account.me, tess, "hear how Quillon hires", when=D)
    introductions.move(account, intro.id, "made", D)
    met = date(2026, 3, 10)
    introductions.move(account, intro.id, "met", met)
    tess.refresh_from_db()
    assert tess.tier == "active"  # settles into a closer tier than the default afterwards
    st = rhythm.status_for(account, tess, date(2026, 3, 12))
    assert st.next_due == date(2026, 3, 17) and not st.due  # a week after meeting
    day = date(2026, 3, 17)
    items = [i for i in agenda.today(account, day) if i.person_name == "Tess Moreau"]
    assert [i.kind for i in items] == ["check_in"]
    assert "Building the relationship" in items[0].reason and "Ira Levin" in items[0].reason
    assert items[0].draft.startswith("Hi Tess, thank you again for making time to meet last week")
    interactions.log(account, [tess], "email", "outbound", "thanks for meeting", day)
    st = rhythm.status_for(account, tess, day)
    assert st.next_due == date(2026, 4, 16) and "monthly" in st.reason  # then monthly
    # Three months of monthly check-ins, then the tier's own rhythm takes over.
    for touch in (date(2026, 4, 16), date(2026, 5, 16)):
        interactions.log(account, [tess], "email", "outbound", "monthly hello", touch)
    later = rhythm.status_for(account, tess, date(2026, 6, 1))
    assert later.next_due == date(2026, 6, 15)
    interactions.log(account, [tess], "email", "outbound", "monthly hello", date(2026, 6, 15))
    tess.refresh_from_db()
    settled = rhythm.status_for(account, tess, date(2026, 6, 20))
    assert "active tier" in settled.reason and settled.next_due == date(2026, 9, 13)

"""Merging moves everything and loses nothing; undo puts every row back."""

from datetime import date

import pytest

from goodloop.helploop import asks, favors
from goodloop.helploop.models import Favor, Loop
from goodloop.network import interactions, people
from goodloop.network import queries as network_queries
from goodloop.network.models import ContactPoint, Person, Role
from goodloop.search import leads
from goodloop.search.models import Introduction
from goodloop.transfer import merge


@pytest.fixture
def pair(account):
    a = people.add_person(account, "Ada Lovelace", org="Engines", title="Engineer", email="ada@engines.example",
                          tags=["math"])
    b = people.add_person(account, "A. Lovelace", org="Engines", title="Engineer", email="ada@home.example",
                          phone="+1 415 555 0100", tags=["poetry"])
    other = people.add_person(account, "Charles Babbage", org="Engines")
    interactions.log(account, [a], "call", "mutual", "first", date(2026, 10, 1))
    interactions.log(account, [b, other], "meeting", "mutual", "second", date(2026, 10, 5))
    interactions.log(account, [a, b], "email", "outbound", "shared", date(2026, 10, 6))
    favors.record(account, b, "received", "introduction", when=date(2026, 10, 7))
    asks.make(account, b, "Could you introduce me to an engineer at Engines? Thanks!", when=date(2026, 10, 8))
    lead = leads.add(account, "Engines", "Analyst", via=b, when=date(2026, 10, 9))
    Introduction.objects.create(account=account, introducer=b, introducee=account.me, introduced=other,
                                requested_on=date(2026, 10, 1), status_changed_on=date(2026, 10, 1))
    return a, b, other, lead


def snapshot(account, person_ids):
    return {
        "people": sorted(Person.objects.filter(account=account).values_list("id", "display_name", "organization_id",
                                                                               "title", "tier", "last_touch")),
        "points": sorted(ContactPoint.objects.filter(account=account).values_list("person_id", "kind", "key")),
        "roles": sorted(Role.objects.filter(account=account).values_list("person_id", "organization_id", "title",
                                                                          "current")),
        "interactions": sorted((i.id, tuple(sorted(p.id for p in i.people.all())))
                               for i in interactions.Interaction.objects.filter(account=account)),
        "favors": sorted(Favor.objects.filter(account=account).values_list("id", "person_id")),
        "loops": sorted(Loop.objects.filter(account=account).values_list("id", "person_id")),
        "tags": {pid: sorted(Person.objects.get(id=pid).tags.values_list("name", flat=True)) for pid in person_ids},
        "intros": sorted(Introduction.objects.filter(account=account).values_list("introducer_id", "introduced_id")),
    }


def test_merge_moves_everything(account, pair):
    a, b, other, lead = pair
    kept = merge.merge_people(account, a, b)
    assert not Person.objects.filter(id=b.id).exists()
    assert sorted(ContactPoint.objects.filter(person=kept).values_list("value", flat=True)) == [
        "+1 415 555 0100", "ada@engines.example", "ada@home.example"]
    assert interactions.for_person(account, kept).count() == 3
    assert Favor.objects.get().person_id == kept.id
    assert Loop.objects.filter(person=kept).count() == 2
    assert Introduction.objects.get().introducer_id == kept.id
    assert list(lead.contributors.values_list("id", flat=True)) == [kept.id]
    assert sorted(kept.tags.values_list("name", flat=True)) == ["math", "poetry"]
    assert Role.objects.filter(person=kept).count() == 1  # same organization and title: one role


def test_undo_restores_the_store(account, pair):
    a, b, other, lead = pair
    before = snapshot(account, [a.id, b.id])
    merge.merge_people(account, a, b)
    (record,) = network_queries.merge_history(account, a)
    assert record.gone_name == "A. Lovelace"
    back = merge.undo(account, record.id)
    assert back.id == b.id
    assert snapshot(account, [a.id, b.id]) == before
    assert network_queries.merge_history(account, a) == []


def test_undo_twice_is_refused(account, pair):
    from goodloop.errors import ServiceError

    a, b, *_ = pair
    merge.merge_people(account, a, b)
    rec = network_queries.merge_history(account, a)[0]
    merge.undo(account, rec.id)
    with pytest.raises(ServiceError, match="already undone"):
        merge.undo(account, rec.id)

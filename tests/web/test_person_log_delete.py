"""Log a conversation from the Person page and from Today (htmx swaps the timeline in place), and
delete a person with a confirmation step and an undo that brings everything back."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from goodloop import clock
from goodloop.accounts.models import Account
from goodloop.errors import ServiceError
from goodloop.helploop import asks, favors
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import interactions, people, undelete
from goodloop.network.models import ContactPoint, DeletedPerson, Interaction, Person, Role
from goodloop.search import introductions, leads
from goodloop.search.models import Introduction
from tests.web.network import build, grow, queries_for

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def daniel(account):
    return people.add_person(account, "Daniel Park", org="Northwind Analytics", title="Data Lead",
                             email="dpark@northwind.example")


@pytest.mark.django_db
def test_log_a_call_without_javascript(client, account, daniel):
    page = client.get(reverse("person", args=[daniel.id])).content.decode()
    assert f'action="{reverse("person_log", args=[daniel.id])}"' in page
    assert f'value="{clock.today(account).isoformat()}"' in page  # the date defaults to the account's today
    response = client.post(reverse("person_log", args=[daniel.id]),
                           {"channel": "call", "direction": "mutual", "summary": "Talked about the data team"})
    assert response.status_code == 302
    interaction = Interaction.objects.get(account=account)
    assert (interaction.channel, interaction.direction, interaction.date) == ("call", "mutual", clock.today(account))
    daniel.refresh_from_db()
    assert daniel.last_touch == clock.today(account)
    html = client.get(response["Location"]).content.decode()
    assert "Logged a call with Daniel Park" in html and "Talked about the data team" in html


@pytest.mark.django_db
def test_log_with_htmx_swaps_the_timeline_in_place(client, account, daniel):
    response = client.post(reverse("person_log", args=[daniel.id]),
                           {"channel": "meeting", "direction": "inbound", "date": "2025-03-14",
                            "summary": "Coffee at the office", "uid": ""}, **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="timeline" aria-labelledby="h-timeline" hx-swap-oob="true"' in html
    assert "Coffee at the office" in html and "1 interaction" in html
    assert 'id="agenda-status"' in html and "Logged a meeting with Daniel Park on Mar 14." in html
    assert 'id="log-form"' in html  # a fresh form replaces the one used
    # What the conversation changed is swapped in too: last touch, rhythm, trust and strength.
    for panel in ('<p class="badges" id="person-badges"', '<section class="panel" id="details-panel"',
                  '<section class="panel" id="rhythm-panel"', '<section class="panel" id="strength-panel"'):
        assert re.search(re.escape(panel) + r'[^>]*hx-swap-oob="true"', html), panel
    details = html[html.index('id="details-panel"'):]
    assert re.search(r"<dt>Last touch</dt><dd>Mar 14, 2025", details)
    assert "No contact recorded yet" not in html
    page = client.get(reverse("person", args=[daniel.id])).content.decode()
    assert "hx-swap-oob" not in page  # on the page itself they are plain panels
    for panel in ("person-badges", "details-panel", "rhythm-panel", "strength-panel"):
        assert page.count(f'id="{panel}"') == 1


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"channel": "pigeon", "direction": "mutual"}, "channel", "Select a valid choice"),
    ({"channel": "call", "direction": "sideways"}, "direction", "Select a valid choice"),
    ({"channel": "call", "direction": "mutual", "date": "2025-13-40"}, "date", "Enter a date as YYYY-MM-DD"),
    ({"channel": "call", "direction": "mutual", "date": "1066-10-14"}, "date", "1900"),
])
def test_bad_input_is_said_next_to_the_field(client, account, daniel, data, field, message):
    url = reverse("person_log", args=[daniel.id])
    fragment = client.post(url, data | {"uid": "-3"}, **HX)
    assert fragment.status_code == 200  # htmx swaps the form back, open, with the message
    assert re.search(rf'id="log-3-{field}-error">[^<]*{re.escape(message)}', unescape(fragment.content.decode()))
    page = client.post(url, data)
    assert page.status_code == 400
    assert re.search(rf'id="log-{field}-error">[^<]*{re.escape(message)}', unescape(page.content.decode()))
    assert not Interaction.objects.filter(account=account).exists()


@pytest.mark.django_db
def test_log_from_a_today_item(client, account, daniel):
    ask = asks.make(account, daniel, "Could you introduce me to someone on the Northwind data team?",
                    status="sent", when=clock.today(account) - timedelta(days=10)).ask
    today = client.get(reverse("today")).content.decode()
    assert f'action="{reverse("person_log", args=[daniel.id])}"' in today
    response = client.post(reverse("person_log", args=[daniel.id]),
                           {"channel": "email", "direction": "inbound", "summary": "He replied", "mode": "today",
                            "uid": "-1"}, **HX)
    html = response.content.decode()
    assert "Logged an email with Daniel Park" in html and 'id="timeline"' not in html
    assert Interaction.objects.filter(account=account, channel="email").exists()
    assert Ask.objects.filter(id=ask.id).exists()


@pytest.mark.django_db
def test_another_accounts_person_is_404(client, account):
    other = Account.objects.create(name="other")
    theirs = people.add_person(other, "Their Person")
    assert client.post(reverse("person_log", args=[theirs.id]), {"channel": "call", "direction": "mutual"}).status_code == 404
    assert client.get(reverse("person_delete", args=[theirs.id])).status_code == 404
    assert client.post(reverse("person_delete", args=[theirs.id])).status_code == 404
    record = undelete.delete_with_undo(other, people.add_person(other, "Gone Person").id)
    assert client.post(reverse("person_delete_undo", args=[record.id])).status_code == 404
    assert Person.objects.filter(account=other, display_name="Their Person").exists()
    assert not Interaction.objects.filter(account=other).exists()


def _rich(account, daniel):
    """Daniel with an ask, a favor (and its loops), a lead credit, an introduction, roles, tags,
    a conversation of his own and one shared with Ana."""
    ana = people.add_person(account, "Ana Diaz", org="Globex")
    people.set_current_role(account, daniel, "Globex", "Analyst")
    daniel.tags.add(*[t for t in people.add_person(account, "Tagger", tags=["alumni"]).tags.all()])
    people.add_contact_point(account, daniel, ContactPoint.PHONE, "+1 555 0100")
    when = date(2025, 3, 3)
    interactions.log(account, [daniel], "call", "mutual", "Just us", when)
    interactions.log(account, [daniel, ana], "meeting", "mutual", "The three of us", when)
    asks.make(account, daniel, "Could you introduce me to a data lead at Globex?", status="sent", when=when)
    favors.record(account, daniel, "received", "introduction", note="Introduced me to Ana", when=when)
    lead = leads.add(account, "Globex", "Analyst", via=daniel)
    lead.contributors.add(daniel)
    me = people.resolve(account, "me")
    introductions.record(account, daniel, me, ana, purpose="Data team", when=when)
    return ana, lead


def _state(account, person_id):
    return {
        "asks": sorted(Ask.objects.filter(account=account, person_id=person_id).values_list("id", "text", "status")),
        "favors": sorted(Favor.objects.filter(account=account, person_id=person_id).values_list("id", "kind")),
        "loops": sorted(Loop.objects.filter(account=account, person_id=person_id).values_list("id", "kind", "status")),
        "roles": sorted(Role.objects.filter(person_id=person_id).values_list("id", "organization_id", "title", "current")),
        "points": sorted(ContactPoint.objects.filter(person_id=person_id).values_list("id", "kind", "value")),
        "interactions": sorted(Interaction.objects.filter(interactionperson__person_id=person_id)
                               .values_list("id", "summary")),
        "tags": sorted(Person.objects.get(id=person_id).tags.values_list("name", flat=True)),
        "intros": sorted(Introduction.objects.filter(account=account, introducer_id=person_id)
                         .values_list("id", "status", "introduced_id")),
    }


@pytest.mark.django_db
def test_delete_asks_first_then_undo_brings_everything_back(client, account, daniel):
    ana, lead = _rich(account, daniel)
    before = _state(account, daniel.id)
    assert before["asks"] and before["favors"] and before["loops"] and len(before["roles"]) == 2
    assert before["intros"] and len(before["interactions"]) == 2 and before["tags"] == ["alumni"]
    confirm = client.get(reverse("person_delete", args=[daniel.id])).content.decode()
    assert "Delete Daniel Park?" in confirm and "1 ask" in confirm and "1 favor" in confirm
    assert "You can undo this for 10 minutes" in confirm
    assert Person.objects.filter(id=daniel.id).exists()  # the GET deletes nothing
    response = client.post(reverse("person_delete", args=[daniel.id]))
    assert response.status_code == 302
    assert not Person.objects.filter(id=daniel.id).exists()
    assert not Ask.objects.filter(person_id=daniel.id).exists()
    assert Interaction.objects.filter(summary="The three of us").exists()  # shared: stays with Ana
    assert not Interaction.objects.filter(summary="Just us").exists()
    people_page = client.get(response["Location"]).content.decode()
    record = DeletedPerson.objects.get(account=account)
    assert "Deleted Daniel Park." in people_page
    assert f'action="{reverse("person_delete_undo", args=[record.id])}"' in people_page
    back = client.post(reverse("person_delete_undo", args=[record.id]))
    assert back.status_code == 302 and back["Location"] == reverse("person", args=[daniel.id])
    assert _state(account, daniel.id) == before
    lead.refresh_from_db()
    assert lead.source_person_id == daniel.id and list(lead.contributors.values_list("id", flat=True)) == [daniel.id]
    assert not DeletedPerson.objects.filter(account=account).exists()
    assert "Daniel Park is back" in client.get(back["Location"]).content.decode()


@pytest.mark.django_db
def test_undo_expires(client, account, daniel):
    record = undelete.delete_with_undo(account, daniel.id)
    DeletedPerson.objects.filter(id=record.id).update(deleted_at=timezone.now() - timedelta(minutes=11))
    assert 'person_delete_undo' not in client.get(reverse("people") + f"?deleted={record.id}").content.decode()
    response = client.post(reverse("person_delete_undo", args=[record.id]))
    assert "too late to undo" in client.get(response["Location"]).content.decode()
    assert not Person.objects.filter(id=daniel.id).exists()
    assert not DeletedPerson.objects.filter(id=record.id).exists()  # the snapshot is purged


@pytest.mark.django_db
def test_you_cannot_delete_yourself(client, account):
    me = people.resolve(account, "me")
    assert client.post(reverse("person_delete", args=[me.id])).status_code == 404  # "me" has no Person page
    with pytest.raises(ServiceError, match="you cannot delete yourself"):
        undelete.delete_with_undo(account, me.id)
    assert Person.objects.filter(id=me.id).exists()


@pytest.mark.django_db
def test_query_counts_do_not_grow(client, account):
    made = build(account, 10)
    person = made[3]
    sizes = []
    for extra in (0, 30):
        grow(account, extra)
        sizes.append((queries_for(client, reverse("person_delete", args=[person.id])),
                      queries_for(client, reverse("people") + "?deleted=1")))
    assert sizes[0] == sizes[1]

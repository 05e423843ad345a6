"""Record a favor: the form, field errors, and the loops it opened."""

import re
from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import people
from tests.web.network import build, grow, queries_for

URL = reverse("favor_new")


@pytest.fixture
def ana(account):
    return people.add_person(account, "Ana Diaz", org="eBay", title="Product Marketing Manager")


@pytest.mark.django_db
def test_the_form(client, ana):
    response = client.get(URL, {"direction": "given", "person": str(ana.id)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Record a favor</h1>" in html
    assert re.search(r'<input type="radio" name="direction" value="given"[^>]*checked', html)
    assert 'name="person"' in html and f'value="{ana.id}"' in html and 'list="people-options"' in html
    assert '<option value="resume_feedback">' in html


@pytest.mark.django_db
def test_a_favor_received_shows_the_loops_it_opened(client, ana):
    response = client.post(URL, {"direction": "received", "person": f"#{ana.id} Ana Diaz", "kind": "introduction",
                                 "note": "introduced me to Bo Chen", "date": "2025-03-03"})
    assert response.status_code == 302
    favor = Favor.objects.get()
    assert response["Location"] == f"{URL}?recorded={favor.id}"
    assert (favor.person, favor.kind, favor.date, favor.note) == (ana, "introduction", date(2025, 3, 3),
                                                                  "introduced me to Bo Chen")
    html = client.get(response["Location"]).content.decode()
    assert "Recorded: introduction from" in html
    result = html.split('id="favor-result"')[1].split("</div>")[0]
    assert "Thank</span> due <time datetime=\"2025-03-05\">Wed Mar 5</time>" in result
    assert "Report</span> due" in result and 'datetime="2025-04-02"' in result
    assert f'href="{reverse("today")}"' in result


@pytest.mark.django_db
def test_a_favor_given_opens_nothing(client, ana):
    response = client.post(URL, {"direction": "given", "person": str(ana.id), "kind": "share"}, follow=True)
    assert "It is in the ledger; nothing is owed back." in response.content.decode()
    assert not Loop.objects.exists()


@pytest.mark.django_db
def test_linked_to_an_ask_answers_it(client, ana):
    ask = asks.make(ana.account, ana, "Could you introduce me to a PMM at eBay? Thanks!").ask
    client.post(URL, {"direction": "received", "person": str(ana.id), "kind": "introduction", "ask": ask.id})
    assert Favor.objects.get().ask == ask
    ask.refresh_from_db()
    assert ask.status == "answered"


@pytest.mark.django_db
def test_from_the_person_page_it_goes_back_there_with_the_loops_in_a_message(client, ana):
    back = reverse("person", args=[ana.id])
    response = client.post(URL, {"direction": "received", "person": f"#{ana.id} Ana Diaz", "kind": "advice",
                                 "date": "2025-03-03", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    html = client.get(back).content.decode()
    assert "Recorded advice from Ana Diaz. Loops opened: thank due Wed Mar 5; report due Mon Mar 17." in html
    response = client.post(URL, {"direction": "received", "person": str(ana.id), "kind": "advice",
                                 "next": "https://evil.example/"})
    assert response["Location"].startswith(URL)


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"person": "Nobody Known"}, "person", "No one called Nobody Known — add Nobody Known?"),
    ({"person": "me"}, "person", "name someone else"),
    ({"kind": "bribe"}, "kind", "Select a valid choice"),
    ({"date": "2025-02-30"}, "date", "Enter a date as YYYY-MM-DD"),
    ({"ask": "9999"}, "ask", "Select a valid choice"),  # the form offers my open asks by their text
    ({"lead": "9999"}, "lead", "no lead with id 9999"),
    ({"ask": "x"}, "ask", "Select a valid choice"),
])
def test_errors_are_shown_next_to_the_field(client, ana, data, field, message):
    response = client.post(URL, {"direction": "received", "person": str(ana.id), "kind": "advice", **data})
    assert response.status_code == 400
    html = response.content.decode()
    block = html.split(f'<label for="id_{field}">')[1].split('<div class="field')[0]
    assert f'<p class="field-error" id="id_{field}_error">' in block and message in block
    assert re.search(rf'<(input|select|textarea)[^>]*name="{field}"[^>]*aria-invalid="true"', block)
    assert not Favor.objects.exists()


@pytest.mark.django_db
def test_another_accounts_people_and_asks_are_unknown(client, ana):
    other = Account.objects.create(name="other")
    zed = people.add_person(other, "Zed Outsider")
    theirs = asks.make(other, zed, "Any openings?").ask
    response = client.post(URL, {"direction": "received", "person": str(zed.id), "kind": "advice"})
    assert response.status_code == 400 and f"no person with id {zed.id}" in response.content.decode()
    response = client.post(URL, {"direction": "received", "person": str(ana.id), "kind": "advice",
                                 "ask": theirs.id})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert "Any openings" not in client.get(URL).content.decode()
    other_favor = Favor.objects.create(account=other, person=zed, direction="given", kind="share",
                                       date=date(2025, 1, 1))
    html = client.get(URL, {"recorded": other_favor.id}).content.decode()
    assert "Zed" not in html and "Recorded:" not in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    client.post(URL, {"direction": "received", "person": str(made[0].id), "kind": "referral"})
    url = f"{URL}?recorded={Favor.objects.get().id}"
    small = queries_for(client, url)
    grow(account, 180)
    for p in made[1:15]:
        client.post(URL, {"direction": "received", "person": str(p.id), "kind": "referral"})
    assert queries_for(client, url) == small <= 6, small


@pytest.mark.django_db
def test_the_form_offers_the_persons_open_asks_by_their_text(client, account, ana):
    bo = people.add_person(account, "Bo Other")
    mine = asks.make(account, ana, "Could you tell me how the analytics team at Acme hires?",
                     when=date(2025, 3, 3)).ask
    asks.make(account, bo, "Would you read my portfolio before Friday?", when=date(2025, 3, 3))
    from goodloop.giving import requests

    requests.record(account, ana, "Could you review my cover letter for a design role?", date(2025, 3, 4))
    html = client.get(URL, {"person": f"#{ana.id} {ana.display_name}"}).content.decode()
    select = html.split('name="ask"')[1].split("</select>")[0]
    assert f'value="{mine.id}"' in select and "how the analytics team at Acme hires" in select
    assert "portfolio" not in select and "cover letter" not in select  # Bo's ask; a request made of me
    assert "Ask id" not in html
    # The ask to Bo, linked to help from Ana, is refused next to the field with a reason.
    bo_ask = Ask.objects.get(person=bo)
    response = client.post(URL, {"direction": "received", "person": str(ana.id), "kind": "advice",
                                 "ask": bo_ask.id})
    assert response.status_code == 400 and "went to Bo Other, not Ana" in response.content.decode()
    response = client.post(URL, {"direction": "received", "person": str(ana.id), "kind": "advice",
                                 "ask": mine.id, "date": "2025-03-06"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "answered" and mine.closed_on == date(2025, 3, 6) and "helped: advice" in mine.closed_reason

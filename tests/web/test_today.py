"""Today: the ranked agenda with reasons, drafts, copy, one-click done, and "pretend today is"."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks, favors
from goodloop.helploop.models import Ask, Loop
from goodloop.network import interactions, people
from goodloop.network.models import Interaction
from tests.web.network import build, grow, queries_for

MONDAY = date(2025, 3, 3)
THURSDAY = MONDAY + timedelta(days=3)
URL = reverse("today")
DONE = reverse("agenda_done")
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def helped(account):
    ana = people.add_person(account, "Ana Diaz", org="eBay", title="Product Marketing Manager", tier="close")
    favors.record(account, ana, "received", "introduction", note="introduced me to Bo Chen at Acme", when=MONDAY)
    return ana


def day(d: date) -> str:
    return f"{URL}?date={d.isoformat()}"


@pytest.mark.django_db
def test_an_overdue_thank_you_comes_first_with_reason_draft_copy_and_done(client, helped):
    response = client.get(day(THURSDAY))
    assert response.status_code == 200
    html = response.content.decode()
    first = html.split('<li class="agenda-item')[1]
    assert 'kind-thank' in first and ">Thank</span>" in first
    assert f'href="/people/{helped.id}/">Ana Diaz</a>' in first
    assert "1 day overdue" in first and 'datetime="2025-03-05"' in first
    assert "Why:</span>" in first and "thank within 2 days" in first
    assert re.search(r'<textarea id="draft-1"[^>]*>[^<]*Ana', first)
    assert 'data-copy="draft-1"' in first and "Copy draft" in first
    loop = Loop.objects.get(person=helped, kind="thank")
    assert f'name="loop" value="{loop.id}"' in first and 'hx-post="/today/done/"' in first
    assert '/static/goodloop/helploop/helploop.js' in html and "https://" not in html.split("<body>")[1]


@pytest.mark.django_db
def test_done_closes_the_loop_and_htmx_removes_the_item(client, helped):
    loop = Loop.objects.get(person=helped, kind="thank")
    response = client.post(DONE, {"loop": loop.id, "kind": "thank", "date": THURSDAY.isoformat()}, **HX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith('<p id="agenda-status"') and 'hx-swap-oob="true"' in body
    assert "Done: thank for Ana Diaz." in body
    loop.refresh_from_db()
    assert (loop.status, loop.closed_on) == ("done", THURSDAY)
    assert "introduced me to Bo Chen" not in client.get(day(THURSDAY)).content.decode().split("Thank</span>")[0]
    assert f'name="loop" value="{loop.id}"' not in client.get(day(THURSDAY)).content.decode()


@pytest.mark.django_db
def test_done_without_htmx_redirects_back_to_the_same_day_with_a_message(client, helped):
    loop = Loop.objects.get(person=helped, kind="thank")
    response = client.post(DONE, {"loop": loop.id, "date": THURSDAY.isoformat()})
    assert response.status_code == 302 and response["Location"] == day(THURSDAY)
    assert "Done: thank for Ana Diaz." in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_done_twice_is_refused_in_the_status_line_and_the_item_stays(client, helped):
    loop = Loop.objects.get(person=helped, kind="thank")
    client.post(DONE, {"loop": loop.id}, **HX)
    response = client.post(DONE, {"loop": loop.id}, **HX)
    assert response.status_code == 200 and response["HX-Reswap"] == "none"
    assert "already done" in response.content.decode() and "refused" in response.content.decode()


@pytest.mark.django_db
def test_a_follow_up_records_the_3b7_step(client, account):
    bo = people.add_person(account, "Bo Chen", org="Acme", tier="active")
    ask = asks.make(account, bo, "Could you introduce me to a product manager at Acme? Thanks!",
                    when=MONDAY).ask
    html = client.get(day(MONDAY + timedelta(days=4))).content.decode()  # Friday: 4 business days
    assert "Follow up</span>" in html and f'name="ask" value="{ask.id}"' in html
    assert 'name="action" value="second_contact"' in html and "Contacted someone else" in html
    response = client.post(DONE, {"ask": ask.id, "action": "second_contact"}, **HX)
    assert response.status_code == 200 and "second contact made" in response.content.decode()
    assert Ask.objects.get(id=ask.id).second_contact_done


@pytest.mark.django_db
def test_a_check_in_done_logs_an_outbound_message(client, account):
    cy = people.add_person(account, "Cy Park", org="Globex", tier="close")
    from goodloop.network import interactions

    interactions.log(account, [cy], "call", "mutual", "Catch-up", MONDAY)
    when = MONDAY + timedelta(days=40)
    html = client.get(day(when)).content.decode()
    assert "Check in</span>" in html and f'name="person" value="{cy.id}"' in html
    response = client.post(DONE, {"person": cy.id, "kind": "check_in", "date": when.isoformat()}, **HX)
    assert response.status_code == 200
    logged = Interaction.objects.filter(account=account, date=when).get()
    assert (logged.channel, logged.direction, logged.summary) == ("message", "outbound", "Checked in")
    cy.refresh_from_db()
    assert cy.last_touch == when
    assert f'name="person" value="{cy.id}"' not in client.get(day(when)).content.decode()


@pytest.mark.django_db
def test_a_malformed_date_is_an_error_next_to_the_field(client, helped):
    response = client.get(URL + "?date=2025-13-45")
    assert response.status_code == 400
    html = response.content.decode()
    block = html.split('<label for="id_date">')[1].split("</form>")[0]
    assert '<p class="field-error" id="id_date_error">Enter a date as YYYY-MM-DD' in block
    assert 'aria-invalid="true"' in block


@pytest.mark.django_db
def test_done_with_a_bad_ref_is_refused(client, helped):
    response = client.post(DONE, {"kind": "thank"}, **HX)
    assert response.status_code == 200 and "nothing to mark done" in response.content.decode()
    response = client.post(DONE, {"ask": 1, "action": "shout"}, **HX)
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_another_accounts_items_are_a_404(client, helped):
    other = Account.objects.create(name="other")
    zed = people.add_person(other, "Zed Outsider")
    favors.record(other, zed, "received", "advice", when=MONDAY)
    theirs = Loop.objects.get(account=other, kind="thank")
    assert client.post(DONE, {"loop": theirs.id}, **HX).status_code == 404
    assert client.post(DONE, {"person": zed.id}, **HX).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "open" and not Interaction.objects.filter(account=other).exists()
    assert "Zed Outsider" not in client.get(day(THURSDAY)).content.decode()


@pytest.mark.django_db
def test_empty_network_gets_a_way_to_start(client, account):
    html = client.get(URL).content.decode()
    assert "Getting started" in html and "goodloop --home" in html
    assert f'href="{reverse("favor_new")}?direction=given"' in html


@pytest.mark.django_db
def test_nothing_due_suggests_giving(client, account):
    dee = people.add_person(account, "Dee Dormant", tier="dormant")
    # Something recorded, so this is no longer day one (which proposes first steps instead).
    interactions.log(account, [dee], "email", "inbound", "Out of office for a while")
    html = client.get(URL).content.decode()
    assert "You are all caught up" in html and "give first" in html
    assert "Record a favor you gave" in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    made = build(account, 20)
    for i, p in enumerate(made[:4]):
        favors.record(account, p, "received", "advice", when=date(2025, 4, 1) + timedelta(days=i))
    url = day(date(2025, 4, 10))
    small = queries_for(client, url)
    grow(account, 180)
    for i, p in enumerate(made[4:12]):
        favors.record(account, p, "received", "referral", when=date(2025, 4, 1) + timedelta(days=i))
    assert queries_for(client, url) == small <= 30, small


SNOOZE = reverse("agenda_snooze")


@pytest.mark.django_db
def test_not_now_hides_the_item_until_its_day_and_done_by_key_works(client, helped):
    loop = Loop.objects.get(person=helped, kind="thank")
    html = client.get(day(THURSDAY)).content.decode()
    assert f'name="key" value="loop:{loop.id}"' in html and f'hx-post="{SNOOZE}"' in html and "Not now" in html
    response = client.post(SNOOZE, {"key": f"loop:{loop.id}", "days": "2", "date": THURSDAY.isoformat()}, **HX)
    assert response.status_code == 200 and "comes back on Sat 2025-03-08" in response.content.decode()
    assert f"loop:{loop.id}" not in client.get(day(THURSDAY)).content.decode()
    assert f"loop:{loop.id}" in client.get(day(THURSDAY + timedelta(days=2))).content.decode()
    loop.refresh_from_db()
    assert loop.status == "open"  # not now is not done
    response = client.post(DONE, {"key": f"loop:{loop.id}", "date": THURSDAY.isoformat()}, **HX)
    assert "Done: thank for Ana Diaz." in response.content.decode()
    bad = client.post(SNOOZE, {"key": "nonsense"}, **HX)
    assert bad.status_code == 200 and bad["HX-Reswap"] == "none" and "not an agenda item key" in bad.content.decode()


@pytest.mark.django_db
def test_a_due_date_from_another_year_carries_its_year(client, account):
    old = people.add_person(account, "Olive Oldfriend", tier="close")
    interactions.log(account, [old], "call", "mutual", "Caught up", date(2024, 11, 1))
    html = client.get(day(date(2025, 1, 10))).content.decode()
    assert ">Dec 1, 2024</time>" in html
    html = client.get(day(date(2024, 12, 20))).content.decode()
    assert ">Dec 1</time>" in html

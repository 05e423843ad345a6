"""Loops: open/done/skipped, why each exists, what opened it, done and skip-with-note."""

from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import favors, loops
from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.search import leads
from tests.web.network import build, grow, queries_for

URL = reverse("loops")
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def owed(account):
    ana = people.add_person(account, "Ana Diaz", org="eBay")
    favors.record(account, ana, "received", "referral", note="referred me", when=date(2025, 3, 3))
    return ana


def close_url(loop):
    return reverse("loop_close", args=[loop.id])


@pytest.mark.django_db
def test_open_loops_with_reason_due_and_what_opened_them(client, owed):
    html = client.get(URL).content.decode()
    thank, report = Loop.objects.filter(person=owed).order_by("due")
    assert html.index(f'id="loop-{thank.id}"') < html.index(f'id="loop-{report.id}"')
    item = html.split(f'id="loop-{thank.id}"')[1].split("</li>")[0]
    assert ">Thank</span>" in item and f'href="/people/{owed.id}/">Ana Diaz</a>' in item
    assert 'datetime="2025-03-05"' in item and "overdue" in item
    assert "Why:</span> Ana Diaz helped with referral" in item
    assert f'Opened by <a href="/people/{owed.id}/#favor-{thank.favor_id}">their referral on Mar 3</a>' in item
    assert f'hx-post="{close_url(thank)}"' in item and "Skip…" in item
    assert '<a href="?status=open" aria-current="true">Open</a>' in html and "2 open loops" in html


@pytest.mark.django_db
def test_a_loop_opened_by_a_lead_links_to_it(client, owed):
    lead = leads.add(owed.account, "eBay", "Product Marketing Manager", via=owed, when=date(2025, 3, 1))
    loops.open_loop(owed.account, owed, "report", date(2025, 4, 1), "Report on the lead", date(2025, 3, 1),
                    lead=lead)
    html = client.get(URL).content.decode()
    assert f'#lead-{lead.id}">lead: Product Marketing Manager at eBay' in html


@pytest.mark.django_db
def test_done_returns_the_closed_row(client, owed):
    thank = Loop.objects.get(person=owed, kind="thank")
    response = client.post(close_url(thank), {"action": "done"}, **HX)
    assert response.status_code == 200
    row = response.content.decode()
    assert row.strip().startswith('<li class="loop-item status-done"') and ">Done" in row
    assert "hx-post" not in row
    thank.refresh_from_db()
    assert thank.status == "done"
    assert f'id="loop-{thank.id}"' in client.get(URL, {"status": "done"}).content.decode()
    assert f'id="loop-{thank.id}"' not in client.get(URL).content.decode()


@pytest.mark.django_db
def test_skip_with_a_note(client, owed):
    report = Loop.objects.get(person=owed, kind="report")
    response = client.post(close_url(report), {"action": "skip", "note": "Told her over lunch"})
    assert response.status_code == 302 and response["Location"] == URL
    report.refresh_from_db()
    assert (report.status, report.note) == ("skipped", "Told her over lunch")
    assert "Report for Ana Diaz: skipped." in client.get(URL).content.decode()  # the message
    html = client.get(URL, {"status": "skipped"}).content.decode()
    assert "Note:</span> Told her over lunch" in html and ">Skipped" in html


@pytest.mark.django_db
def test_closing_twice_or_badly_is_refused_in_the_row(client, owed):
    thank = Loop.objects.get(person=owed, kind="thank")
    client.post(close_url(thank), {"action": "done"}, **HX)
    row = client.post(close_url(thank), {"action": "done"}, **HX).content.decode()
    assert "already done" in row and 'role="alert"' in row
    report = Loop.objects.get(person=owed, kind="report")
    row = client.post(close_url(report), {"action": "explode"}, **HX).content.decode()
    assert "Select a valid choice" in row
    row = client.post(close_url(report), {"action": "done", "date": "2025-99-01"}, **HX).content.decode()
    assert "Enter a date as YYYY-MM-DD" in row
    report.refresh_from_db()
    assert report.status == "open"


@pytest.mark.django_db
def test_filters(client, owed):
    thank = Loop.objects.get(person=owed, kind="thank")
    loops.close(owed.account, thank.id)
    assert "1 done loop" in client.get(URL, {"status": "done"}).content.decode()
    assert "2 loops" in client.get(URL, {"status": "all"}).content.decode()
    assert "1 open loop" in client.get(URL, {"status": "nonsense"}).content.decode()


@pytest.mark.django_db
def test_another_accounts_loops_are_404_and_never_listed(client, owed):
    other = Account.objects.create(name="other")
    zed = people.add_person(other, "Zed Outsider")
    favors.record(other, zed, "received", "advice")
    theirs = Loop.objects.get(account=other, kind="thank")
    assert client.post(close_url(theirs), {"action": "done"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "open"
    assert "Zed" not in client.get(URL, {"status": "all"}).content.decode()


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    for p in made[:3]:
        favors.record(account, p, "received", "referral", when=date(2025, 3, 3))
    small = queries_for(client, URL + "?status=all")
    grow(account, 180)
    for p in made[3:20]:
        favors.record(account, p, "received", "introduction", when=date(2025, 3, 3))
    assert queries_for(client, URL + "?status=all") == small <= 5, small

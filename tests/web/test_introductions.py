"""Introductions: request one, record one I make, the three double opt-in drafts, status
buttons via htmx with the loops opened; errors next to fields; 404 across accounts; query counts."""

from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.search import introductions
from goodloop.search.models import Introduction
from tests.web.network import build, grow, queries_for

URL = reverse("introductions")
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def trio(account):
    joy = people.add_person(account, "Joy Gordon", org="Globex", email="joy@example.org")
    hana = people.add_person(account, "Hana Brooks", org="eBay", title="PMM Lead")
    sam = people.add_person(account, "Sam Ode", org="Initech")
    return joy, hana, sam


def block(html, field):
    return html.split(f'<label for="id_{field}">')[1].split('<div class="field')[0]


@pytest.mark.django_db
def test_request_an_introduction(client, account, trio):
    joy, hana, _ = trio
    response = client.post(URL, {"kind": "request", "ask-introducer": "joy@example.org",
                                 "ask-introduced": "Hana Brooks", "ask-purpose": "20 minutes on their PMM team"})
    intro = Introduction.objects.get(account=account)
    assert response.status_code == 302 and response["Location"] == f"{URL}#intro-{intro.id}"
    assert (intro.introducer, intro.introduced, intro.introducee.is_me, intro.status) == (joy, hana, True, "requested")
    html = client.get(URL).content.decode()
    item = html.split(f'id="intro-{intro.id}"')[1]
    assert "Joy Gordon</a> introduces you to" in item and "at eBay" in item
    assert f'id="draft-{intro.id}-request">Hi Joy, would you be comfortable introducing me to Hana Brooks at eBay?' in item
    assert "here is a short note you can forward as is" in item
    assert f'id="draft-{intro.id}-opt_in">Hi Hana, ' in item and "Would you be open to it?" in item
    assert f'id="draft-{intro.id}-introduction">Hana, meet ' in item
    assert item.count('data-copy="#') == 4  # request, blurb, opt-in, introduction
    assert 'value="opt_in_asked">Mark opt-in asked</button>' in item


@pytest.mark.django_db
def test_record_an_introduction_i_make(client, account, trio):
    joy, hana, _ = trio
    response = client.post(URL, {"kind": "give", "give-introducee": "Joy Gordon", "give-introduced": hana.id})
    assert response.status_code == 302
    intro = Introduction.objects.get(account=account)
    assert intro.introducer.is_me and (intro.introducee, intro.introduced) == (joy, hana)
    assert "You introduce <a" in client.get(URL).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"kind": "request", "ask-introducer": "", "ask-introduced": "Hana Brooks"}, "ask-introducer",
     "This field is required."),
    ({"kind": "request", "ask-introducer": "Nobody Here", "ask-introduced": "Hana Brooks"}, "ask-introducer",
     "No one called Nobody Here — add Nobody Here?"),
    ({"kind": "request", "ask-introducer": "Joy Gordon", "ask-introduced": "o"}, "ask-introduced", "matches"),
    ({"kind": "request", "ask-introducer": "Joy", "ask-introduced": "Hana", "ask-when": "soon"}, "ask-when",
     "Enter a valid date."),
    ({"kind": "give", "give-introducee": "Joy Gordon", "give-introduced": "424242"}, "give-introduced",
     "no person with id 424242"),
])
def test_errors_are_shown_next_to_the_field(client, account, trio, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    b = block(response.content.decode(), field)
    assert f'<p class="field-error" id="id_{field}_error">' in b and message in b
    assert not Introduction.objects.filter(account=account).exists()


@pytest.mark.django_db
def test_three_different_people_are_needed(client, account, trio):
    response = client.post(URL, {"kind": "request", "ask-introducer": "Joy Gordon", "ask-introduced": "Joy Gordon"})
    assert response.status_code == 400
    form = response.content.decode().split('id="h-ask"')[1].split("</form>")[0]
    assert '<div class="errors" role="alert"><p class="field-error">an introduction needs three different people' in form


@pytest.mark.django_db
def test_follow_it_to_met_with_htmx(client, account, trio):
    joy, hana, _ = trio
    me = people.resolve(account, "me")
    intro = introductions.record(account, joy, me, hana, purpose="coffee", when=date(2025, 3, 1))
    url = reverse("introduction-status", args=[intro.id])
    html = client.post(url, {"status": "opt_in_asked"}, **HX).content.decode()
    assert "<html" not in html and '<span class="badge intro-opt_in_asked intro-status">Opt-in asked</span>' in html
    html = client.post(url, {"status": "made"}, **HX).content.decode()
    assert "Loops this opened:" in html and "Joy Gordon</a> — due" in html
    assert {"thank", "report"} <= set(Loop.objects.filter(introduction=intro).values_list("kind", flat=True))
    html = client.post(url, {"status": "met"}, **HX).content.decode()
    assert "intro-status\">Met</span>" in html and "Mark " not in html  # no more steps
    intro.refresh_from_db()
    hana.refresh_from_db()
    assert intro.status == "met" and hana.met_through_id == joy.id and hana.trust_stage != "stranger"


@pytest.mark.django_db
def test_status_without_javascript_and_bad_status(client, account, trio):
    joy, hana, sam = trio
    intro = introductions.record(account, people.resolve(account, "me"), joy, hana)
    url = reverse("introduction-status", args=[intro.id])
    response = client.post(url, {"status": "declined"})
    assert response.status_code == 302 and response["Location"] == f"{URL}#intro-{intro.id}"
    intro.refresh_from_db()
    assert intro.status == "declined"
    html = client.post(url, {"status": "lost"}, **HX).content.decode()
    assert 'class="field-error" role="alert">' in html and "Select a valid choice" in html
    assert client.get(url).status_code == 405


@pytest.mark.django_db
def test_another_accounts_introductions_are_404_and_never_show(client, account, trio):
    other = Account.objects.create(name="other")
    a, b, c = (people.add_person(other, f"Zed {n}") for n in ("One", "Two", "Three"))
    secret = introductions.record(other, a, c, b)
    assert client.post(reverse("introduction-status", args=[secret.id]), {"status": "made"}).status_code == 404
    secret.refresh_from_db()
    assert secret.status == "requested"
    assert "Zed" not in client.get(URL).content.decode()
    # Nor can a form name another account's person.
    response = client.post(URL, {"kind": "request", "ask-introducer": str(a.id), "ask-introduced": "Hana Brooks"})
    assert response.status_code == 400 and f"no person with id {a.id}" in response.content.decode()


def _intros(account, n, start):
    me = people.resolve(account, "me")
    for i in range(start, start + n):
        x = people.add_person(account, f"Introducer {i}", org="Globex")
        y = people.add_person(account, f"Target {i}", org="eBay")
        intro = introductions.record(account, x, me, y, purpose=f"purpose {i}", when=date(2025, 1, 1 + i % 28))
        if i % 2:
            introductions.move(account, intro.id, "made", date(2025, 2, 1))


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    _intros(account, 3, 0)
    small = queries_for(client, URL)
    grow(account, 180)
    _intros(account, 30, 3)
    assert queries_for(client, URL) == small <= 8, small
    assert queries_for(client, URL + "?page=2") == small

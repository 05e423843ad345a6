"""One person's giving page: what I have given them, and for each request whether they thanked
me and reported back (recorded or derived), with buttons to record it; isolation; query counts."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.giving import requests, transition
from goodloop.helploop.models import ClosureReceived
from goodloop.network import interactions, people
from tests.web.giver_data import SPECIFIC, VAGUE, giver_rows
from tests.web.network import build, grow, queries_for

HX = {"HTTP_HX_REQUEST": "true"}
TODAY = date.today()


@pytest.fixture
def ana(account):
    return people.add_person(account, "Ana Diaz", org="eBay", title="Designer")


def kept(person, when=TODAY):
    ask = requests.record(person.account, person, SPECIFIC, when=when).ask
    loop = requests.triage(person.account, ask.id, "accept", when=when).loops_opened[0]
    requests.keep_promise(person.account, loop.id, when=when)
    return ask


def url(person):
    return reverse("person_giving", args=[person.id])


def closure_url(ask):
    return reverse("giving_closure", args=[ask.id])


@pytest.mark.django_db
def test_what_i_gave_them_and_whether_they_closed_the_loop(client, ana):
    ask = kept(ana)
    requests.record(ana.account, ana, VAGUE)
    transition.mark_seeking(ana.account, ana, TODAY)
    html = client.get(url(ana)).content.decode()
    stats = html.split("closure-stats")[1].split("</ul>")[0]
    assert '<span class="stat-number">1</span> favor given' in stats
    assert '<span class="stat-number">2</span> requests made of you' in stats
    assert '<span class="stat-number">0</span> of 1 helped thanked you' in stats
    row = html.split(f'id="closure-{ask.id}"')[1].split("</li>\n</ul>")[0]
    assert "Helped" in row and "No thanks recorded" in row and "No report back yet" in row
    assert "They thanked me" in row and "They reported back" in row
    assert "Job-seeking" in html and "monthly check-ins" in html
    given = html.split('id="h-given"')[1].split("</section>")[0]
    assert "Introduction" in given and "Kept my promise" in given


@pytest.mark.django_db
def test_record_they_thanked_me_and_reported_back(client, ana):
    ask = kept(ana)
    out = client.post(closure_url(ask), {"kind": "thanked"}, **HX).content.decode()
    assert out.strip().startswith(f'<li class="closure-row" id="closure-{ask.id}"')
    assert "✓ Thanked you" in out and "They thanked me" not in out and "They reported back" in out
    response = client.post(closure_url(ask), {"kind": "reported", "note": "got the offer"})
    assert response.status_code == 302 and response["Location"].endswith(f"#closure-{ask.id}")
    html = client.get(response["Location"]).content.decode()
    assert "Recorded: Ana Diaz told you how it went." in html
    assert "✓ Told you how it went" in html
    assert set(ClosureReceived.objects.values_list("kind", flat=True)) == {"thanked", "reported"}


@pytest.mark.django_db
def test_recording_twice_or_before_the_request_is_refused_in_the_row(client, ana):
    ask = kept(ana)
    client.post(closure_url(ask), {"kind": "thanked"}, **HX)
    ClosureReceived.objects.all().delete()
    out = client.post(closure_url(ask), {"kind": "thanked", "date": (TODAY - timedelta(days=3)).isoformat()},
                      **HX).content.decode()
    assert 'class="field-error" role="alert">request' in out and "that date is before it" in out
    client.post(closure_url(ask), {"kind": "thanked"}, **HX)
    out = client.post(closure_url(ask), {"kind": "bogus"}, **HX).content.decode()
    assert "field-error" in out and ClosureReceived.objects.count() == 1


@pytest.mark.django_db
def test_thanks_derived_from_their_message(client, ana):
    ask = kept(ana, TODAY - timedelta(days=3))
    interactions.log(ana.account, [ana], "email", "inbound", "Thank you so much!", TODAY)
    row = client.get(url(ana)).content.decode().split(f'id="closure-{ask.id}"')[1].split("</section>")[0]
    assert "✓ Thanked you" in row and "(from their message)" in row
    assert "They thanked me" in row  # not recorded yet: the button stays, to confirm it


@pytest.mark.django_db
def test_another_accounts_ids_are_404(client, account):
    other = Account.objects.create(name="other")
    stranger = people.add_person(other, "Sam Other")
    ask = kept(stranger)
    assert client.get(url(stranger)).status_code == 404
    assert client.post(closure_url(ask), {"kind": "thanked"}).status_code == 404
    assert not ClosureReceived.objects.exists()
    me = people.resolve(account, "me")
    assert client.get(url(me)).status_code == 404


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    giver_rows(account, made[:12])
    person = made[0]
    for _ in range(2):
        kept(person)
    small = queries_for(client, url(person))
    grow(account, 100)
    giver_rows(account, made[12:20])
    for _ in range(6):
        kept(person)
    assert queries_for(client, url(person)) == small <= 14, small

"""The Givers report: loop closure toward me, the people I have helped most, open promises, no
word back — facts, never a score or a ranking of "bad" people."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.giving import closure, requests
from goodloop.network import interactions, people
from tests.web.giver_data import SPECIFIC, giver_rows
from tests.web.network import build, grow, queries_for

URL = reverse("givers_report")
TODAY = date.today()


def helped(person, when=TODAY):
    ask = requests.record(person.account, person, SPECIFIC, when=when).ask
    loop = requests.triage(person.account, ask.id, "accept", when=when).loops_opened[0]
    requests.keep_promise(person.account, loop.id, when=when)
    return ask


@pytest.mark.django_db
def test_closure_toward_me_helped_most_and_open_promises(client, account):
    ana, bo, cy = (people.add_person(account, n) for n in ("Ana Diaz", "Bo Chen", "Cy Young"))
    ask = helped(ana)
    closure.thanked_me(account, ask.id)
    closure.reported_to_me(account, ask.id)
    helped(bo, TODAY - timedelta(days=40))
    open_ask = requests.record(account, cy, SPECIFIC).ask
    requests.triage(account, open_ask.id, "accept", due=TODAY + timedelta(days=2))
    html = client.get(URL).content.decode()
    stats = html.split('aria-label="Loop closure toward you"')[1].split("</ul>")[0]
    assert '<span class="stat-number">3</span> requests made of you' in stats
    assert '<span class="stat-number">2</span> you helped with' in stats
    assert '<span class="stat-number">1</span> thanked you' in stats
    most = html.split('id="h-most"')[1].split("</section>")[0]
    assert "Ana Diaz" in most and "Bo Chen" in most and "Cy Young" not in most
    promises = html.split('id="h-promises"')[1].split("</section>")[0]
    assert "Cy Young" in promises and (TODAY + timedelta(days=2)).isoformat() in promises
    closed = html.split('id="h-closed"')[1].split("</section>")[0]
    assert "Ana Diaz" in closed and "Bo Chen" not in closed
    waiting = html.split('id="h-waiting"')[1].split("</section>")[0]
    assert "Bo Chen" in waiting and "40 days" in waiting
    table = html.split('id="h-people"')[1].split("</section>")[0]
    assert f'href="{reverse("person_giving", args=[ana.id])}"' in table
    assert "score" not in html.lower().replace("never a score", "")  # facts, not scores


@pytest.mark.django_db
def test_derived_thanks_from_an_inbound_message_counts(client, account):
    ana = people.add_person(account, "Ana Diaz")
    helped(ana, TODAY - timedelta(days=5))
    interactions.log(account, [ana], "email", "inbound", "Thanks so much - I got the interview!", TODAY)
    stats = client.get(URL).content.decode().split('aria-label="Loop closure toward you"')[1].split("</ul>")[0]
    assert '<span class="stat-number">1</span> thanked you' in stats
    assert '<span class="stat-number">1</span> told you how it went' in stats


@pytest.mark.django_db
def test_empty_report(client, account):
    html = client.get(URL).content.decode()
    assert "No requests recorded yet" in html and "every promise is kept" in html


@pytest.mark.django_db
def test_another_accounts_rows_never_show(client, account):
    other = Account.objects.create(name="other")
    helped(people.add_person(other, "Sam Other"))
    html = client.get(URL).content.decode()
    assert "Sam Other" not in html and '<span class="stat-number">0</span> requests made of you' in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    giver_rows(account, made[:12])
    small = queries_for(client, URL)
    grow(account, 100)
    from goodloop.network.models import Person

    giver_rows(account, list(Person.objects.filter(account=account, is_me=False).order_by("id"))[12:90])
    assert queries_for(client, URL) == small <= 10, small

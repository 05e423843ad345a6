"""Person: details, contact points, roles, tags, trust, needs, met through, the timeline."""

import re
from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import interactions, people
from tests.web.network import build, grow, queries_for


@pytest.fixture
def ana(account):
    bo = people.add_person(account, "Bo Chen", org="Globex", title="Recruiter")
    ana = people.add_person(account, "Ana Diaz", org="Acme", title="Engineer", email="ana@example.org",
                            url="https://www.linkedin.com/in/ana-diaz/", phone="+1 415 555 0101",
                            tier="close", tags=["alumni", "mentor"])
    people.set_current_role(account, ana, "eBay Inc.", "Product Marketing Manager", start=date(2024, 3, 1))
    # No service sets these yet; the page must show them when an import or an edit does.
    ana.needs = ["a designer for her side project"]
    ana.met_through = bo
    ana.trust_stage = "rapport"
    ana.location = "Oakland, CA"
    ana.save()
    interactions.log(account, [ana], "email", "outbound", "Asked about the PMM team", date(2025, 1, 5))
    interactions.log(account, [ana, bo], "meeting", "mutual", "Coffee, the three of us", date(2025, 2, 10))
    interactions.log(account, [ana], "call", "inbound", "She called back about the opening", date(2025, 3, 15))
    return ana


@pytest.mark.django_db
def test_shows_details_contact_points_tags_tier_trust_needs_met_through(client, ana):
    response = client.get(reverse("person", args=[ana.id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ana Diaz</h1>" in html
    assert "Product Marketing Manager at <a" in html and "eBay Inc.</a>" in html
    assert 'href="mailto:ana@example.org"' in html
    assert "+1 415 555 0101" in html and "linkedin.com/in/ana-diaz" in html
    assert "tier: close" in html and "trust: rapport" in html.lower()
    assert ">alumni</a>" in html and ">mentor</a>" in html
    assert "a designer for her side project" in html
    assert re.search(r'Met through</dt><dd><a href="/people/\d+/">Bo Chen</a>', html)
    assert "Oakland, CA" in html and "Mar 15, 2025" in html  # last touch


@pytest.mark.django_db
def test_current_and_past_roles(client, ana):
    html = client.get(reverse("person", args=[ana.id])).content.decode()
    roles = html.split('id="h-roles"')[1].split("</section>")[0]
    assert "<strong>Product Marketing Manager</strong> at" in roles and "since Mar 2024" in roles
    assert '<li class="past">Engineer at' in roles and "Acme</a>" in roles
    assert roles.index("eBay Inc.") < roles.index("Acme")


@pytest.mark.django_db
def test_timeline_newest_first_with_the_other_people(client, ana):
    html = client.get(reverse("person", args=[ana.id])).content.decode()
    timeline = html.split('id="h-timeline"')[1]
    assert "3 interactions" in timeline
    order = [timeline.index(s) for s in ("She called back", "Coffee, the three of us", "Asked about the PMM")]
    assert order == sorted(order)
    assert re.search(r'With <a href="/people/\d+/">Bo Chen</a>', timeline)
    assert "Ana Diaz</a>" not in timeline  # not "with" herself
    assert "Meeting" in timeline and "Mutual" in timeline


@pytest.mark.django_db
def test_person_without_anything_yet(client, account):
    lone = people.add_person(account, "Lone Wolf")
    html = client.get(reverse("person", args=[lone.id])).content.decode()
    assert "No interactions yet" in html and "No roles recorded" in html and "No needs recorded" in html
    assert "never" in html


@pytest.mark.django_db
def test_long_timeline_is_paginated(client, account):
    busy = people.add_person(account, "Busy Bee")
    for day in range(1, 61):
        interactions.log(account, [busy], "message", "mutual", f"Message {day:02d}", date(2025, 1, 1).replace(
            month=1 + (day - 1) // 28, day=1 + (day - 1) % 28))
    first = client.get(reverse("person", args=[busy.id])).content.decode()
    assert "60 interactions" in first and "Page 1 of 2" in first and "Message 60" in first
    assert "Message 01" not in first
    second = client.get(reverse("person", args=[busy.id]), {"page": 2}).content.decode()
    assert "Message 01" in second


@pytest.mark.django_db
def test_another_accounts_person_is_a_404(client, account, ana):
    other = Account.objects.create(name="other")
    stranger = people.add_person(other, "Zed Outsider", org="eBay")
    assert client.get(reverse("person", args=[stranger.id])).status_code == 404
    assert client.get(reverse("person", args=[999999])).status_code == 404
    assert client.get(reverse("person", args=[account.me_id])).status_code == 404  # "me" is not a contact


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    made = build(account, 20)
    url = reverse("person", args=[made[5].id])
    small = queries_for(client, url)
    grow(account, 180)
    for _ in range(10):  # and a longer timeline
        interactions.log(account, [made[5], made[6], made[7]], "call", "mutual", "Again", date(2025, 5, 1))
    assert queries_for(client, url) == small <= 20, small


@pytest.mark.django_db
def test_last_touch_counts_back_from_the_accounts_own_day(client, account):
    from datetime import timedelta

    from goodloop import clock

    today = clock.today(account)
    lately, long_ago = people.add_person(account, "Lately Met"), people.add_person(account, "Long Ago")
    interactions.log(account, [lately], "call", "mutual", "Caught up", today - timedelta(days=1))
    interactions.log(account, [long_ago], "email", "outbound", "Said hello", today - timedelta(days=100))
    assert "(yesterday)" in client.get(reverse("person", args=[lately.id])).content.decode()
    assert "(3 months ago)" in client.get(reverse("person", args=[long_ago.id])).content.decode()

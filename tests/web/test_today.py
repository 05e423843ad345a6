"""Today (a welcome until the agenda exists): counts and the way in."""

import pytest
from django.urls import reverse

from tests.web.network import build, grow, queries_for


@pytest.mark.django_db
def test_empty_network_gets_a_welcome_with_a_way_to_start(client, account):
    html = client.get(reverse("today")).content.decode()
    assert "Welcome to goodloop" in html
    assert "Getting started" in html and "goodloop --home" in html
    assert f'href="{reverse("people")}"' in html and f'href="{reverse("targets")}"' in html


@pytest.mark.django_db
def test_counts_people_organizations_targets(client, account):
    build(account, 20)
    html = client.get(reverse("today")).content.decode()
    assert '<span class="stat-number">20</span> people' in html
    assert '<span class="stat-number">7</span> organizations' in html
    assert '<span class="stat-number">3</span> targets' in html
    assert '<span class="stat-number">40</span> interactions logged' in html
    assert "Getting started" not in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    small = queries_for(client, reverse("today"))
    grow(account, 180)
    assert queries_for(client, reverse("today")) == small <= 6

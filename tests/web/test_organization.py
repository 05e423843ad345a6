"""Organization: who I know there now, who used to work there; 404 across accounts."""

from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import organizations, people
from tests.web.network import build, grow, queries_for


@pytest.fixture
def ebay(account):
    people.add_person(account, "Ana Diaz", org="eBay", title="Product Marketing Manager", tier="core")
    bo = people.add_person(account, "Bo Chen", org="eBay Inc.", title="Engineer")
    people.set_current_role(account, bo, "Globex", "Staff Engineer", start=date(2024, 6, 1))
    people.add_person(account, "Cy Park", org="Globex")
    return organizations.resolve(account, "ebay")


@pytest.mark.django_db
def test_people_there_now_and_people_who_left(client, ebay):
    html = client.get(reverse("organization", args=[ebay.id])).content.decode()
    now = html.split('id="h-now"')[1].split("</section>")[0]
    left = html.split('id="h-left"')[1].split("</section>")[0]
    assert "Ana Diaz</a> — Product Marketing Manager" in now and "Bo Chen" not in now
    assert "Bo Chen</a> — was Engineer" in left and "until Jun 2024" in left and "now at" in left
    assert "Globex</a>" in left and "Ana Diaz" not in left and "Cy Park" not in html


@pytest.mark.django_db
def test_nobody_there(client, account):
    org = organizations.get_or_create(account, "Empty Co")
    html = client.get(reverse("organization", args=[org.id])).content.decode()
    assert "You don't know anyone there yet" in html and "No one you know has left" in html


@pytest.mark.django_db
def test_people_there_now_are_paginated(client, account):
    for i in range(55):
        people.add_person(account, f"Worker {i:02d}", org="Big Co")
    org = organizations.resolve(account, "Big Co")
    first = client.get(reverse("organization", args=[org.id])).content.decode()
    assert "Worker 49" in first and "Worker 50" not in first and 'href="?page=2"' in first
    assert "Worker 50" in client.get(reverse("organization", args=[org.id]), {"page": 2}).content.decode()


@pytest.mark.django_db
def test_another_accounts_organization_is_a_404(client, account, ebay):
    other = Account.objects.create(name="other")
    secret = organizations.get_or_create(other, "Secret Corp")
    assert client.get(reverse("organization", args=[secret.id])).status_code == 404
    assert client.get(reverse("organization", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    org = organizations.resolve(account, "eBay")
    url = reverse("organization", args=[org.id])
    small = queries_for(client, url)
    grow(account, 180)
    assert queries_for(client, url) == small <= 10, small

"""Organizations: most people first, search, pagination, a bounded query count."""

import re

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import organizations, people
from tests.web.network import build, grow, queries_for

URL = reverse("organizations")


def org_names(response) -> list[str]:
    return re.findall(r'<a href="/organizations/\d+/">([^<]+)</a>', response.content.decode())


@pytest.mark.django_db
def test_lists_organizations_most_people_first_with_counts(client, account):
    build(account, 20)
    people.add_person(account, "Extra One", org="Globex")
    response = client.get(URL)
    assert response.status_code == 200
    found = org_names(response)
    assert found[0] == "Globex" and len(found) == 7
    html = response.content.decode()
    assert re.search(r'<a href="/people/\?org=Globex">4</a>', html)  # links to those people
    assert "7 organizations" in html


@pytest.mark.django_db
def test_search_is_by_name_however_spelled(client, account):
    build(account, 20)
    assert org_names(client.get(URL, {"q": "EBAY"})) == ["eBay Inc."]
    assert org_names(client.get(URL, {"q": "ebay inc"})) == ["eBay Inc."]
    assert "No organization matches" in client.get(URL, {"q": "nothing-like-it"}).content.decode()


@pytest.mark.django_db
def test_paginated_and_htmx_fragment(client, account):
    for i in range(60):
        organizations.get_or_create(account, f"Company {i:02d}")
    first = client.get(URL)
    assert len(org_names(first)) == 50 and "Page 1 of 2" in first.content.decode()
    assert len(org_names(client.get(URL, {"page": 2}))) == 10
    fragment = client.get(URL, {"q": "company 0"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and "10 organizations" in fragment


@pytest.mark.django_db
def test_other_accounts_organizations_never_show(client, account):
    build(account, 20)
    other = Account.objects.create(name="other")
    people.add_person(other, "Zed Outsider", org="Secret Corp")
    assert "Secret Corp" not in client.get(URL).content.decode()


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    small = queries_for(client, URL)
    grow(account, 180)
    for i in range(60):
        organizations.get_or_create(account, f"Company {i:02d}")
    assert queries_for(client, URL) == small <= 5, small

"""Global search: the header box on every page, grouped results (people, organizations, asks,
leads, introductions), a plain page without JavaScript, account-scoped, bounded queries."""

import re
from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks
from goodloop.network import people
from goodloop.overview import search as search_service
from goodloop.search import introductions, leads
from tests.web.network import build, grow, queries_for

URL = reverse("search")
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def northwind(account):
    daniel = people.add_person(account, "Daniel Park", org="Northwind Analytics", title="Data Lead")
    ana = people.add_person(account, "Ana Diaz", org="Globex")
    asks.make(account, ana, "Could you introduce me to the Northwind data team?", status="sent", when=date(2025, 3, 3))
    leads.add(account, "Northwind Analytics", "Senior Analyst", via=daniel)
    introductions.record(account, ana, people.resolve(account, "me"), daniel, purpose="Northwind hiring",
                         when=date(2025, 3, 4))
    return daniel


def groups(html: str) -> dict[str, list[str]]:
    found = {}
    for label, body in re.findall(r'<section class="search-group" aria-label="([^"]+)">(.*?)</section>', html, re.S):
        found[label] = re.findall(r'data-search-hit>([^<]+)', body)
    return found


@pytest.mark.django_db
def test_every_page_has_the_search_box(client, account):
    for name in ("today", "people", "leads", "targets", "asks"):
        html = client.get(reverse(name)).content.decode()
        assert 'id="site-search-q"' in html and 'aria-keyshortcuts="/"' in html and f'action="{URL}"' in html
        assert "goodloop/people/search.js" in html and "goodloop/favicon.svg" in html


@pytest.mark.django_db
def test_results_are_grouped(client, northwind):
    html = client.get(URL, {"q": "northwind"}).content.decode()
    found = groups(html)
    assert list(found) == ["People", "Organizations", "Asks", "Leads", "Introductions"]
    assert [x.strip() for x in found["People"]] == ["Daniel Park"]
    assert found["Organizations"] == ["Northwind Analytics"]
    assert found["Asks"][0].startswith("Could you introduce me to the Northwind")
    assert [x.strip() for x in found["Leads"]] == ["Senior Analyst at Northwind Analytics"]
    assert "Ana Diaz → Daniel Park" in found["Introductions"][0]
    assert f'href="{reverse("person", args=[northwind.id])}"' in html
    assert "<h1>Search" in html  # the plain page, without JavaScript


@pytest.mark.django_db
def test_htmx_gets_only_the_results(client, northwind):
    html = client.get(URL, {"q": "daniel park"}, **HX).content.decode()
    assert "<html" not in html and 'class="search-results"' in html
    assert [x.strip() for x in groups(html)["People"]] == ["Daniel Park"]


@pytest.mark.django_db
@pytest.mark.parametrize("query, says", [
    ("d", "type at least 2 characters"),
    ("zzqx", "Nothing matches “zzqx”"),
])
def test_short_or_empty_queries_say_so(client, northwind, query, says):
    html = client.get(URL, {"q": query}).content.decode()
    assert says in html and not groups(html)


@pytest.mark.django_db
def test_a_few_of_each_with_a_link_to_all(client, account):
    build(account, 20)
    html = client.get(URL, {"q": "person"}).content.decode()
    assert len(groups(html)["People"]) == 6  # five and "All people matching…"
    assert 'href="/people/?q=person"' in html


@pytest.mark.django_db
def test_another_accounts_records_never_show(client, account, northwind):
    other = Account.objects.create(name="other")
    people.add_person(other, "Daniel Secret", org="Northwind Secret")
    leads.add(other, "Northwind Secret", "Secret Role")
    html = client.get(URL, {"q": "secret"}).content.decode()
    assert "Secret" not in html.replace("“secret”", "")
    assert search_service.search(other, "daniel").groups["people"][0].label == "Daniel Secret"


@pytest.mark.django_db
def test_query_count_does_not_grow(client, account):
    build(account, 10)
    small = queries_for(client, URL + "?q=person")
    grow(account, 40)
    assert queries_for(client, URL + "?q=person") == small <= 8

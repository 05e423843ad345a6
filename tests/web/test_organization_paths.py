"""Warm paths on the organization page: loaded by htmx (or a page of their own without
JavaScript), ranked with the reason; 404 across accounts; query counts at two sizes."""

from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks
from goodloop.network import organizations, people
from goodloop.search import introductions
from tests.web.network import build, grow, queries_for

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def ebay(account):
    me = people.resolve(account, "me")
    people.add_person(account, "Ana Diaz", org="eBay", title="Product Marketing Manager", tier="core")
    bo = people.add_person(account, "Bo Chen", org="eBay Inc.", title="Engineer")
    people.set_current_role(account, bo, "Globex", "Staff Engineer", start=date(2024, 6, 1))
    cy = people.add_person(account, "Cy Park", org="Initech")
    introductions.record(account, cy, me, people.resolve(account, "Ana Diaz"), status="made", when=date(2025, 2, 1))
    return organizations.resolve(account, "ebay")


@pytest.mark.django_db
def test_the_organization_page_loads_its_warm_paths(client, ebay):
    html = client.get(reverse("organization", args=[ebay.id])).content.decode()
    section = html.split('id="h-paths"')[1].split("</section>")[0]
    url = reverse("organization-paths", args=[ebay.id])
    assert f'hx-get="{url}" hx-trigger="load"' in section
    assert f'<a href="{url}">Show the warm paths to eBay</a>' in section  # without JavaScript


@pytest.mark.django_db
def test_warm_paths_ranked_with_reasons(client, ebay):
    response = client.get(reverse("organization-paths", args=[ebay.id]), **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    names = [n for n in ("Ana Diaz", "Bo Chen", "Cy Park") if n in html]
    assert names == ["Ana Diaz", "Bo Chen", "Cy Park"]
    assert html.index("Ana Diaz") < html.index("Bo Chen") < html.index("Cy Park")  # now, former, two hops
    assert "Ana Diaz works at eBay now" in html and "Bo Chen used to work at eBay" in html
    assert "Cy Park knows Ana Diaz at eBay (met through)" in html and "→ Ana Diaz" in html
    assert "works there</span>" in html and "worked there</span>" in html and "knows someone</span>" in html


@pytest.mark.django_db
def test_over_asking_is_said_on_the_path(client, account, ebay):
    ana = people.resolve(account, "Ana Diaz")
    for i in range(3):
        asks.make(account, ana, f"Could you introduce me to a PMM at eBay? ({i})", org_names=["eBay"])
    html = client.get(reverse("organization-paths", args=[ebay.id]), **HX).content.decode()
    item = html.split("Ana Diaz</a>")[1].split("</li>")[0]
    assert "over-asking" in item and "Careful:" in item and "Give before you ask." in item


@pytest.mark.django_db
def test_without_javascript_the_paths_are_a_page(client, ebay):
    response = client.get(reverse("organization-paths", args=[ebay.id]))
    html = response.content.decode()
    assert response.status_code == 200 and "<h1>Warm paths to eBay</h1>" in html and "Ana Diaz" in html
    assert response["Vary"].count("HX-Request") == 1


@pytest.mark.django_db
def test_no_paths(client, account):
    org = organizations.get_or_create(account, "Empty Co")
    html = client.get(reverse("organization-paths", args=[org.id]), **HX).content.decode()
    assert "No warm paths yet" in html


@pytest.mark.django_db
def test_another_accounts_organization_paths_are_404(client, account, ebay):
    other = Account.objects.create(name="other")
    people.add_person(other, "Zed Outsider", org="Secret Corp")
    secret = organizations.resolve(other, "Secret Corp")
    assert client.get(reverse("organization-paths", args=[secret.id]), **HX).status_code == 404
    assert client.get(reverse("organization-paths", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build(account, 20)
    org = organizations.resolve(account, "eBay")
    url = reverse("organization-paths", args=[org.id])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, **HX).status_code == 200
        return len(ctx.captured_queries)

    small, small_page = count(), queries_for(client, reverse("organization", args=[org.id]))
    grow(account, 180)
    assert count() == small <= 16, small
    assert queries_for(client, reverse("organization", args=[org.id])) == small_page <= 10

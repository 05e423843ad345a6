"""Targets: priority order, who I know at each, and the add form with errors next to the field."""

import re

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import people
from goodloop.search import targets
from goodloop.search.models import Target
from tests.web.network import build, grow, queries_for

URL = reverse("targets")


@pytest.mark.django_db
def test_targets_in_priority_order_with_the_people_i_know_there(client, account):
    people.add_person(account, "Ana Diaz", org="eBay", title="PMM", tier="wide")
    people.add_person(account, "Bo Chen", org="eBay Inc.", title="Engineer", tier="core")
    people.add_person(account, "Cy Park", org="Globex")
    targets.add_target(account, "Globex", priority=2)
    targets.add_target(account, "eBay", priority=1, why="Marketplace PMM roles")
    targets.add_target(account, "Initech", priority=3)
    html = client.get(URL).content.decode()
    heads = re.findall(r'<span class="priority" title="Priority">#(\d+)</span> <a href="/organizations/\d+/">([^<]+)',
                       html)
    assert heads == [("1", "eBay"), ("2", "Globex"), ("3", "Initech")]
    ebay = html.split("#1</span>")[1].split("#2</span>")[0]
    assert "Marketplace PMM roles" in ebay and "You know 2 people there" in ebay
    assert ebay.index("Bo Chen") < ebay.index("Ana Diaz")  # closest tie first
    initech = html.split("#3</span>")[1]
    assert "You don't know anyone there yet" in initech


@pytest.mark.django_db
def test_a_big_target_shows_a_few_people_and_links_to_the_rest(client, account):
    for i in range(12):
        people.add_person(account, f"Worker {i:02d}", org="Big Co", tier="core" if i == 11 else "wide")
    targets.add_target(account, "Big Co")
    html = client.get(URL).content.decode()
    assert "You know 12 people there" in html
    assert "Worker 11" in html  # core tier, shown first
    assert len(re.findall(r'<a href="/people/\d+/">Worker', html)) == 8
    assert '<a href="/people/?org=Big%20Co">and 4 more…</a>' in html


@pytest.mark.django_db
def test_add_a_target(client, account):
    response = client.post(URL, {"organization": "American Express", "priority": "", "status": "networking",
                                 "why": "Card products"})
    assert response.status_code == 302 and response["Location"] == URL
    target = Target.objects.get(account=account)
    assert (target.organization.name, target.priority, target.status, target.why) == (
        "American Express", 1, "networking", "Card products")
    html = client.get(URL).content.decode()
    assert "American Express (a new organization) is on your target list at priority 1." in html
    assert "American Express" in html.split("Add a target")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"organization": "", "status": "researching"}, "organization", "This field is required."),
    ({"organization": "eBay", "priority": "0", "status": "researching"}, "priority", "greater than or equal to 1"),
    ({"organization": "eBay", "priority": "first", "status": "researching"}, "priority", "Enter a whole number."),
    ({"organization": "eBay", "status": "dreaming"}, "status", "Select a valid choice"),
    ({"organization": "x" * 301, "status": "researching"}, "organization", "at most 300 characters"),
])
def test_errors_are_shown_next_to_the_field(client, account, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    block = html.split(f'<label for="id_{field}">')[1].split('<div class="field')[0]
    assert f'<p class="field-error" id="id_{field}_error">' in block and message in block
    assert re.search(rf'<(input|select|textarea)[^>]*name="{field}"[^>]*aria-invalid="true"', block)
    assert not Target.objects.filter(account=account).exists()


@pytest.mark.django_db
def test_a_service_error_is_shown_next_to_its_field(client, account, monkeypatch):
    from goodloop.errors import ServiceError

    def refuse(*args, **kwargs):
        raise ServiceError("an organization needs a name", field="organization")

    monkeypatch.setattr(targets, "add_target", refuse)
    response = client.post(URL, {"organization": "eBay", "status": "researching"})
    assert response.status_code == 400
    block = response.content.decode().split('<label for="id_organization">')[1].split('<div class="field')[0]
    assert '<p class="field-error" id="id_organization_error">an organization needs a name</p>' in block


@pytest.mark.django_db
def test_other_accounts_targets_never_show(client, account):
    other = Account.objects.create(name="other")
    people.add_person(other, "Zed Outsider", org="Secret Corp")
    targets.add_target(other, "Secret Corp")
    people.add_person(account, "Ana Diaz", org="Secret Corp")
    targets.add_target(account, "Secret Corp")
    html = client.get(URL).content.decode()
    assert "Zed Outsider" not in html and "Ana Diaz" in html and "You know 1 person there" in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    small = queries_for(client, URL)
    grow(account, 180)
    targets.add_target(account, "Globex")
    targets.add_target(account, "Initech")
    assert queries_for(client, URL) == small <= 6, small

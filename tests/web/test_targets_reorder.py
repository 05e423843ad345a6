"""Targets: reorder (buttons and drag-and-drop), edit status and why, the target page with warm
paths, former colleagues, open asks and leads; 404 across accounts; query counts."""

import re
from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks
from goodloop.network import people
from goodloop.search import introductions, leads, targets
from goodloop.search.models import Target
from tests.web.network import build, grow, queries_for

HX = {"HTTP_HX_REQUEST": "true"}


def order(account) -> list[str]:
    return [t.organization.name for t in targets.list_targets(account)]


def shown_order(html: str) -> list[str]:
    return re.findall(r'<span class="priority" title="Priority">#\d+</span> <a href="/organizations/\d+/">([^<]+)', html)


@pytest.fixture
def three(account):
    return [targets.add_target(account, name) for name in ("eBay", "Globex", "Initech")]


@pytest.mark.django_db
def test_move_down_and_up_with_htmx(client, account, three):
    ebay, globex, initech = three
    response = client.post(reverse("target-move", args=[ebay.id]), {"direction": "down"}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and shown_order(html) == ["Globex", "eBay", "Initech"]
    assert "Moved eBay down." in html
    assert order(account) == ["Globex", "eBay", "Initech"]
    assert [t.priority for t in targets.list_targets(account)] == [1, 2, 3]
    client.post(reverse("target-move", args=[initech.id]), {"direction": "up"}, **HX)
    assert order(account) == ["Globex", "Initech", "eBay"]
    # The first one's "up" button is disabled; the last one's "down" too.
    assert re.search(r'value="up" class="icon-button" disabled aria-label="Move Globex up"',
                     client.get(reverse("targets")).content.decode())


@pytest.mark.django_db
def test_move_without_javascript_redirects(client, account, three):
    response = client.post(reverse("target-move", args=[three[2].id]), {"direction": "up"})
    assert response.status_code == 302 and response["Location"] == reverse("targets")
    assert order(account) == ["eBay", "Initech", "Globex"]
    assert "Moved Initech up." in client.get(reverse("targets")).content.decode()


@pytest.mark.django_db
def test_bad_direction_changes_nothing(client, account, three):
    response = client.post(reverse("target-move", args=[three[0].id]), {"direction": "sideways"}, **HX)
    assert response.status_code == 400 and order(account) == ["eBay", "Globex", "Initech"]
    assert client.get(reverse("target-move", args=[three[0].id])).status_code == 405


@pytest.mark.django_db
def test_drag_and_drop_reorder(client, account, three):
    ebay, globex, initech = three
    response = client.post(reverse("targets-reorder"), {"order": [initech.id, ebay.id, globex.id]}, **HX)
    assert response.status_code == 200 and shown_order(response.content.decode()) == ["Initech", "eBay", "Globex"]
    assert order(account) == ["Initech", "eBay", "Globex"]
    bad = client.post(reverse("targets-reorder"), {"order": ["x"]}, **HX)
    assert bad.status_code == 400 and order(account) == ["Initech", "eBay", "Globex"]
    twice = client.post(reverse("targets-reorder"), {"order": [ebay.id, ebay.id]}, **HX)
    assert twice.status_code == 400


@pytest.mark.django_db
def test_edit_status_and_why(client, account, three):
    ebay = three[0]
    url = reverse("target-edit", args=[ebay.id])
    response = client.post(url, {f"t{ebay.id}-status": "networking", f"t{ebay.id}-why": "Marketplace PMM"}, **HX)
    assert response.status_code == 200
    ebay.refresh_from_db()
    assert (ebay.status, ebay.why) == ("networking", "Marketplace PMM")
    assert "Marketplace PMM" in response.content.decode() and "Saved eBay." in response.content.decode()
    # From the target page, without JavaScript: back to the target page.
    response = client.post(url, {f"t{ebay.id}-status": "applied", f"t{ebay.id}-why": "", "next": "detail"})
    assert response.status_code == 302 and response["Location"] == reverse("target", args=[ebay.id])


@pytest.mark.django_db
def test_edit_errors_are_shown_next_to_the_field(client, account, three):
    ebay = three[0]
    response = client.post(reverse("target-edit", args=[ebay.id]), {f"t{ebay.id}-status": "dreaming"})
    assert response.status_code == 400
    html = response.content.decode()
    block = html.split(f'<label for="id_t{ebay.id}-status">')[1].split('<div class="field')[0]
    assert f'<p class="field-error" id="id_t{ebay.id}-status_error">' in block and "Select a valid choice" in block
    assert re.search(r'<details class="edit-target" open>', html)
    htmx = client.post(reverse("target-edit", args=[ebay.id]), {f"t{ebay.id}-status": "dreaming"}, **HX)
    assert "Select a valid choice" in htmx.content.decode() and "<html" not in htmx.content.decode()
    ebay.refresh_from_db()
    assert ebay.status == "researching"


@pytest.mark.django_db
def test_each_target_shows_former_colleagues_open_asks_and_leads(client, account):
    ana = people.add_person(account, "Ana Diaz", org="eBay", title="Engineer")
    people.set_current_role(account, ana, "Globex", "Staff Engineer", start=date(2024, 6, 1))
    bo = people.add_person(account, "Bo Chen", org="Initech")
    asks.make(account, bo, "Could you introduce me to a product marketer at eBay?", org_names=["eBay"])
    leads.add(account, "eBay", "Senior PMM", via=bo)
    target = targets.add_target(account, "eBay", why="Marketplace")
    html = client.get(reverse("targets")).content.decode()
    row = html.split(f'id="target-{target.id}"')[1]
    assert "Used to work there:" in row and "Ana Diaz</a> <span class=\"muted\">was Engineer" in row
    assert "Open asks:" in row and "Bo Chen</a>: <span class=\"muted\">Could you introduce me" in row
    assert "Open leads:" in row and "Senior PMM</a>" in row
    assert f'hx-get="/targets/{target.id}/paths/"' in row  # warm paths load as the card shows


@pytest.mark.django_db
def test_target_page_and_its_warm_paths(client, account):
    me = people.resolve(account, "me")
    insider = people.add_person(account, "Ina Side", org="eBay", title="PMM")
    friend = people.add_person(account, "Fay Friend", org="Globex")
    introductions.record(account, friend, me, insider, purpose="coffee", status="made", when=date(2025, 1, 5))
    target = targets.add_target(account, "eBay", why="Marketplace")
    html = client.get(reverse("target", args=[target.id])).content.decode()
    paths = html.split('id="h-paths"')[1].split("</section>")[0]
    assert "Ina Side" in paths and "works at eBay now" in paths
    assert "Fay Friend" in paths and "→ Ina Side" in paths
    assert "Marketplace" in html
    fragment = client.get(reverse("target-paths", args=[target.id]), **HX)
    text = fragment.content.decode()
    assert "<html" not in text and "Knows someone there:" in text and "Fay Friend" in text
    assert "Ina Side</a>" not in text  # only the two-hop paths: the people there are listed on the card
    assert client.get(reverse("target-paths", args=[target.id])).status_code == 302  # no JS: the target page


@pytest.mark.django_db
def test_another_accounts_targets_are_404(client, account, three):
    other = Account.objects.create(name="other")
    secret = targets.add_target(other, "Secret Corp")
    for name in ("target", "target-paths"):
        assert client.get(reverse(name, args=[secret.id])).status_code == 404
    assert client.post(reverse("target-move", args=[secret.id]), {"direction": "up"}).status_code == 404
    assert client.post(reverse("target-edit", args=[secret.id]),
                       {f"t{secret.id}-status": "closed"}).status_code == 404
    assert client.post(reverse("targets-reorder"), {"order": [secret.id, three[0].id]}).status_code == 404
    secret.refresh_from_db()
    assert (secret.status, secret.priority) == ("researching", 1)
    assert order(account) == ["eBay", "Globex", "Initech"]


def _asks_and_leads(account, n):
    for i in range(n):
        person = people.add_person(account, f"Asked {i}", org="Initech")
        asks.make(account, person, f"Could you introduce me to a PMM at eBay? {i}", org_names=["eBay"])
        leads.add(account, "eBay", f"Role {i}", via=person)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_network(client, account):
    build(account, 20)
    _asks_and_leads(account, 2)
    target = Target.objects.filter(account=account).order_by("priority").first()
    urls = [reverse("targets"), reverse("target", args=[target.id])]
    small = [queries_for(client, u) for u in urls]
    small_paths = _count_htmx(client, reverse("target-paths", args=[target.id]))
    grow(account, 180)
    _asks_and_leads(account, 10)
    assert [queries_for(client, u) for u in urls] == small, small
    assert _count_htmx(client, reverse("target-paths", args=[target.id])) == small_paths
    assert small[0] <= 6 and small[1] <= 20 and small_paths <= 16, (small, small_paths)


def _count_htmx(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, **HX).status_code == 200
    return len(ctx.captured_queries)

"""Leads: the pipeline board, the add form with errors next to fields, moving a card via htmx
(the loops it opened are shown), 404 across accounts, query counts at two sizes."""

from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.core import rules
from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.search import leads
from goodloop.search.models import Lead
from tests.web.network import build, grow, queries_for

URL = reverse("leads")
HX = {"HTTP_HX_REQUEST": "true"}


def column(html, stage):
    return html.split(f'data-drop-stage="{stage}"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_the_board_has_a_column_per_stage_with_cards(client, account):
    ana = people.add_person(account, "Ana Diaz", org="eBay")
    bo = people.add_person(account, "Bo Chen", org="Globex")
    lead = leads.add(account, "eBay", "Senior PMM", via=ana, url="https://jobs.example.org/1", stage="referred")
    lead.contributors.add(bo)
    leads.add(account, "Initech", "Analyst", source="posting")
    html = client.get(URL).content.decode()
    for stage in rules.LEAD_STAGES:
        assert f'data-drop-stage="{stage}"' in html
    card = column(html, "referred")
    assert f'id="lead-{lead.id}" draggable="true"' in card
    assert '<a href="https://jobs.example.org/1" rel="noopener noreferrer">Senior PMM</a>' in card
    assert "eBay</a>" in card and 'class="badge source-person">person</span> via' in card
    assert "Helped: " in card and "Ana Diaz</a>" in card and "Bo Chen</a>" in card
    assert "Analyst" in column(html, "identified") and "source-posting" in column(html, "identified")
    assert 'No leads' in column(html, "offer")
    assert f'<label for="move-{lead.id}" class="visually-hidden">Move Senior PMM to</label>' in card


@pytest.mark.django_db
def test_add_a_lead(client, account):
    ana = people.add_person(account, "Ana Diaz", org="eBay", email="ana@example.org")
    response = client.post(URL, {"organization": "eBay Inc.", "title": "Group PMM", "via": "ana@example.org",
                                 "source": "", "url": "", "stage": "identified"})
    lead = Lead.objects.get(account=account)
    assert response.status_code == 302 and response["Location"] == f"{URL}#lead-{lead.id}"
    assert (lead.organization.name, lead.title, lead.source, lead.source_person) == ("eBay", "Group PMM", "person", ana)
    assert list(lead.contributors.all()) == [ana]
    assert "Added Group PMM at eBay." in client.get(URL).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"organization": "eBay", "title": "", "stage": "identified"}, "title", "This field is required."),
    ({"organization": "", "title": "PMM", "stage": "identified"}, "organization", "This field is required."),
    ({"organization": "eBay", "title": "PMM", "stage": "identified", "url": "not a url"}, "url",
     "Enter a valid URL."),
    ({"organization": "eBay", "title": "PMM", "stage": "identified", "via": "Nobody Known"}, "via",
     "No one called Nobody Known — add Nobody Known?"),
    ({"organization": "eBay", "title": "PMM", "stage": "dreaming"}, "stage", "Select a valid choice"),
    ({"organization": "eBay", "title": "PMM", "stage": "identified", "source": "rumor"}, "source",
     "Select a valid choice"),
])
def test_errors_are_shown_next_to_the_field(client, account, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    b = response.content.decode().split(f'<label for="id_{field}">')[1].split('<div class="field')[0]
    assert f'<p class="field-error" id="id_{field}_error">' in b and message in b
    assert not Lead.objects.filter(account=account).exists()


@pytest.mark.django_db
def test_move_a_card_with_htmx_shows_the_loops_it_opened(client, account):
    ana = people.add_person(account, "Ana Diaz", org="eBay")
    lead = leads.add(account, "eBay", "Senior PMM", via=ana, when=date(2025, 3, 1))
    url = reverse("lead-move", args=[lead.id])
    response = client.post(url, {"stage": "applied", "when": "2025-03-10"}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and f'id="lead-{lead.id}"' in column(html, "applied")
    assert "Moved Senior PMM at eBay to applied. 1 report loop opened: tell Ana Diaz how it went." in html
    assert "report</span> Ana Diaz — due Mar 13" in html
    assert Loop.objects.filter(account=account, lead=lead, kind="report", person=ana).count() == 1
    lead.refresh_from_db()
    assert lead.stage == "applied" and list(lead.history.values_list("stage", flat=True)) == ["identified", "applied"]


@pytest.mark.django_db
def test_reaching_accepted_thanks_everyone(client, account):
    ana = people.add_person(account, "Ana Diaz", org="eBay")
    bo = people.add_person(account, "Bo Chen", org="Globex")
    lead = leads.add(account, "eBay", "Senior PMM", via=ana, when=date(2025, 3, 1))
    lead.contributors.add(bo)
    html = client.post(reverse("lead-move", args=[lead.id]), {"stage": "accepted"}, **HX).content.decode()
    assert "2 report loops opened: tell" in html and "Ana Diaz" in html and "Bo Chen" in html


@pytest.mark.django_db
def test_move_without_javascript_and_bad_stage(client, account):
    lead = leads.add(account, "eBay", "Senior PMM")
    url = reverse("lead-move", args=[lead.id])
    response = client.post(url, {"stage": "networking"})
    assert response.status_code == 302 and response["Location"] == f"{URL}#lead-{lead.id}"
    assert "Moved Senior PMM at eBay to networking." in client.get(URL).content.decode()
    html = client.post(url, {"stage": "hired"}, **HX).content.decode()
    assert "Select a valid choice" in html and 'board-announce shown error' in html
    lead.refresh_from_db()
    assert lead.stage == "networking"
    assert client.get(url).status_code == 405


@pytest.mark.django_db
def test_another_accounts_leads_are_404_and_never_show(client, account):
    other = Account.objects.create(name="other")
    secret = leads.add(other, "Secret Corp", "Secret Role")
    assert client.post(reverse("lead-move", args=[secret.id]), {"stage": "applied"}, **HX).status_code == 404
    secret.refresh_from_db()
    assert secret.stage == "identified"
    assert "Secret" not in client.get(URL).content.decode()


def _leads(account, n, start):
    for i in range(start, start + n):
        via = people.add_person(account, f"Leader {i}", org="Globex")
        lead = leads.add(account, ["eBay", "Initech", "Globex"][i % 3], f"Role {i}", via=via,
                         stage=rules.LEAD_STAGES[i % len(rules.LEAD_STAGES)], when=date(2025, 1, 1 + i % 28))
        lead.contributors.add(people.add_person(account, f"Helper {i}"))


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    _leads(account, 9, 0)
    small = queries_for(client, URL)
    grow(account, 180)
    _leads(account, 40, 9)
    assert queries_for(client, URL) == small <= 6, small


@pytest.mark.django_db
def test_accepting_says_what_the_landing_closed_and_moving_back_restores_it(client, account):
    from goodloop.search import targets

    ana = people.add_person(account, "Ana Diaz", org="eBay")
    win = leads.add(account, "eBay", "Senior PMM", via=ana, when=date(2025, 3, 1))
    other = leads.add(account, "Globex", "Product Lead", when=date(2025, 3, 2))
    leads.move(account, other.id, "applied", date(2025, 3, 3))
    targets.add_target(account, "Globex")
    html = client.post(reverse("lead-move", args=[win.id]), {"stage": "accepted"}, **HX).content.decode()
    assert "You landed! The rest of the search is closed: withdrawn Product Lead at Globex." in html
    assert "Targets closed: Globex." in html and "To undo, move it back to identified." in html
    other.refresh_from_db()
    assert other.stage == "withdrawn"
    html = client.post(reverse("lead-move", args=[win.id]), {"stage": "identified"}, **HX).content.decode()
    assert "The landing is undone: 1 lead(s), 1 target(s) and 0 ask(s) restored." in html
    other.refresh_from_db()
    assert other.stage == "applied"

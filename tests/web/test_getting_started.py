"""The first-run checklist on Today and "what next" after an import (issue 15 item 7)."""

from pathlib import Path

import pytest
from django.urls import reverse

from goodloop.network import people
from goodloop.overview import getting_started
from goodloop.search import brief, targets
from goodloop.transfer import import_jobs

TODAY = reverse("today")
FMT = Path(__file__).parent.parent / "formats" / "fixtures"


def _panel(html: str) -> str:
    start = html.find('aria-labelledby="h-getting-started"')
    return html[start:html.find("</section>", start)] if start >= 0 else ""


@pytest.mark.django_db
def test_an_empty_store_offers_the_web_ways_in_not_terminal_commands(client, account):
    html = client.get(TODAY).content.decode()
    panel = _panel(html)
    assert [s.key for s in getting_started.checklist(account)] == ["name", "contacts", "targets", "brief"]
    for path in (reverse("you"), reverse("import"), reverse("person_add"), reverse("targets"), reverse("brief")):
        assert f'href="{path}"' in panel, path
    for app in ("LinkedIn", "Google Contacts", "Outlook", "iPhone", "Android"):
        assert f"<dt>{app}</dt>" in panel, app  # where each export comes from
    assert "goodloop person add" not in html  # the empty state no longer sends web users to a terminal
    assert f'href="{reverse("import")}">Import your contacts' in html


@pytest.mark.django_db
def test_each_step_is_ticked_as_it_is_done_and_the_panel_goes_when_all_are(client, account):
    client.post(reverse("you"), {"name": "Ruth Abara", "next": "today"})
    for n in range(getting_started.PEOPLE_BY_HAND - 1):
        people.add_person(account, f"Hand Added {n}")
    steps = {s.key: s.done for s in getting_started.checklist(account)}
    assert steps == {"name": True, "contacts": False, "targets": False, "brief": False}
    assert "(9 so far)" in _panel(client.get(TODAY).content.decode())
    people.add_person(account, "The Tenth")
    for org in ("Lantern Robotics", "Tidewater Books"):
        targets.add_target(account, org)
    assert {s.key: s.done for s in getting_started.checklist(account)}["targets"] is False  # two of three
    targets.add_target(account, "Copperleaf Analytics")
    panel = _panel(client.get(TODAY).content.decode())
    assert panel.count("Done: ") == 3 and f'href="{reverse("brief")}">Write your brief' in panel
    brief.update(account, headline="Product marketer looking for a developer-tools team")
    assert getting_started.pending(account) == []
    assert 'h-getting-started' not in client.get(TODAY).content.decode()


@pytest.mark.django_db
def test_a_closed_target_does_not_count(account):
    for org in ("Lantern Robotics", "Tidewater Books", "Copperleaf Analytics"):
        targets.add_target(account, org)
    targets.edit_target(account, "Tidewater Books", status="closed")
    assert {s.key: s.done for s in getting_started.checklist(account)}["targets"] is False


@pytest.mark.django_db
def test_after_an_import_the_report_says_what_to_do_next(client, account):
    job = import_jobs.start(account, (FMT / "linkedin_connections.csv").read_bytes(), format="auto",
                            filename="Connections.csv")
    html = client.get(reverse("import_job", args=[job.id])).content.decode()
    nxt = html[html.index('aria-labelledby="h-next"'):]
    nxt = nxt[:nxt.index("</section>")]
    assert f'href="{TODAY}">See who to reconnect with on Today' in nxt
    assert f'href="{reverse("targets")}">Choose 3 target organizations' in nxt
    assert f'href="{reverse("brief")}">Write your brief' in nxt
    assert "Bring in your contacts" not in nxt  # just done
    assert {s.key: s.done for s in getting_started.checklist(account)}["contacts"] is True


@pytest.mark.django_db
def test_the_checklist_is_one_query_whatever_the_size(account, django_assert_num_queries):
    with django_assert_num_queries(1):
        getting_started.checklist(account)
    for n in range(30):
        people.add_person(account, f"Someone {n}")
    targets.add_target(account, "Lantern Robotics")
    with django_assert_num_queries(1):
        getting_started.checklist(account)

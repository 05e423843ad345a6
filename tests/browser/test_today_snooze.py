"""Today in a browser (issue 13): day one offers first steps and reconnects; "Not now" hides an item
and "Done" records it, each without a page load (htmx), and both stick after a reload."""

import re

import pytest

from goodloop.helploop.models import Snooze
from goodloop.network import people
from goodloop.network.models import Interaction
from goodloop.search import targets

from .conftest import SHOTS


@pytest.fixture
def day_one(transactional_db, account):
    """People and a target, nothing recorded yet; committed so the live server's thread sees it."""
    targets.add_target(account, "Stripe", priority=1, why="payments PMM")
    people.add_person(account, "Nia Stripe", org="Stripe", title="Product Marketing Lead")
    people.add_person(account, "Kofi Close", org="Wexford Labs", tier="close")
    people.add_person(account, "Lea Core", org="Larchmont", tier="core")
    return account


@pytest.mark.browser
def test_not_now_and_done_on_today(live_server, day_one, browser):
    from playwright.sync_api import expect

    page = browser.new_page()
    page.goto(live_server.url + "/")
    items = page.locator("ol.agenda > li")
    expect(items.first.locator(".badge.kind")).to_have_text("First step")
    reconnect = items.filter(has_text="Kofi Close")
    expect(reconnect.locator(".badge.kind")).to_have_text("Reconnect")
    expect(reconnect).to_contain_text("no contact recorded")
    page.screenshot(path=f"{SHOTS}/goodloop-today-day-one.png", full_page=True)
    count = items.count()

    reconnect.get_by_role("button", name=re.compile("^Not now")).click()
    expect(page.locator("#agenda-status")).to_contain_text("Not now: it comes back on")
    expect(items).to_have_count(count - 1)
    assert Snooze.objects.filter(key__startswith="reconnect:").count() == 1

    core = items.filter(has_text="Lea Core")
    core.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.locator("#agenda-status")).to_contain_text("Logged a message to Lea Core")
    assert Interaction.objects.filter(summary="Reconnected").count() == 1

    page.reload()
    expect(page.locator("ol.agenda")).not_to_contain_text("Kofi Close")
    expect(page.locator("ol.agenda")).not_to_contain_text("Lea Core")

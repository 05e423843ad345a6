"""The giver's journey: paste a vague request and see the coach's reading and the clarifying
draft; accept a specific one with a promise; find the promise on Today; mark it done and see
the ledger change.

Playwright's sync API drives Debian's Chromium (never a downloaded browser). Under CI=true the
test must run; locally it is skipped only when chromium is not installed.
"""

import re
from datetime import date, timedelta

import pytest

from .conftest import SHOTS

VAGUE_MESSAGE = """From: Ana Diaz <ana@example.org>
Subject: quick question

Hi there,

Do you know any companies I should target? Anyone in your network really.

Thanks,
Ana"""
SPECIFIC = ("Could you introduce me to a product marketing manager at eBay? I'm preparing for interviews there "
            "and would value 20 minutes. Thanks!")


@pytest.fixture
def network(transactional_db, account):
    """Two contacts, committed so the live server's thread sees them."""
    from goodloop.helploop import trust
    from goodloop.network import people

    people.add_person(account, "Ana Diaz", org="Northwind Health", email="ana@example.org")
    bo = people.add_person(account, "Bo Chen", org="eBay", title="Designer")
    trust.set_by_hand(account, bo, "acquainted")  # someone I know: an introduction isn't gated
    return account


def test_paste_triage_promise_on_today_done_ledger(live_server, network, browser):
    from playwright.sync_api import expect

    from goodloop.helploop.models import Favor, Loop
    from goodloop.overview import agenda

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # Paste a vague request: the coach's reading and the clarifying draft.
    page.goto(live_server.url + "/giving/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Giving")
    expect(page.get_by_role("navigation", name="Sections").get_by_role("link", name="Giving")).to_have_attribute(
        "aria-current", "page")
    page.get_by_label("Paste a message").fill(VAGUE_MESSAGE)
    page.get_by_role("button", name="Read the message").click()
    recorded = page.locator("#recorded")
    expect(recorded).to_contain_text("Ana Diaz")
    expect(recorded.locator(".sender")).to_contain_text("Ana Diaz")
    expect(recorded).to_contain_text("Too vague to act on yet")
    expect(recorded.locator(".findings li").first).to_be_visible()
    expect(page.locator("#recorded-draft")).to_have_value(
        re.compile(r"Which two or three companies are you focusing on\?"))
    page.screenshot(path=f"{SHOTS}/goodloop-giving-vague.png", full_page=False)

    # Type in a specific request and accept it with a promise due in two days.
    page.locator("details.typed > summary").click()
    page.get_by_label("Who asked").fill("Bo Chen")
    page.get_by_label("What they asked").fill(SPECIFIC)
    page.get_by_role("button", name="Record request").click()
    expect(page.locator("#recorded")).to_contain_text("Specific enough to act on")
    card = page.locator("article.request", has_text="Bo Chen")
    accept = card.locator("details.path-accept")
    expect(accept).to_have_attribute("open", "")  # the suggested path
    expect(accept.locator("textarea")).to_have_value(re.compile("yes - glad to help"))
    due = date.today() + timedelta(days=2)
    accept.get_by_label("Due").fill(due.isoformat())
    expect(accept.locator("textarea")).to_have_value(re.compile(f"by {due.strftime('%A')}"))
    accept.get_by_role("button", name="Accept and promise").click()
    expect(card).to_contain_text("Accepted on")
    expect(card.locator(".triage-outcome textarea")).to_have_value(re.compile("glad to help"))
    promise = page.locator("#promises li.loop-item", has_text="Bo Chen")
    expect(promise).to_contain_text("You promised Bo Chen")
    card.scroll_into_view_if_needed()
    page.screenshot(path=f"{SHOTS}/goodloop-giving-accepted.png", full_page=False)
    loop = Loop.objects.get(kind="promise", person__display_name="Bo Chen")
    assert loop.due == due

    # The promise is on Today (ranked among thank-yous and reports, with its reason).
    items = agenda.today(network, date.today())
    assert any(i.kind == "promise" and "You promised Bo Chen" in i.reason for i in items)
    page.goto(live_server.url + "/")
    expect(page.locator("main")).to_contain_text("You promised Bo Chen")

    # Mark it done: the favor given is recorded and the ledger moves.
    page.goto(live_server.url + "/giving/")
    promise = page.locator("#promises li.loop-item", has_text="Bo Chen")
    promise.get_by_role("button", name="Done — I kept it").click()
    change = page.locator(f"#promise-{loop.id} .ledger-change")
    expect(change).to_contain_text("0 favors → 1 favor")
    expect(change).to_contain_text("Recorded introduction given to Bo Chen")
    page.wait_for_timeout(300)  # let the swap settle before the screenshot
    page.screenshot(path=f"{SHOTS}/goodloop-giving-kept.png", full_page=False)
    assert Favor.objects.filter(direction="given", person__display_name="Bo Chen").count() == 1

    # Their giving page shows what I gave them.
    page.locator(f"#promise-{loop.id}").get_by_role("link", name="What you've given Bo Chen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Giving · Bo Chen")
    expect(page.locator(".closure-stats")).to_contain_text("1 favor given")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SHOTS}/goodloop-person-giving-phone.png", full_page=True)
    assert not errors, errors
    context.close()

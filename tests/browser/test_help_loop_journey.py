"""The help loop in a browser: type a vague ask, see the coach's findings, take the rewrite, save it;
record a favor; see the thank-you on Today; mark it done.

Playwright's sync API drives Debian's Chromium (never a downloaded browser). Under CI=true the
test must run; locally it is skipped only when chromium is not installed.
"""

import re

import pytest

from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import people
from goodloop.search import targets

from .conftest import SHOTS

VAGUE = "Do you know any companies I should target? Let me know if you hear of anything."



@pytest.fixture
def ana(transactional_db, account):
    """A small network, committed so the live server's thread sees it."""
    targets.add_target(account, "eBay", priority=1, why="Marketplace PMM roles")
    targets.add_target(account, "American Express", priority=2)
    people.add_person(account, "Bo Chen", org="Acme", title="Engineer")
    return people.add_person(account, "Ana Diaz", org="eBay", title="Product Marketing Manager", tier="close")


def test_ask_with_the_coach_record_a_favor_thank_on_today(live_server, ana, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # 1. Write a vague ask: the coach scores it live and explains why.
    page.goto(live_server.url + "/asks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Asks")
    page.get_by_label("To").fill("Ana")
    expect(page.locator("#people-options option")).to_have_count(1)
    page.get_by_label("To").fill(page.locator("#people-options option").first.get_attribute("value"))
    page.get_by_role("textbox", name="Your ask").press_sequentially(VAGUE[:40], delay=5)
    page.get_by_role("textbox", name="Your ask").fill(VAGUE)
    findings = page.locator("#coach .finding")
    expect(findings.first).to_be_visible()
    expect(page.locator("#coach .finding.code-vague_chestnut")).to_be_visible()
    expect(page.locator("#coach .principle").first).to_have_text(re.compile(r"P\d"))
    score = int(re.search(r"Score (\d+)", page.locator("#coach .score-label").inner_text()).group(1))
    assert score < 50
    page.screenshot(path=f"{SHOTS}/goodloop-asks.png", full_page=True)

    # 2. Take the rewrite in one click: the textarea holds it and the coach re-scores it.
    rewrite = page.locator("#coach-rewrite").inner_text().strip()
    assert "eBay" in rewrite
    page.get_by_role("button", name="Use this rewrite").click()
    expect(page.get_by_role("textbox", name="Your ask")).to_have_value(rewrite)
    expect(page.locator("#coach .score-label")).not_to_contain_text(f"Score {score} ")
    better = int(re.search(r"Score (\d+)", page.locator("#coach .score-label").inner_text()).group(1))
    assert better > score
    page.get_by_role("button", name="Save ask").click()
    expect(page.locator(".messages")).to_contain_text("Saved your ask to Ana Diaz")
    ask = Ask.objects.get()
    assert ask.text == rewrite and ask.person_id == ana.id and ask.score == better
    expect(page.locator(f"#ask-{ask.id}")).to_contain_text("Ana Diaz")

    # 3. Ana answers: record the favor; the thank-you and report loops open.
    page.goto(live_server.url + f"/favors/new/?ask={ask.id}")
    page.get_by_label("Person").fill(f"#{ana.id} Ana Diaz")
    page.get_by_label("Kind of help").select_option("introduction")
    page.get_by_label("What they did").fill("introduced me to two PMMs at eBay")
    page.get_by_role("button", name="Record favor").click()
    result = page.locator("#favor-result")
    expect(result).to_contain_text("Recorded: introduction from Ana Diaz")
    expect(result.locator(".loops-opened li")).to_have_count(2)
    assert Favor.objects.get().ask_id == ask.id

    # 4. Today shows the thank-you first, with a draft that can be copied; done removes it.
    result.get_by_role("link", name="See it on Today").click()
    first = page.locator("ol.agenda > li").first
    expect(first.locator(".badge.kind")).to_have_text("Thank")
    expect(first).to_contain_text("Ana Diaz")
    draft = first.locator("textarea")
    expect(draft).to_have_value(re.compile("Ana"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first.get_by_role("button", name="Copy draft").click()
    expect(first.get_by_role("button", name=re.compile("Copied"))).to_be_visible()
    page.screenshot(path=f"{SHOTS}/goodloop-today.png", full_page=True)
    count = page.locator("ol.agenda > li").count()
    first.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.locator("#agenda-status")).to_contain_text("Done: thank for Ana Diaz.")
    expect(page.locator("ol.agenda > li")).to_have_count(count - 1)
    assert Loop.objects.get(kind="thank").status == "done"

    # 5. The person page: the timeline holds the ask and the favor; the report loop is still owed.
    page.goto(live_server.url + f"/people/{ana.id}/")
    expect(page.locator("#h-loops")).to_contain_text("1 open loop")
    expect(page.locator("ol.timeline")).to_contain_text("Favor received")
    expect(page.locator("ol.timeline")).to_contain_text("Ask")
    page.screenshot(path=f"{SHOTS}/goodloop-person-helploop.png", full_page=True)
    assert errors == []


def test_today_and_asks_at_phone_width(live_server, ana, browser):
    from playwright.sync_api import expect

    from goodloop.helploop import favors

    favors.record(ana.account, ana, "received", "advice", note="reviewed my pitch")
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(live_server.url + "/")
    expect(page.locator("ol.agenda > li").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=f"{SHOTS}/goodloop-today-phone.png", full_page=False)
    page.goto(live_server.url + "/asks/")
    page.get_by_role("textbox", name="Your ask").fill(VAGUE)
    expect(page.locator("#coach .finding").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

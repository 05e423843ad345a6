"""The eight-week search's first week in a browser (issue 13, Must show; the whole journey is
tests/cli/test_eight_week_search.py): an ask for an introduction and a vague one, advice
thanked from Today, the introduction requested, made and met, one trust stage on the person
page, and the relationship-building follow-up a week after meeting.

Playwright's sync API drives Debian's Chromium (never a downloaded browser).
"""

import re
from datetime import timedelta

import pytest

from goodloop import clock
from goodloop.helploop.models import Ask
from goodloop.network import interactions, people
from goodloop.search import targets

from .conftest import SHOTS

# The journey CI also runs on PostgreSQL (tests/conftest.py): a week of committed writes through the
# live server's own thread, on both engines.
pytestmark = pytest.mark.engine_journey


@pytest.fixture
def cast(transactional_db, account):
    """The search's people, committed so the live server's thread sees them."""
    targets.add_target(account, "Ardent Pay", priority=1)
    targets.add_target(account, "Bramble Labs", priority=2)
    marta = people.add_person(account, "Marta Quinn", org="Fennel Health", title="Engineering Manager", tier="close")
    leo = people.add_person(account, "Leo Park", org="Ardent Pay", title="Director of Product")
    sana = people.add_person(account, "Sana Iqbal", org="Cobalt Ventures", title="Partner", tier="core")
    victor = people.add_person(account, "Victor Hale", org="Bramble Labs", title="Head of Data", tier="active")
    today = clock.today(account)
    interactions.log(account, [marta], "call", "mutual", "caught up before the search", today - timedelta(days=20))
    return {"marta": marta, "leo": leo, "sana": sana, "victor": victor, "today": today}


def test_first_week_of_the_search(live_server, cast, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    base, today = live_server.url, cast["today"]

    def ask(person, text):
        page.goto(base + "/asks/")
        page.get_by_label("To").fill(f"#{person.id} {person.display_name}")
        page.get_by_role("textbox", name="Your ask").fill(text)
        expect(page.locator("#coach .score-label")).to_be_visible()
        score = int(re.search(r"Score (\d+)", page.locator("#coach .score-label").inner_text()).group(1))
        page.get_by_role("button", name="Save ask").click()
        expect(page.locator(".messages")).to_contain_text(f"Saved your ask to {person.display_name}")
        return score

    # Day 1: the ask for an introduction scores well; the vague one gets the coach's finding.
    specific = ask(cast["marta"], "Hi Marta, would you introduce me to Leo Park at Ardent Pay? I'd like 20 minutes "
                                  "to hear how their payments product team works. Thank you!")
    page.goto(base + "/asks/")
    page.get_by_role("textbox", name="Your ask").fill("Let me know if you hear of anything.")
    expect(page.locator("#coach .finding").first).to_be_visible()
    vague = ask(cast["victor"], "Let me know if you hear of anything.")
    assert vague < specific

    # Sana's advice: a thank-you and, now, a report loop two weeks out.
    page.goto(base + "/favors/new/")
    page.get_by_label("Person").fill(f"#{cast['sana'].id} Sana Iqbal")
    page.get_by_label("Kind of help").select_option("advice")
    page.get_by_label("What they did").fill("how to pitch my payments work")
    page.get_by_role("button", name="Record favor").click()
    result = page.locator("#favor-result")
    expect(result.locator(".loops-opened li")).to_have_count(2)
    expect(result).to_contain_text("Report due")

    # Day 2: Today's first item is the thank-you to Sana; done.
    page.goto(base + f"/?date={today + timedelta(days=1)}")
    first = page.locator("ol.agenda > li").first
    expect(first.locator(".badge.kind")).to_have_text("Thank")
    expect(first).to_contain_text("Sana Iqbal")
    expect(first.locator("textarea")).to_have_value(re.compile(r"^Hi Sana, thank you for"))
    first.get_by_role("button", name=re.compile("^Done")).click()
    expect(page.locator("#agenda-status")).to_contain_text("Done: thank for Sana Iqbal.")

    # Day 3: the introduction, requested, made and met.
    page.goto(base + "/introductions/")
    page.get_by_label("Who can introduce you").fill(f"#{cast['marta'].id} Marta Quinn")
    page.get_by_label("Who you'd like to meet").fill(f"#{cast['leo'].id} Leo Park")
    page.locator("#request").get_by_label("What for").fill("20 minutes on how Ardent Pay's payments team works")
    page.get_by_role("button", name="Request introduction").click()
    status = page.locator(".intro-status").first
    expect(status).to_have_text("Requested")
    for step, shown in (("Mark opt-in asked", "Opt-in asked"), ("Mark made", "Made"), ("Mark met", "Met")):
        page.get_by_role("button", name=step).first.click()
        expect(status).to_have_text(re.compile(shown, re.I))
    assert Ask.objects.get(person=cast["marta"]).status == "answered"  # she helped: no nudge to her

    # Leo's page: one trust stage everywhere, and the relationship-building rhythm.
    page.goto(base + f"/people/{cast['leo'].id}/")
    badges = set(page.locator("[class*='badge trust-']").evaluate_all(
        "els => els.map(e => [...e.classList].find(c => c.startsWith('trust-')))"))
    assert badges == {"trust-acquainted"}
    expect(page.locator("#h-rhythm").locator("..")).to_contain_text("Building the relationship")
    page.screenshot(path=f"{SHOTS}/goodloop-eight-week-leo.png", full_page=True)

    # A week after meeting: the follow-up, with a draft that thanks Leo and Marta.
    page.goto(base + f"/?date={today + timedelta(days=7)}")
    expect(page.get_by_label(re.compile("^Draft to Leo Park"))).to_have_value(re.compile(
        r"^Hi Leo, thank you again for making time to meet last week, and thanks to Marta for connecting us"))
    page.screenshot(path=f"{SHOTS}/goodloop-eight-week-today.png", full_page=True)
    assert errors == []

"""Journeys through the search pages on the demo network: request an introduction and follow it
to met; move a lead through the board (drag and drop, and the accessible "move to" control);
open Reports and see the charts. Playwright's sync API drives Debian's Chromium (never a
downloaded browser); under CI=true the tests must run, locally they skip only without chromium."""

import time

from goodloop.helploop.models import Loop
from goodloop.network.models import Person
from goodloop.search.models import Introduction, Lead, Target

from .conftest import SHOTS


def two_people(account) -> tuple[Person, Person]:
    """Two people with unique names at organizations; the second has not met me through anyone yet."""
    people = Person.objects.filter(account=account, is_me=False, organization__isnull=False).order_by("id")
    names = [p.display_name for p in Person.objects.filter(account=account)]
    unique = [p for p in people if names.count(p.display_name) == 1]
    second = next(p for p in reversed(unique) if p.met_through_id is None)
    first = next(p for p in reversed(unique) if p.id != second.id)
    return first, second


def non_white_share(path: str) -> float:
    from PIL import Image

    image = Image.open(path).convert("L")
    pixels = image.getdata()
    return sum(1 for v in pixels if v < 240) / len(pixels)


def test_request_an_introduction_and_follow_it_to_met(live_server, network, page):
    from playwright.sync_api import expect

    introducer, target = two_people(network)
    page.goto(live_server.url + "/introductions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Introductions")
    # A name nobody has: the error is shown next to the field.
    page.get_by_label("Who can introduce you").fill("Nobody Atall Zzz")
    page.get_by_label("Who you'd like to meet").fill(target.display_name)
    page.get_by_role("button", name="Request introduction").click()
    expect(page.locator("#id_ask-introducer_error")).to_contain_text("No one called Nobody Atall Zzz")
    page.get_by_label("Who can introduce you").fill(introducer.display_name)
    page.locator("#id_ask-purpose").fill("20 minutes on how their team hires")
    page.get_by_role("button", name="Request introduction").click()
    intro = Introduction.objects.get(account=network, introducer=introducer, introduced=target)
    card = page.locator(f"#intro-{intro.id}")
    expect(card.locator(".intro-status")).to_have_text("Requested")
    expect(card.locator(f"#draft-{intro.id}-request")).to_contain_text("here is a short note you can forward")
    expect(card.locator(f"#draft-{intro.id}-opt_in")).to_contain_text("Would you be open to it?")
    card.get_by_role("button", name="Copy request").click()
    expect(card.get_by_role("button", name="Copied ✓")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/goodloop-introductions.png", full_page=True)

    for button, status in (("Mark opt-in asked", "Opt-in asked"), ("Mark made", "Made"), ("Mark met", "Met")):
        page.locator(f"#intro-{intro.id}").get_by_role("button", name=button).click()
        expect(page.locator(f"#intro-{intro.id} .intro-status")).to_have_text(status)
    card = page.locator(f"#intro-{intro.id}")
    expect(card.locator(".opened-loops")).to_contain_text(introducer.display_name)
    intro.refresh_from_db()
    assert intro.status == "met" and intro.met_on is not None
    assert set(Loop.objects.filter(introduction=intro).values_list("kind", flat=True)) >= {"thank", "report"}
    target.refresh_from_db()
    assert target.met_through_id == introducer.id
    page.screenshot(path=f"{SHOTS}/goodloop-introduction-met.png", full_page=False)
    assert page.errors == []


def test_move_a_lead_through_the_board(live_server, network, page):
    from playwright.sync_api import expect

    via, _ = two_people(network)
    page.goto(live_server.url + "/leads/")
    expect(page.locator("[data-drop-stage]")).to_have_count(9)
    page.get_by_label("Organization", exact=True).fill("Board Test Co")
    page.get_by_label("Role title").fill("Board Journey Lead")
    page.get_by_label("Via (person)").fill(via.display_name)
    page.get_by_role("button", name="Add lead").click()
    lead = Lead.objects.get(account=network, title="Board Journey Lead")
    card = page.locator(f"#lead-{lead.id}")
    expect(page.locator('[data-drop-stage="identified"]').locator(f"#lead-{lead.id}")).to_be_visible()
    expect(card).to_contain_text("Board Test Co")
    expect(card).to_contain_text(via.display_name)

    # The accessible way: the "move to" select and its button (htmx).
    card.get_by_label("Move Board Journey Lead to").select_option("networking")
    card.get_by_role("button", name="Move").click()
    expect(page.locator('[data-drop-stage="networking"]').locator(f"#lead-{lead.id}")).to_be_visible()
    expect(page.locator("#board-announce")).to_contain_text("2 report loops opened: tell Joy Gordon, Lakshmi Brooks")
    expect(page.locator("#board-announce")).to_contain_text(via.display_name)

    # Drag and drop onto the "applied" column.
    page.locator(f"#lead-{lead.id}").drag_to(page.locator('[data-drop-stage="applied"]'))
    expect(page.locator('[data-drop-stage="applied"]').locator(f"#lead-{lead.id}")).to_be_visible()
    expect(page.locator("#board-announce")).to_contain_text("to applied")
    page.locator(f"#lead-{lead.id}").drag_to(page.locator('[data-drop-stage="interviewing"]'))
    expect(page.locator('[data-drop-stage="interviewing"]').locator(f"#lead-{lead.id}")).to_be_visible()
    lead.refresh_from_db()
    assert lead.stage == "interviewing"
    assert list(lead.history.values_list("stage", flat=True)) == ["identified", "networking", "applied",
                                                                   "interviewing"]
    page.screenshot(path=f"{SHOTS}/goodloop-leads.png", full_page=True)
    assert page.errors == []


def test_reports_show_the_charts(live_server, network, page):
    from playwright.sync_api import expect

    page.goto(live_server.url + "/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    charts = page.locator("svg.chart")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 6
    assert page.locator("svg.chart rect").count() > 10
    page.get_by_text("Data table").first.click()
    expect(page.locator(".chart-data table").first).to_be_visible()
    shot = f"{SHOTS}/goodloop-reports.png"
    page.screenshot(path=shot, full_page=True)
    assert non_white_share(shot) > 0.05, "the Reports screenshot is blank"
    chart_shot = f"{SHOTS}/goodloop-reports-activity.png"
    page.locator("#chart-activity svg").screenshot(path=chart_shot)
    assert non_white_share(chart_shot) > 0.03, "the activity chart is blank"
    page.goto(live_server.url + "/reports/?since=not-a-date")
    expect(page.locator("#id_since_error")).to_contain_text("Enter a valid date")
    assert page.errors == []


def test_reorder_targets_and_see_warm_paths_and_the_brief(live_server, network, page):
    from playwright.sync_api import expect

    first, second = Target.objects.filter(account=network).select_related("organization").order_by("priority")[:2]
    page.goto(live_server.url + "/targets/")
    page.get_by_role("button", name=f"Move {first.organization.name} down").click()
    expect(page.locator("#target-list > li").first).to_have_attribute("id", f"target-{second.id}")
    for t in (first, second):  # the warm paths load as they scroll into view
        page.locator(f"#target-{t.id} .lazy-paths").scroll_into_view_if_needed()
        expect(page.locator(f"#target-{t.id} .lazy-paths")).not_to_contain_text("Who you know who knows")
    # Drag it back to the top.
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(f"#target-{first.id} .drag-handle").drag_to(page.locator(f"#target-{second.id} .target-head"),
                                                              target_position={"x": 20, "y": 4})
    expect(page.locator("#target-list > li").first).to_have_attribute("id", f"target-{first.id}")
    for _ in range(50):  # the list moves at once; the server saves the new order a moment later
        first.refresh_from_db()
        if first.priority == 1:
            break
        time.sleep(0.1)
    assert first.priority == 1
    page.screenshot(path=f"{SHOTS}/goodloop-targets.png", full_page=False)

    page.goto(live_server.url + f"/organizations/{first.organization_id}/")
    expect(page.locator("#warm-paths ol.paths > li").first).to_be_visible()
    page.screenshot(path=f"{SHOTS}/goodloop-organization.png", full_page=False)

    page.goto(live_server.url + "/brief/")
    page.get_by_label("How you can help").fill("Do you know any companies I should target?")
    expect(page.locator("#coach .coach-item")).to_have_count(1)
    # The brief coach names the finding in words (the code only as a class).
    expect(page.locator("#coach .brief-findings .code-vague")).to_contain_text("classic vague ask")
    expect(page.locator("#coach")).not_to_contain_text("vague_chestnut")
    page.screenshot(path=f"{SHOTS}/goodloop-brief.png", full_page=True)
    assert page.errors == []


def test_leads_board_at_phone_width(live_server, network, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_server.url + "/leads/")
    page.locator("[data-drop-stage]").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the board scrolls inside itself
    page.screenshot(path=f"{SHOTS}/goodloop-leads-phone.png", full_page=False)

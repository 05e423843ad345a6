"""The journey: open the app on the demo network, search People, open a person, see their timeline.

Playwright's sync API drives Debian's Chromium (never a downloaded browser). Under CI=true the
test must run; locally it is skipped only when chromium is not installed.
"""


from django.db.models import Count

from goodloop.network.models import Person

from .conftest import SHOTS


def busiest_person(account) -> Person:
    return (Person.objects.filter(account=account, is_me=False, organization__isnull=False)
            .annotate(n=Count("interactions")).order_by("-n", "id").select_related("organization").first())


def test_search_people_open_a_person_see_the_timeline(live_server, network, browser):
    from playwright.sync_api import expect

    person = busiest_person(network)
    assert person is not None and person.interactions.exists()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="People").click()
    expect(page).to_have_url(live_server.url + "/people/")
    expect(page.locator("table.people tbody tr")).to_have_count(50)
    assert page.evaluate("typeof htmx") == "object"  # the vendored htmx loaded

    # Live search: typing updates only the results (htmx) and the address bar.
    page.get_by_label("Search", exact=True).fill(person.display_name)
    page.wait_for_url("**/people/?q=*")
    rows = page.locator("table.people tbody tr")
    expect(rows.first).to_contain_text(person.display_name)
    assert rows.count() < 50
    expect(page.get_by_label("Search", exact=True)).to_have_value(person.display_name)  # the form was not replaced
    page.screenshot(path=f"{SHOTS}/goodloop-people.png", full_page=False)

    page.get_by_role("link", name=person.display_name, exact=True).first.click()
    page.wait_for_url(f"**/people/{person.id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(person.display_name)
    expect(page.locator(".lede")).to_contain_text(person.organization.name)
    timeline = page.locator("ol.timeline > li")
    expect(timeline.first).to_be_visible()
    # The timeline holds interactions, asks, favors, loops and introductions.
    assert timeline.count() >= min(50, person.interactions.count())
    dates = timeline.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)  # newest first
    page.screenshot(path=f"{SHOTS}/goodloop-person.png", full_page=True)

    # Back to the search results, as the address bar kept them.
    page.go_back()
    expect(page.get_by_label("Search", exact=True)).to_have_value(person.display_name)
    assert errors == []


def test_people_page_at_phone_width(live_server, network, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto(live_server.url + "/people/")
    expect(page.locator("table.people tbody tr").first).to_be_visible()
    # Nothing wider than the screen but the scrollable table and nav.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("Tier").select_option("core")
    page.wait_for_url("**/people/?*tier=core*")
    expect(page.locator("table.people tbody tr").first.locator(".badge")).to_have_text("core")
    page.screenshot(path=f"{SHOTS}/goodloop-people-phone.png", full_page=False)

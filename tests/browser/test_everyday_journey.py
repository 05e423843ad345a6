"""Issue 15, the everyday basics in one journey on the demo network, in Chromium: add a person
from the People page; change their job on the Person page (the old role stays as history); log
a call from their page (the timeline updates in place); find them with the header search ("/"
focuses it, arrow keys and Enter open a result); and from the favor form, name someone unknown,
follow "Add …" with the name filled in, and land back on the form with them named in it."""

from goodloop import clock
from goodloop.helploop.models import Favor
from goodloop.network.models import Interaction, Person

from .conftest import SHOTS

NEW = "Ottilie Brandvold"  # nobody in the demo network is called this
UNKNOWN = "Cosimo Vantongeren"


def test_add_edit_log_find_and_add_from_a_form(live_server, network, page):
    from playwright.sync_api import expect

    assert not Person.objects.filter(account=network, display_name__in=[NEW, UNKNOWN]).exists()
    main = page.locator("main")

    # 1. Add a person from the People page.
    page.goto(live_server.url + "/people/")
    main.get_by_role("link", name="Add person").click()
    expect(page).to_have_url(live_server.url + "/people/add/")
    main.get_by_label("Name").fill(NEW)
    main.get_by_label("Organization").fill("Lumenfold Analytics")
    main.get_by_label("Title").fill("Data Analyst")
    main.get_by_label("Email").fill("ottilie@lumenfold.example")
    main.get_by_role("button", name="Add person").click()
    person = Person.objects.get(account=network, display_name=NEW)
    expect(page).to_have_url(f"{live_server.url}/people/{person.id}/")
    expect(page.locator(".messages")).to_contain_text(f"Added {NEW}.")
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW)
    expect(main.locator(".lede")).to_have_text("Data Analyst at Lumenfold Analytics")
    assert person.organization.name == "Lumenfold Analytics" and person.title == "Data Analyst"
    assert person.contact_points.filter(kind="email", value="ottilie@lumenfold.example").exists()

    # 2. A change of job on the edit form: the new role is current, the old one is history.
    main.get_by_role("link", name="Edit", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/people/{person.id}/edit/")
    expect(main.get_by_label("Title")).to_have_value("Data Analyst")
    main.get_by_label("Organization").fill("Harborline Robotics")
    main.get_by_label("Title").fill("Analytics Lead")
    main.get_by_role("button", name="Save").click()
    expect(page).to_have_url(f"{live_server.url}/people/{person.id}/")
    expect(main.locator(".lede")).to_have_text("Analytics Lead at Harborline Robotics")
    roles = main.locator("ul.roles > li")
    expect(roles).to_have_count(2)
    expect(roles.first).to_contain_text("Analytics Lead at Harborline Robotics")
    expect(roles.first).not_to_have_class("past")
    expect(main.locator("ul.roles > li.past")).to_contain_text("Data Analyst at Lumenfold Analytics")
    person.refresh_from_db()
    assert (person.organization.name, person.title) == ("Harborline Robotics", "Analytics Lead")
    history = list(person.roles.order_by("id").values_list("organization__name", "title", "current"))
    assert history == [("Lumenfold Analytics", "Data Analyst", False), ("Harborline Robotics", "Analytics Lead", True)]

    # 3. Log a call from their page: the timeline updates without a page load.
    timeline = main.locator("#timeline")
    expect(timeline).to_contain_text("No interactions yet")
    page.evaluate("window.notReloaded = true")
    main.locator("summary", has_text=f"Log a conversation with {NEW}").click()
    expect(main.get_by_label("Channel")).to_have_value("call")
    main.get_by_label("One line").fill("Walked through how Harborline hires analysts")
    main.locator(".log-form").get_by_role("button", name="Save").click()
    expect(timeline.locator("ol.timeline > li")).to_have_count(1)
    expect(timeline).to_contain_text("Walked through how Harborline hires analysts")
    expect(timeline.locator("h2 .count")).to_contain_text("1 ")
    expect(main.locator("#agenda-status")).to_contain_text(f"Logged a call with {NEW}")
    today = clock.today(network)
    expect(main.locator("#details-panel")).to_contain_text(f"Last touch{today:%b} {today.day}, {today.year}")
    expect(main.locator("#strength-panel")).to_contain_text("1 interaction, ")  # the panels moved along
    expect(main.locator("#rhythm-panel")).not_to_contain_text("No contact recorded yet")
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the parts, no page load
    interaction = Interaction.objects.get(account=network, people=person)
    assert (interaction.channel, interaction.summary) == ("call", "Walked through how Harborline hires analysts")
    page.screenshot(path=f"{SHOTS}/goodloop-everyday-person.png", full_page=True)

    # 4. The header search: "/" focuses it from anywhere; the result opens with the keyboard.
    page.goto(live_server.url + "/organizations/")
    box = page.get_by_role("searchbox", name="Search people, organizations, asks, leads and introductions")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("Brandvold")
    hits = page.locator("#site-search-results [data-search-hit]")
    expect(hits.first).to_contain_text(NEW)
    expect(page.locator("#site-search-results")).to_contain_text("Harborline Robotics")
    page.keyboard.press("ArrowDown")
    expect(hits.first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/people/{person.id}/")
    # Typing the organization's first letters finds it too; Escape closes the list. The person's page
    # has just loaded: its deferred script (the "/" key) runs before DOMContentLoaded, so wait for that.
    page.wait_for_load_state("domcontentloaded")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("Harborl")
    org_group = page.locator("#site-search-results").get_by_role("region", name="Organizations")
    expect(org_group).to_contain_text("Harborline Robotics")
    page.keyboard.press("Escape")
    expect(hits).to_have_count(0)
    expect(box).to_be_focused()

    # 5. The favor form names someone unknown: "Add …" fills the name in and comes back.
    page.goto(live_server.url + "/favors/new/")
    main.get_by_label("Person").fill(UNKNOWN)
    main.get_by_label("Kind of help").select_option("advice")
    main.get_by_label("What they did").fill("Reviewed my portfolio")
    main.get_by_role("button", name="Record favor").click()
    expect(main.locator("#id_person_error")).to_have_text(f"No one called {UNKNOWN} — add {UNKNOWN}?")
    main.get_by_role("link", name=f"Add {UNKNOWN}").click()
    page.wait_for_url("**/people/add/?*")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a person")
    expect(main.get_by_label("Name")).to_have_value(UNKNOWN)
    main.get_by_label("Organization").fill("Kestrel Design")
    main.get_by_role("button", name="Add person").click()
    added = Person.objects.get(account=network, display_name=UNKNOWN)
    page.wait_for_url("**/favors/new/?*")
    expect(page.locator(".messages")).to_contain_text(f"Added {UNKNOWN}. Back to where you were.")
    expect(main.get_by_label("Person")).to_have_value(f"#{added.id} {UNKNOWN}")
    expect(main.get_by_label("Kind of help")).to_have_value("advice")  # what was typed is kept
    expect(main.get_by_label("What they did")).to_have_value("Reviewed my portfolio")
    main.get_by_role("button", name="Record favor").click()
    expect(main.locator("#favor-result h2")).to_contain_text(f"Recorded: advice from {UNKNOWN}")
    favor = Favor.objects.get(account=network, person=added)
    assert (favor.direction, favor.kind, favor.note) == ("received", "advice", "Reviewed my portfolio")
    assert page.errors == []

"""Edit a person's title from the Person page and see their role history; give your name on the
You page and see it sign an introduction draft (issues 13.1, 15.1), in Chromium."""

import pytest


@pytest.fixture
def cast(transactional_db):
    """A local account with three people and an introduction I make, committed for the live server."""
    from goodloop.accounts import account as accounts
    from goodloop.network import people
    from goodloop.search import introductions

    account = accounts.local_account()
    bo = people.add_person(account, "Bo Chen", org="Acme Payments", title="Engineer")
    maria = people.add_person(account, "María López", org="Northwind")
    introductions.record(account, account.me, maria, bo, purpose="learn how the payments team hires")
    return {"bo": bo}


def test_edit_title_then_name_myself(live_server, cast, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{live_server.url}/people/{cast['bo'].id}/")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Title").fill("Staff Engineer")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bo Chen")
    roles = page.locator("ul.roles")
    expect(roles.locator("li").first).to_contain_text("Staff Engineer at Acme Payments")
    expect(roles.locator("li.past")).to_contain_text("Engineer at Acme Payments")

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="First, your name")).to_be_visible()
    page.get_by_role("link", name="You", exact=True).click()
    page.get_by_label("Your name").fill("Rosa Quintero")
    page.get_by_label("Email").fill("rosa@quintero.example")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("drafts now say Rosa Quintero")

    page.goto(live_server.url + "/introductions/")
    draft = page.locator("pre[id$='-opt_in']").first
    expect(draft).to_contain_text("— Rosa")
    expect(draft).not_to_contain_text("Me")
    assert not errors, errors

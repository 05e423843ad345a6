"""The journey: from a person's page, name a duplicate, compare the two side by side, merge, and
undo the merge (issue 15 item 6). Debian's Chromium through Playwright."""

from datetime import date

import pytest

from goodloop.network.models import MergeRecord, Person

from .conftest import SHOTS


@pytest.fixture
def pair(transactional_db, account):
    """Two records of one person, committed so the live server's thread sees them."""
    from goodloop.helploop import favors
    from goodloop.network import interactions, people

    keep = people.add_person(account, "Wren Alder", org="Larchwood Nursery", title="Grower",
                             email="wren@larch.example")
    gone = people.add_person(account, "W. Alder", email="wren.alder@mail.example")
    interactions.log(account, [gone], "call", "mutual", "talked about seedlings", date(2026, 10, 2))
    favors.record(account, gone, "given", "advice", when=date(2026, 10, 3))
    return keep, gone


def test_merge_two_people_with_the_preview_and_undo_it(live_server, pair, browser):
    from playwright.sync_api import expect

    keep, gone = pair
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{live_server.url}/people/{keep.id}/")
    page.get_by_label("Merge into Wren Alder").fill("wren.alder@mail.example")
    page.get_by_role("button", name="Compare first").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Merge two people")
    keep_side = page.get_by_role("region", name="Keep")
    gone_side = page.get_by_role("region", name="Merge into it")
    expect(keep_side).to_contain_text("Larchwood Nursery, Grower")
    expect(keep_side).to_contain_text("wren@larch.example")
    expect(gone_side).to_contain_text("W. Alder")
    expect(gone_side).to_contain_text("1 interaction · 1 favor · 0 asks")
    page.screenshot(path=f"{SHOTS}/goodloop-merge-preview.png", full_page=True)
    assert not MergeRecord.objects.exists()  # nothing merged by looking

    page.get_by_role("button", name="Merge W. Alder into Wren Alder").click()
    status = page.locator("#last-merge")
    expect(status).to_contain_text("Merged W. Alder into Wren Alder")
    assert not Person.objects.filter(id=gone.id).exists()

    status.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("Merge undone: W. Alder is back as a separate person.")).to_be_visible()
    assert Person.objects.filter(display_name="W. Alder").exists() and MergeRecord.objects.get().undone
    assert errors == []

"""In a real browser, markup typed into names, notes, asks, needs, the brief, organizations,
favors and introductions stays text: no alert() ever fires on the main pages.

Playwright's sync API drives Debian's Chromium (never a downloaded browser). Under CI=true the
test must run; locally it is skipped only when chromium is not installed.
"""


import pytest

# The rendered page: the same on either engine, so CI's PostgreSQL pass leaves it out (tests/conftest.py).
pytestmark = pytest.mark.page_audit

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"



@pytest.fixture
def marked(transactional_db):
    """The local account, every kind of object marked up, committed for the live server's thread."""
    from goodloop.accounts import account as accounts
    from goodloop.network import people
    from tests.security.conftest import build_world

    account = accounts.local_account()
    account.ids = build_world(account, SCRIPT)
    person = people.add_person(account, SCRIPT, org=f"{SCRIPT} Labs")
    person.notes, person.needs = IMG, [f"{IMG} need"]
    person.save(update_fields=["notes", "needs"])
    account.ids["xss_person"] = person.id
    return account


def test_no_dialog_fires_on_the_main_pages(live_server, marked, browser):
    ids = marked.ids
    paths = ["/", "/people/", f"/people/{ids['xss_person']}/", f"/people/{ids['person']}/", "/organizations/",
             f"/organizations/{ids['organization']}/", "/targets/", f"/targets/{ids['target']}/", "/asks/",
             "/loops/", "/introductions/", "/leads/", "/brief/", "/reports/", "/giving/", "/duplicates/",
             f"/import/{ids['import_job']}/", "/tokens/", f"/people/?q={SCRIPT}"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    dialogs, shown = [], []

    def on_dialog(dialog):
        dialogs.append((page.url, dialog.message))
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_content("<script>alert('detector')</script>")  # the detector itself works
    assert [m for _, m in dialogs] == ["detector"]
    dialogs.clear()
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status < 500, path
        page.wait_for_load_state("load")
        if SCRIPT in page.inner_text("body"):
            shown.append(path)  # the markup, shown as the text it is
    # Live search (htmx) swaps results in with the markup in them.
    page.goto(live_server.url + "/people/")
    page.get_by_label("Search", exact=True).fill("<script>")
    page.wait_for_url("**/people/?q=*")
    page.wait_for_timeout(300)
    assert not dialogs, f"a dialog fired: {dialogs}"
    assert f"/people/{ids['xss_person']}/" in shown and "/people/" in shown and "/brief/" in shown, shown
    assert page.evaluate("typeof window.__xss") == "undefined"

"""Browser tests: Playwright's sync API driving Debian's Chromium, never a downloaded browser.

Under CI=true they must run (a skip fails the run, see tests/conftest.py); locally they are
left out only when chromium is not installed.
"""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
SHOTS = os.environ.get("GOODLOOP_SCREENSHOTS", "/tmp")

if not CHROMIUM and os.environ.get("CI") != "true":
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture
def browser():
    """A headless Chromium for one test."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
            # ORM calls made while Playwright's event loop runs in this thread get a connection of
            # their own (Django's connections are context-local); closed here, or PostgreSQL's
            # test database could not be dropped at the end of the run ("1 other session").
            connections.close_all()


@pytest.fixture
def network(transactional_db, demo):
    """The demo network, committed so the live server's thread sees it."""
    return demo


@pytest.fixture
def page(browser):
    """A laptop-sized page (1366×900) that collects script errors in `page.errors`."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(15_000)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page

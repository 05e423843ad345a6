"""The import journey: upload a file in the web app, watch the progress bar, open the report,
merge a suggested duplicate and undo it.

The upload runs for real on the task worker's thread (its own database connection to the same
test database), as `goodloop serve` runs it. To watch the progress bar
deterministically, the import pauses at its second progress report until the test has seen
the bar. Playwright's sync API drives Debian's Chromium (never a downloaded browser).
"""

import re
import threading
from pathlib import Path

import pytest

from goodloop.network.models import ImportJob, MergeRecord, Person
from goodloop.transfer import importer

from .conftest import SHOTS

FIX = Path(__file__).parent.parent / "services" / "fixtures"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
ROWS = 5000



@pytest.fixture
def network(transactional_db, account):
    """Ana Souza from LinkedIn (and two Sam Lees), committed so the live server and the job see them."""
    importer.import_file(account, (FIX / "cross_linkedin.csv").read_bytes())
    return account


@pytest.fixture
def paused(monkeypatch):
    """The import stops at its second progress report (row 2,000) until `go` is set."""
    reached, go = threading.Event(), threading.Event()
    real = importer.import_file

    def import_file(account, data, progress=None, **kwargs):
        def report(done, total):
            progress(done, total)
            if done == 2000:
                reached.set()
                go.wait(30)

        return real(account, data, progress=report, **kwargs)

    monkeypatch.setattr(importer, "import_file", import_file)
    return reached, go


def big_file(tmp_path) -> Path:
    rows = [f"Given{i},Family{i},https://www.linkedin.com/in/g-{i},,Org {i % 9},Title,{1 + i % 28} Mar 2021\r\n"
            for i in range(ROWS - 1)]
    rows.insert(10, "Ana,Souza,,ana.other@mail.example,Globex,Product Manager,1 Jan 2024\r\n")
    path = tmp_path / "Connections.csv"
    path.write_bytes(("Notes:\r\nsome preamble\r\n\r\n" + HEADER + "".join(rows)).encode())
    return path


@pytest.fixture
def worker(transactional_db):
    """The task worker the local server runs beside itself (`goodloop serve`), in this process."""
    from goodloop.runner import worker as runner

    running = runner.start_thread(interval=0.05)
    yield running
    running.stop()


def test_upload_watch_progress_open_report_merge_a_duplicate(live_server, network, worker, browser, paused,
                                                             tmp_path):
    from playwright.sync_api import expect

    reached, go = paused
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Import").click()
    expect(page).to_have_url(live_server.url + "/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import")

    # A file that is not a contacts file: the error is next to the field, and nothing starts.
    junk = tmp_path / "notes.csv"
    junk.write_bytes(b"just, some\ncsv, text\n")
    page.get_by_label("Contacts file", exact=True).set_input_files(str(junk))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#id_file_error")).to_contain_text("Not a contacts file")
    expect(page.get_by_label("Contacts file", exact=True)).to_have_attribute("aria-invalid", "true")
    assert not ImportJob.objects.exists()

    # The real file: the page shows the progress bar while the job runs in the background.
    page.get_by_label("Contacts file", exact=True).set_input_files(str(big_file(tmp_path)))
    page.get_by_label("Format", exact=True).select_option("linkedin")
    page.get_by_role("button", name="Import").click()
    expect(page).to_have_url(re.compile(r".*/import/\d+/$"))
    assert reached.wait(20), "the import never reported progress"
    bar = page.get_by_role("progressbar")
    expect(page.locator("#progress-label")).to_contain_text(f"Matching row 2,000 of {ROWS:,}")  # htmx polled it
    expect(bar).to_have_attribute("value", "40")
    page.screenshot(path=f"{SHOTS}/goodloop-import-progress.png", full_page=False)
    go.set()

    # The report replaces the bar in place, then stops polling.
    expect(page.get_by_role("heading", name="Import report")).to_be_visible(timeout=60_000)
    expect(page.locator("#count-rows")).to_have_text(f"{ROWS:,}")
    expect(page.locator("#count-created")).to_have_text(f"{ROWS:,}")
    expect(page.locator("#count-suggestions")).to_have_text("1")
    expect(bar).to_have_count(0)
    page.screenshot(path=f"{SHOTS}/goodloop-import-report.png", full_page=True)
    first = page.locator("table.touched tbody tr").first
    expect(first).to_contain_text("Given0 Family0")
    expect(page.locator("table.touched tbody tr")).to_have_count(50)

    # Open the suggestion and merge the imported Ana into the LinkedIn one.
    page.get_by_role("link", name="review the possible duplicates").click()
    expect(page).to_have_url(live_server.url + "/duplicates/")
    pair = page.locator("li.pair")
    expect(pair).to_have_count(1)
    expect(pair.locator("dl.side").nth(1)).to_contain_text("ana.other@mail.example")
    anas = list(Person.objects.filter(display_name="Ana Souza").order_by("id"))
    assert len(anas) == 2
    page.screenshot(path=f"{SHOTS}/goodloop-duplicates.png", full_page=True)
    pair.get_by_role("button", name="Merge into Ana Souza (left)").click()
    expect(page.locator("#last-merge")).to_contain_text("Merged Ana Souza into Ana Souza")
    expect(page.locator("li.pair")).to_have_count(0)
    kept = Person.objects.get(display_name="Ana Souza")
    assert kept.id == anas[0].id
    assert sorted(kept.contact_points.values_list("value", flat=True)) == [
        "ana.other@mail.example", "https://www.linkedin.com/in/ana-souza-4b2a1c"]

    # Undo brings the other Ana back, and the suggestion with her.
    page.locator("#last-merge").get_by_role("button", name="Undo").click()
    expect(page.get_by_text("Merge undone: Ana Souza is back as a separate person.")).to_be_visible()
    expect(page.locator("li.pair")).to_have_count(1)
    assert Person.objects.filter(display_name="Ana Souza").count() == 2
    assert MergeRecord.objects.get().undone
    assert errors == []

"""Import page: upload every fixture format, exact report counts, errors next to the field, the
progress endpoint, the report's links, a failing job, and the background thread with real files."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import people
from goodloop.network.models import ImportBatch, ImportJob, MergeRecord, Person, SourceRecord
from goodloop.transfer import import_jobs, importer, tasks
from tests.web.network import build, grow, queries_for

URL = reverse("import")
FMT = Path(__file__).parent.parent / "formats" / "fixtures"
FIX = Path(__file__).parent.parent / "services" / "fixtures"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def upload(client, name, data=None, folder=FMT, **fields):
    data = (folder / name).read_bytes() if data is None else data
    return client.post(URL, {"file": SimpleUploadedFile(name, data), "format": "auto", **fields})


def report_of(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.get(id=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))
    assert response["Location"] == reverse("import_job", args=[job.id])
    page = client.get(response["Location"])
    assert page.status_code == 200
    return job, page.content.decode()


def count(html, what):
    return int(re.search(rf'<span class="stat-number" id="count-{what}">([\d,]+)</span>', html)[1].replace(",", ""))


def field_block(html, field):
    return html.split(f'<label for="id_{field}">')[1].split('<div class="field')[0]


def stored(account):
    return (Person.objects.filter(account=account, is_me=False).count(),
            *(m.objects.filter(account=account).count() for m in (ImportBatch, SourceRecord, ImportJob)))


@pytest.mark.django_db
@pytest.mark.parametrize("folder, name, fmt, rows, created, errors", [
    (FMT, "linkedin_connections.csv", "linkedin", 6, 5, [5]),
    (FMT, "linkedin_old_no_url.csv", "linkedin", 3, 3, []),
    (FMT, "google_current.csv", "google", 4, 3, [3]),
    (FMT, "google_legacy.csv", "google", 3, 2, [3]),
    (FMT, "outlook_cp1252.csv", "outlook", 3, 2, [3]),
    (FMT, "vcard21_android.vcf", "vcard", 3, 2, [3]),
    (FMT, "vcard21_outlook.vcf", "vcard", 1, 1, []),
    (FMT, "vcard30_apple.vcf", "vcard", 3, 2, [3]),
    (FMT, "vcard30_google.vcf", "vcard", 1, 1, []),
    (FMT, "vcard40_monica.vcf", "vcard", 2, 2, []),
    (FMT, "vcard_broken.vcf", "vcard", 4, 3, [2]),
    (FIX, "cross_linkedin.csv", "linkedin", 3, 3, []),
    (FIX, "cross_google.csv", "google", 1, 1, []),
    (FIX, "cross_vcard.vcf", "vcard", 1, 1, []),
])
def test_every_fixture_uploads_with_exact_counts(client, account, folder, name, fmt, rows, created, errors):
    job, html = report_of(client, upload(client, name, folder=folder))
    assert (job.status, job.format, job.filename, job.report["format"]) == ("done", "auto", name, fmt)
    assert [count(html, k) for k in ("rows", "created", "updated", "unchanged", "errors")] == [
        rows, created, 0, 0, len(errors)]
    assert 'hx-trigger="every 500ms"' not in html and "Import report" in html
    table = html.split('<table class="row-errors">')[1].split("</table>")[0] if errors else ""
    assert re.findall(r'<td class="num">(\d+)</td>', table) == [str(r) for r in errors]
    # Every created person is linked from the report, with the row that created them.
    links = re.findall(r'<a href="/people/(\d+)/">', html.split('id="h-people"')[1])
    assert sorted(map(int, links)) == sorted(Person.objects.filter(account=account, is_me=False)
                                             .values_list("id", flat=True))
    assert len(links) == created
    # The same file again: nothing new.
    job2, html2 = report_of(client, upload(client, name, folder=folder))
    assert (count(html2, "created"), count(html2, "updated"), count(html2, "unchanged")) == (0, 0, created)
    assert 'id="h-people"' not in html2


@pytest.mark.django_db
def test_the_chosen_format_is_used_and_dry_run_saves_nothing(client, account):
    job, html = report_of(client, upload(client, "google_current.csv", format="google", dry_run="on"))
    assert job.dry_run and job.format == "google" and job.batch_id is None
    assert "Dry run: nothing was saved" in html and count(html, "created") == 3
    assert not Person.objects.filter(account=account, is_me=False).exists()
    assert not ImportBatch.objects.filter(account=account).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name, data, fmt, message", [
    ("google_current.csv", None, "linkedin", "Not a LinkedIn Connections.csv export"),
    ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "auto", "Not a contacts file"),
    ("notes.csv", b"just, some\ncsv, text\n", "vcard", "Not a contacts file"),
    ("empty.vcf", b"", "auto", "The submitted file is empty."),
])
def test_a_wrong_file_is_an_error_next_to_the_field_and_nothing_is_written(client, account, name, data, fmt,
                                                                            message):
    before = stored(account)
    response = upload(client, name, data, format=fmt)
    assert response.status_code == 400
    block = field_block(response.content.decode(), "file")
    assert '<p class="field-error" id="id_file_error">' in block and message in block
    assert re.search(r'<input[^>]*type="file"[^>]*aria-invalid="true"', block)
    assert stored(account) == before


@pytest.mark.django_db
def test_no_file_and_an_unknown_format_are_errors_next_to_their_fields(client, account):
    response = client.post(URL, {"format": "excel"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in field_block(html, "file")
    assert "Select a valid choice" in field_block(html, "format")
    assert stored(account) == (0, 0, 0, 0)


@pytest.mark.django_db
def test_an_oversize_file_gets_a_clear_message(client, account):
    assert "at most 20 MB" in client.get(URL).content.decode()
    big = b"BEGIN:VCARD\r\n" + b"x" * import_jobs.MAX_UPLOAD
    response = upload(client, "huge.vcf", big)
    assert response.status_code == 400
    block = field_block(response.content.decode(), "file")
    assert "This file is 20.0 MB; the limit is 20 MB." in block and "goodloop import PATH" in block
    assert stored(account) == (0, 0, 0, 0)


@pytest.mark.django_db
def test_only_one_import_at_a_time(client, account):
    ImportJob.objects.create(account=account, status=ImportJob.RUNNING, filename="other.csv")
    response = upload(client, "vcard30_google.vcf")
    assert response.status_code == 400
    assert "an import is already running" in response.content.decode()
    assert ImportJob.objects.filter(account=account).count() == 1


@pytest.mark.django_db
def test_a_stale_running_job_is_marked_interrupted(client, account):
    from django.utils import timezone

    job = ImportJob.objects.create(account=account, status=ImportJob.RUNNING, filename="gone.csv")
    ImportJob.objects.filter(id=job.id).update(created=timezone.now() - ImportJob.NEVER_STARTED * 2)
    html = client.get(reverse("import_job", args=[job.id])).content.decode()
    assert "interrupted" in html and "Nothing was saved" in html
    assert ImportJob.objects.get(id=job.id).status == "failed"
    assert upload(client, "vcard30_google.vcf").status_code == 302


@pytest.mark.django_db
def test_progress_endpoint_while_running_and_when_done(client, account):
    job = ImportJob.objects.create(account=account, status=ImportJob.RUNNING, filename="big.csv", size=2048)
    progress = reverse("import_progress", args=[job.id])
    hx = {"HTTP_HX_REQUEST": "true"}
    html = client.get(progress, **hx).content.decode()
    assert 'hx-trigger="every 500ms"' in html and f'hx-get="{progress}"' in html
    assert "Reading the file" in html and re.search(r'<progress id="import-progress" max="100">', html)
    assert '<label for="import-progress"' in html
    tasks._live[job.id] = (2000, 8000)  # what the running import reports to this process
    try:
        html = client.get(progress, **hx).content.decode()
    finally:
        tasks._live.pop(job.id)
    assert "Matching row 2,000 of 8,000" in html and 'value="25"' in html
    ImportJob.objects.filter(id=job.id).update(done=8000, total=8000)  # PostgreSQL: a side connection wrote it
    assert "Saving 8,000 rows" in client.get(progress, **hx).content.decode()
    full = client.get(reverse("import_job", args=[job.id])).content.decode()
    assert 'hx-trigger="every 500ms"' in full and "<h1>Import of big.csv</h1>" in full
    # Not htmx: the whole page instead.
    assert client.get(progress)["Location"] == reverse("import_job", args=[job.id])
    # Done: the fragment is the report, and it no longer polls.
    ImportJob.objects.filter(id=job.id).update(status="done", report=importer.ImportReport("linkedin", rows=2,
                                                                                              created=2).as_dict())
    html = client.get(progress, **hx).content.decode()
    assert 'hx-trigger="every 500ms"' not in html and "Import report" in html and count(html, "created") == 2


@pytest.mark.django_db
def test_a_failing_import_ends_the_job_with_a_message_not_a_500(client, account, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(importer, "import_file", boom)
    job, html = report_of(client, upload(client, "vcard30_google.vcf"))
    assert job.status == "failed" and "disk on fire" in job.message
    assert "The import did not complete" in html and "nothing was saved" in html and "disk on fire" in html


@pytest.mark.django_db
def test_the_report_links_suggestions_to_the_duplicates_page(client, account):
    upload(client, "cross_linkedin.csv", folder=FIX)
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nEMAIL:other.ana@mail.example\r\nORG:Globex\r\nEND:VCARD\r\n"
    job, html = report_of(client, upload(client, "ana.vcf", card))
    anas = list(Person.objects.filter(account=account, display_name="Ana Souza").order_by("id"))
    table = html.split('<table class="suggestions">')[1].split("</table>")[0]
    assert f'<a href="/people/{anas[0].id}/">Ana Souza</a>' in table
    assert f'<a href="/people/{anas[1].id}/">Ana Souza</a> <span class="muted">(row 1)</span>' in table
    assert "same name at the same organization" in table
    assert f'href="{reverse("duplicates")}"' in html.split('id="h-suggestions"')[1]


@pytest.mark.django_db
def test_a_bridging_merge_is_listed_in_the_report_and_can_be_undone_there(client, account):
    a = people.add_person(account, "Pat Doe", email="pat@work.example")
    b = people.add_person(account, "Patricia Doe", url="https://www.linkedin.com/in/patdoe")
    card = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pat Doe\r\nEMAIL:pat@work.example\r\n"
            b"URL:https://www.linkedin.com/in/patdoe\r\nEND:VCARD\r\n")
    job, html = report_of(client, upload(client, "pat.vcf", card))
    merge = MergeRecord.objects.get(account=account)
    assert job.report["merge_ids"] == [merge.id] and job.report["merged"] == 1
    merges = html.split('id="h-merges"')[1].split("</section>")[0]
    assert f'Patricia Doe was merged into <a href="/people/{a.id}/">Pat Doe</a>' in merges
    assert f'action="{reverse("duplicates_undo", args=[merge.id])}"' in merges
    back = client.post(reverse("duplicates_undo", args=[merge.id]), {"next": reverse("import_job", args=[job.id])})
    assert back["Location"] == reverse("import_job", args=[job.id])
    assert Person.objects.filter(id=b.id, display_name="Patricia Doe").exists()
    html = client.get(back["Location"]).content.decode()
    assert '<span class="badge">undone</span>' in html.split('id="h-merges"')[1]


@pytest.mark.django_db
def test_the_people_list_of_a_large_import_is_paged(client, account):
    data = HEADER + "".join(f"Given{i},Family{i},https://www.linkedin.com/in/p-{i},,Org {i % 3},T,1 Mar 2021\r\n"
                            for i in range(120))
    job, html = report_of(client, upload(client, "many.csv", data.encode()))
    assert count(html, "created") == 120
    assert len(re.findall(r'<a href="/people/\d+/">Given', html)) == 50 and "Page 1 of 3" in html
    page3 = client.get(reverse("import_job", args=[job.id]) + "?page=3").content.decode()
    assert len(re.findall(r'<a href="/people/\d+/">Given', page3)) == 20


@pytest.mark.django_db
def test_another_accounts_job_is_404(client, account):
    other = Account.objects.create(name="other")
    job = ImportJob.objects.create(account=other, status="done", filename="secret.csv",
                                   report=importer.ImportReport("linkedin").as_dict())
    for name in ("import_job", "import_progress"):
        assert client.get(reverse(name, args=[job.id]), HTTP_HX_REQUEST="true").status_code == 404
    assert "secret.csv" not in client.get(URL).content.decode()


@pytest.mark.django_db
def test_recent_imports_are_listed(client, account):
    upload(client, "vcard30_google.vcf")
    upload(client, "google_current.csv", dry_run="on")
    html = client.get(URL).content.decode()
    rows = html.split('<table class="imports">')[1].split("</table>")[0]
    assert rows.index("google_current.csv") < rows.index("vcard30_google.vcf")  # newest first
    assert '<span class="badge">dry run</span>' in rows and rows.count('job-done') == 2


@pytest.mark.django_db
def test_query_counts_do_not_grow(client, account):
    build(account, 20)
    for _ in range(2):
        upload(client, "vcard30_google.vcf")
    job, _ = report_of(client, upload(client, "linkedin_connections.csv"))
    small_page, small_report = queries_for(client, URL), queries_for(client, reverse("import_job", args=[job.id]))
    grow(account, 150)
    for _ in range(10):
        upload(client, "vcard30_google.vcf")
    data = HEADER + "".join(f"G{i},F{i},https://www.linkedin.com/in/q-{i},,Org {i % 3},T,1 Mar 2021\r\n"
                            for i in range(200)) + "x,y,,,Acme, Inc,CEO,1 Jan 2020\r\n"
    big, html = report_of(client, upload(client, "big.csv", data.encode()))
    assert count(html, "created") == 200 and count(html, "errors") == 1
    assert queries_for(client, URL) == small_page <= 4, small_page
    assert queries_for(client, reverse("import_job", args=[big.id])) == small_report <= 6, small_report
    progress = reverse("import_progress", args=[big.id])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(progress, HTTP_HX_REQUEST="true").status_code == 200
    assert len(ctx.captured_queries) == small_report


# ---------------------------------------------------------------------- the task worker, for real


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_queued_and_the_worker_imports_it(client, account):
    """Outside a test transaction the upload returns at once with the job queued; a worker runs it."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from goodloop.runner import worker

    assert not connection.in_atomic_block
    response = upload(client, "linkedin_connections.csv")
    assert response.status_code == 302
    job = ImportJob.objects.get(account=account)
    assert job.status == ImportJob.QUEUED and job.task
    assert DBTaskResult.objects.get(id=job.task).status == "READY"
    assert "Waiting to start" in client.get(reverse("import_job", args=[job.id])).content.decode()
    worker.Worker(batch=True).run()  # `goodloop worker --batch`, in this process
    job.refresh_from_db()
    assert (job.status, job.report["created"], job.report["rows"], job.message) == ("done", 5, 6, "")
    assert job.started and job.finished and job.batch_id and job.data is None
    task = DBTaskResult.objects.get(id=job.task)
    assert task.status == "SUCCESSFUL" and task.return_value == "done" and len(task.worker_ids) == 1
    assert Person.objects.filter(account=account, is_me=False).count() == 5
    html = client.get(reverse("import_progress", args=[job.id]), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 500ms"' not in html and count(html, "created") == 5
    # The local server's worker thread picks the next one up by itself.
    running = worker.start_thread(interval=0.05)
    try:
        job2 = import_jobs.start(account, (FMT / "vcard30_google.vcf").read_bytes(), format="auto",
                                 filename="again.vcf")
        assert import_jobs.wait(job2.id, timeout=60)
    finally:
        running.stop()
    job2.refresh_from_db()
    assert job2.status == "done" and job2.report["created"] == 1

"""Import jobs that recover (issue 17, item 6): a job whose worker is gone is failed at once —
at local start-up, on the next upload or page view, by its heartbeat when it runs elsewhere —
with a message and a retry; a live job is never failed by age alone."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from goodloop.network.models import ImportJob, Person
from goodloop.runner.processes import is_gone, this_process
from goodloop.transfer import import_jobs, tasks
from tests.web.test_import_page import FMT, upload

CARD = (FMT / "vcard30_google.vcf").read_bytes()


def _ended_process() -> str:
    """The worker name of a real process that has ended (as a killed server's would be)."""
    code = "from goodloop.runner.processes import this_process; print(this_process())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return out.stdout.strip()


def _left_running(account, worker: str, **fields) -> ImportJob:
    return ImportJob.objects.create(account=account, status=ImportJob.RUNNING, filename="google.vcf",
                                    format="auto", size=len(CARD), data=CARD, worker=worker, **fields)


def test_worker_names():
    me = this_process()
    assert is_gone(me) is False
    assert is_gone(_ended_process()) is True
    assert is_gone("another-host:123:456") is None and is_gone("garbage") is None


@pytest.mark.django_db
def test_an_upload_right_after_a_crash_is_accepted(client, account):
    """The old code refused every upload as 'already running' for 15 minutes."""
    dead = _left_running(account, _ended_process())
    response = upload(client, "vcard30_google.vcf")
    assert response.status_code == 302, response.content.decode()[:500]
    dead.refresh_from_db()
    assert dead.status == ImportJob.FAILED and "interrupted" in dead.message and "retry" in dead.message


@pytest.mark.django_db
def test_a_job_of_a_live_process_is_kept_whatever_its_age(client, account):
    live = _left_running(account, this_process())
    ImportJob.objects.filter(id=live.id).update(created=timezone.now() - timedelta(hours=2))
    assert import_jobs.recover() == 0
    assert "an import is already running" in upload(client, "vcard30_google.vcf").content.decode()
    assert ImportJob.objects.get(id=live.id).status == ImportJob.RUNNING


@pytest.mark.django_db
def test_local_start_up_fails_a_dead_workers_job_at_once(cli, account, monkeypatch):
    dead = _left_running(account, _ended_process())
    live = _left_running(account, this_process())
    monkeypatch.setattr("goodloop.cli.local_server.serve", lambda host, port: None)
    code, _, err = cli("serve")
    assert code == 0, err
    assert ImportJob.objects.get(id=dead.id).status == ImportJob.FAILED
    assert ImportJob.objects.get(id=live.id).status == ImportJob.RUNNING


@pytest.mark.django_db
def test_a_job_on_another_host_is_judged_by_its_heartbeat(account):
    now = timezone.now()
    beating = _left_running(account, "other-host:123:456", heartbeat=now - timedelta(seconds=20))
    silent = _left_running(account, "other-host:124:457", heartbeat=now - ImportJob.HEARTBEAT_STALE * 2)
    assert ImportJob.objects.fail_dead() == 1
    assert ImportJob.objects.get(id=beating.id).status == ImportJob.RUNNING
    assert ImportJob.objects.get(id=silent.id).status == ImportJob.FAILED


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_is_renewed_while_the_job_runs(monkeypatch):
    import threading

    from django.db import connection

    from goodloop.accounts import account as accounts

    if connection.vendor != "postgresql":
        pytest.skip("SQLite: no other writer during the import, so its jobs are judged by their process")
    job = _left_running(accounts.local_account(), this_process(), heartbeat=timezone.now() - timedelta(hours=1))
    monkeypatch.setattr(ImportJob, "HEARTBEAT_EVERY", timedelta(seconds=0.05))
    stop = threading.Event()
    beat = threading.Thread(target=tasks._beat, args=(job.id, stop))
    beat.start()
    try:
        deadline = timezone.now() + timedelta(seconds=10)
        while ImportJob.objects.get(id=job.id).heartbeat < timezone.now() - timedelta(minutes=1):
            assert timezone.now() < deadline, "no heartbeat written"
    finally:
        stop.set()
        beat.join(10)


@pytest.mark.django_db
def test_a_failed_job_offers_a_retry_that_imports_the_same_file(client, account):
    dead = _left_running(account, _ended_process())
    page = client.get(reverse("import_job", args=[dead.id])).content.decode()
    assert "interrupted" in page and "Retry this import" in page
    response = client.post(reverse("import_retry", args=[dead.id]))
    assert response.status_code == 302
    new = ImportJob.objects.get(id=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))
    assert new.id != dead.id and new.status == ImportJob.DONE and new.report["created"] > 0
    assert new.data is None  # kept only until done
    assert ImportJob.objects.get(id=dead.id).data is None  # the file moved to the retry
    assert Person.objects.filter(account=account, is_me=False).count() == new.report["created"]
    again = client.post(reverse("import_retry", args=[dead.id]), follow=True).content.decode()
    assert "only a failed import whose file was kept can be retried" in again
    assert client.post(reverse("import_retry", args=[999999])).status_code == 404

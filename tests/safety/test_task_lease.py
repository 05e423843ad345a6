"""The task runner's lease (runner/lease.py): django-tasks-db leaves the task of a dead worker
RUNNING for good; goodloop puts it back in the queue, judged by the worker's process on this
host and by its beat on another, and fails it once it has cost MAX_ATTEMPTS workers. An import
job follows its task: waiting again, or failed with its retry."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from goodloop.network.models import ImportJob
from goodloop.runner import lease, worker
from goodloop.runner.models import WorkerBeat
from goodloop.runner.processes import this_process
from goodloop.transfer import import_jobs, tasks

CARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Oluwaseun Adeyemi\r\nORG:Harbour Lights\r\nEND:VCARD\r\n"


def _ended_process() -> str:
    code = "from goodloop.runner.processes import this_process; print(this_process())"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=True).stdout.strip()


def _claimed(*workers: str) -> DBTaskResult:
    """A queued import task, claimed in turn by `workers` (the last one runs it now)."""
    result = tasks.run_import.enqueue(0)
    DBTaskResult.objects.filter(id=result.id).update(status="RUNNING", worker_ids=list(workers),
                                                     started_at=timezone.now())
    return DBTaskResult.objects.get(id=result.id)


def _status(task: DBTaskResult) -> str:
    return DBTaskResult.objects.get(id=task.id).status


@pytest.mark.django_db
def test_a_dead_workers_task_goes_back_in_the_queue_and_a_live_ones_stays():
    dead = _claimed(_ended_process())
    live = _claimed(this_process())
    assert lease.requeue_abandoned() == (1, 0)
    assert (_status(dead), _status(live)) == ("READY", "RUNNING")
    assert DBTaskResult.objects.get(id=dead.id).started_at is None


@pytest.mark.django_db
def test_a_worker_on_another_host_is_judged_by_its_beat():
    now = timezone.now()
    WorkerBeat.objects.create(worker="far-host:41:99", started=now - timedelta(hours=1), beat=now - timedelta(seconds=20))
    WorkerBeat.objects.create(worker="far-host:42:99", started=now - timedelta(hours=1), beat=now - lease.STALE * 2)
    beating, silent, unknown = _claimed("far-host:41:99"), _claimed("far-host:42:99"), _claimed("far-host:43:99")
    assert lease.requeue_abandoned() == (2, 0)
    assert (_status(beating), _status(silent), _status(unknown)) == ("RUNNING", "READY", "READY")
    lease.beat("far-host:42:99")  # a beat renews the lease
    assert lease.is_alive("far-host:42:99", dict(WorkerBeat.objects.values_list("worker", "beat")), timezone.now())


@pytest.mark.django_db
def test_a_task_that_keeps_killing_its_workers_is_failed_and_its_job_offers_a_retry(client, account):
    gone = _ended_process()
    job = ImportJob.objects.create(account=account, status=ImportJob.RUNNING, filename="cards.vcf", size=len(CARD),
                                   data=CARD, worker=gone)
    task = _claimed(*[gone] * lease.MAX_ATTEMPTS)
    ImportJob.objects.filter(id=job.id).update(task=str(task.id))
    page = client.get(reverse("import_job", args=[job.id])).content.decode()
    failed = DBTaskResult.objects.get(id=task.id)
    assert (failed.status, failed.exception_class_path) == ("FAILED", lease.LOST)
    job.refresh_from_db()
    assert job.status == ImportJob.FAILED and "interrupted" in job.message
    assert "Retry this import" in page


@pytest.mark.django_db
def test_a_job_whose_worker_died_waits_again_then_runs(client, account):
    gone = _ended_process()
    job = ImportJob.objects.create(account=account, filename="cards.vcf", size=len(CARD), data=CARD)
    result = tasks.run_import.enqueue(job.id)
    DBTaskResult.objects.filter(id=result.id).update(status="RUNNING", worker_ids=[gone])
    ImportJob.objects.filter(id=job.id).update(task=str(result.id), status=ImportJob.RUNNING, worker=gone)
    page = client.get(reverse("import_job", args=[job.id])).content.decode()
    assert "Waiting to start" in page and import_jobs.REQUEUED in page
    assert ImportJob.objects.get(id=job.id).status == ImportJob.QUEUED
    assert worker.run_now(str(result.id))
    job.refresh_from_db()
    assert job.status == ImportJob.DONE and job.report["created"] == 1 and job.message == ""
    assert DBTaskResult.objects.get(id=result.id).worker_ids == [gone, this_process()]
    # A finished job is never run twice, whatever its task is asked to do.
    assert tasks.run_import.call(job.id) == "done"


@pytest.mark.django_db
def test_a_backup_copy_has_no_queue_and_its_unfinished_job_reads_as_interrupted(account):
    job = ImportJob.objects.create(account=account, filename="cards.vcf", size=len(CARD), data=CARD,
                                   task="0b7d6f4e-3f0a-4c55-9a51-2d7c1c5e9a10")  # its task did not come along
    assert import_jobs.recover() == 1
    job.refresh_from_db()
    assert job.status == ImportJob.FAILED and "interrupted" in job.message

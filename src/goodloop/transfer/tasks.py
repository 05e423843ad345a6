"""The tasks a worker runs (django-tasks, database backend; goodloop.runner runs them).

    run_import.enqueue(job_id)   # import_jobs.start does this: the web upload's ImportJob

A task may run more than once: a worker killed mid-task has its task put back in the queue
(runner/lease.py). The import is one transaction, so an interrupted run saved nothing and the
next run starts from the file again; a job that has already ended is left as it is.

While the import's transaction runs, SQLite allows no other writer, so progress lives in this
process's memory (`live`: the local server runs its worker in a thread, so its pages see it) and,
on PostgreSQL, is also written through a side connection, with the job's heartbeat, so pages
served by other processes see it too.
"""

from __future__ import annotations

import logging
import threading

from django.db import connection, connections
from django.utils import timezone
from django_tasks import task

from goodloop.errors import ServiceError
from goodloop.network.models import ImportJob, MergeRecord
from goodloop.runner.processes import this_process
from goodloop.transfer import importer

log = logging.getLogger(__name__)

_live: dict[int, tuple[int, int]] = {}  # job id -> (done, total), while its import runs in this process
_lock = threading.Lock()


def live(job_id: int) -> tuple[int, int] | None:
    """(done, total) of a job whose import runs in this process, else None."""
    return _live.get(job_id)


@task
def run_import(job_id: int) -> str:
    """Import the file of ImportJob `job_id`; returns the job's status ("done", "failed" or, for a
    job that had already ended, what it was)."""
    status = ImportJob.objects.filter(id=job_id).values_list("status", flat=True).first()
    if status not in (ImportJob.QUEUED, ImportJob.RUNNING):  # gone, or ended (failed by a reconcile)
        return status or "gone"
    run(job_id, background=not connection.in_atomic_block)
    return ImportJob.objects.filter(id=job_id).values_list("status", flat=True).first() or "gone"


def run(job_id: int, background: bool = True) -> None:
    """The job itself. `background`: committed work in a worker, which may report progress and
    beat through side connections (PostgreSQL); otherwise inside the caller's transaction."""
    side, beating = None, threading.Event()
    try:
        job = ImportJob.objects.select_related("account").get(id=job_id)
        if job.data is None:
            raise ServiceError("the uploaded file is no longer kept: upload it again")
        data = bytes(job.data)
        now = timezone.now()
        ImportJob.objects.filter(id=job_id).update(status=ImportJob.RUNNING, started=now, message="",
                                                   worker=this_process(), heartbeat=now)
        with _lock:
            _live[job_id] = (0, 0)
        if background and connection.vendor == "postgresql":
            side = connections.create_connection("default")
            threading.Thread(target=_beat, args=(job_id, beating), daemon=True,
                             name=f"goodloop-import-{job_id}-heartbeat").start()

        def progress(done: int, total: int) -> None:
            with _lock:
                _live[job_id] = (done, total)
            if side is not None:
                with side.cursor() as cursor:
                    cursor.execute(f"UPDATE {ImportJob._meta.db_table} SET done = %s, total = %s WHERE id = %s",
                                   [done, total, job_id])

        last_merge = MergeRecord.objects.filter(account=job.account).order_by("-id").values_list("id", flat=True)
        before = last_merge.first() or 0
        report = importer.import_file(job.account, data, format=job.format, filename=job.filename,
                                      dry_run=job.dry_run, progress=progress).as_dict()
        report["merge_ids"] = [] if job.dry_run else list(
            MergeRecord.objects.filter(account=job.account, id__gt=before).order_by("id").values_list("id", flat=True))
        ImportJob.objects.filter(id=job_id).update(status=ImportJob.DONE, report=report, batch_id=report["batch"],
                                                   done=report["rows"], total=report["rows"],
                                                   finished=timezone.now(), data=None)
    except ServiceError as exc:
        fail(job_id, exc.message)
    except Exception as exc:  # noqa: BLE001 — the page shows a message, never a server error
        log.exception("import job %s failed", job_id)
        fail(job_id, f"the import stopped on an unexpected error ({type(exc).__name__}: {exc}); nothing was saved")
    finally:
        beating.set()
        with _lock:
            _live.pop(job_id, None)
        if side is not None:
            side.close()


def fail(job_id: int, message: str) -> None:
    """End a job as failed, with a message in plain words (its file is kept for a retry)."""
    try:
        ImportJob.objects.filter(id=job_id).update(status=ImportJob.FAILED, message=message[:2000],
                                                   finished=timezone.now())
    except Exception:  # noqa: BLE001 — the store itself is failing; the log has it
        log.exception("could not record the failure of import job %s", job_id)


def _beat(job_id: int, stop: threading.Event) -> None:
    """Renew the job's heartbeat until it ends, through a connection of its own."""
    side = connections.create_connection("default")
    try:
        while not stop.wait(ImportJob.HEARTBEAT_EVERY.total_seconds()):
            with side.cursor() as cursor:
                cursor.execute(f"UPDATE {ImportJob._meta.db_table} SET heartbeat = %s WHERE id = %s",
                               [timezone.now(), job_id])
    except Exception:  # noqa: BLE001 — a missed beat only lets a page judge the job sooner
        log.exception("import job %s: heartbeat stopped", job_id)
    finally:
        side.close()

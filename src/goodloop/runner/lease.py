"""A worker's lease on the tasks it runs, and what happens to a task whose worker died.

django-tasks-db claims a task by marking it RUNNING with the worker's id and never looks at it
again: a worker killed mid-task (SIGKILL, a crash, the machine going down) leaves it RUNNING for
good. `requeue_abandoned` puts such a task back in the queue (READY) so the next worker runs it
again, or fails it once it has cost MAX_ATTEMPTS workers (a task that kills its worker every
time must not do so for ever). A task must therefore be safe to run again: goodloop's import is
one transaction, so a killed run left nothing behind.

A worker is dead when its process has ended (same host: asked of the process itself, which is
also how SQLite's workers are judged, as a busy SQLite import leaves no other writer to renew a
lease) or, on another host, when its beat is older than STALE.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerBeat
from .processes import is_gone

log = logging.getLogger(__name__)

BEAT_EVERY = timedelta(seconds=15)
STALE = timedelta(seconds=90)  # six missed beats: a busy database, not a dead worker, misses one or two
MAX_ATTEMPTS = 3  # workers a task may cost before it is failed instead of run again
LOST = "goodloop.runner.lease.WorkerLost"


class WorkerLost(Exception):
    """Recorded as a task's error when its workers kept dying (never raised)."""


def register(worker: str) -> None:
    """Record a starting worker (its first beat)."""
    now = timezone.now()
    WorkerBeat.objects.filter(beat__lt=now - STALE * 100).delete()  # leases of workers long gone
    WorkerBeat.objects.update_or_create(worker=worker, defaults={"started": now, "beat": now})


def beat(worker: str) -> None:
    """Renew a worker's lease."""
    WorkerBeat.objects.filter(worker=worker).update(beat=timezone.now())


def unregister(worker: str) -> None:
    """A worker that stops cleanly leaves no lease behind."""
    WorkerBeat.objects.filter(worker=worker).delete()


def is_alive(worker: str, beats: dict, now) -> bool:
    """Whether the worker named `worker` still runs: its process (this host) or its last beat."""
    gone = is_gone(worker) if worker else True
    if gone is not None:
        return not gone
    last = beats.get(worker)
    return last is not None and now - last <= STALE


def requeue_abandoned(ids=None) -> tuple[int, int]:
    """Put back every RUNNING task (of `ids`, or all) whose worker is dead; fail it instead once
    it has been tried MAX_ATTEMPTS times. Returns (requeued, failed)."""
    running = DBTaskResult.objects.running()
    if ids is not None:
        running = running.filter(id__in=[i for i in ids if i])
    tasks = list(running.values_list("id", "worker_ids"))
    if not tasks:
        return 0, 0
    now = timezone.now()
    workers = {ids_[-1] for _, ids_ in tasks if ids_}
    beats = dict(WorkerBeat.objects.filter(worker__in=workers).values_list("worker", "beat"))
    again, lost = [], []
    for task_id, worker_ids in tasks:
        if is_alive(worker_ids[-1] if worker_ids else "", beats, now):
            continue
        (lost if len(worker_ids) >= MAX_ATTEMPTS else again).append(task_id)
    still_running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    try:
        requeued = still_running.filter(id__in=again).update(status=TaskResultStatus.READY, started_at=None)
        failed = still_running.filter(id__in=lost).update(
            status=TaskResultStatus.FAILED, finished_at=now, exception_class_path=LOST,
            traceback=f"WorkerLost: the worker running this task stopped {MAX_ATTEMPTS} times")
    except DatabaseError as exc:  # SQLite busy with a long write: the next look will do it
        log.warning("could not requeue abandoned tasks now: %s", exc)
        return 0, 0
    if requeued or failed:
        log.warning("tasks of stopped workers: %d put back in the queue, %d failed", requeued, failed)
    return requeued, failed

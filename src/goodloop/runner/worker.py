"""The worker: runs the tasks enqueued on django-tasks' database backend, with a lease.

    Worker().run()          # `goodloop worker`: until Ctrl-C or SIGTERM (a running task ends first)
    Worker(batch=True).run()  # the tasks queued now, then return
    start_thread()          # `goodloop serve` in local mode: the same loop in a daemon thread
    run_now(task_id)        # one enqueued task, here and now (a caller inside a transaction)

The loop itself is django-tasks-db's (`db_worker`): it claims one task at a time in an exclusive
transaction (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL), so two workers never run one task.
What it lacks is a lease: this worker records itself (WorkerBeat), renews that every BEAT_EVERY
on PostgreSQL, and each time puts back the tasks of workers that died (lease.py); it does so
on start as well, so a worker started after a crash first re-runs what the crash interrupted.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import DatabaseError, connection
from django_tasks_db.management.commands.db_worker import Worker as DbWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from . import lease
from .processes import this_process

log = logging.getLogger(__name__)

INTERVAL = 1.0  # seconds between looks at an empty queue
LOCAL_INTERVAL = 0.5  # the local server's worker: an upload starts within half a second


class Worker(DbWorker):
    """django-tasks-db's worker on every queue of the default backend, named by its process."""

    def __init__(self, *, batch: bool = False, interval: float = INTERVAL, max_tasks: int | None = None):
        super().__init__(queue_names=["*"], excluded_queue_names=[], interval=interval, batch=batch,
                         backend_name="default", startup_delay=False, max_tasks=max_tasks,
                         worker_id=this_process())
        self._stopped = threading.Event()

    def run(self) -> None:
        lease.register(self.worker_id)
        lease.requeue_abandoned()
        keeper = threading.Thread(target=self._keep_lease, daemon=True, name="goodloop-worker-lease")
        keeper.start()
        try:
            super().run()
        finally:
            self._stopped.set()
            try:
                lease.unregister(self.worker_id)
            except DatabaseError:  # stopping anyway; the lease goes stale by itself
                log.warning("could not remove the lease of worker %s", self.worker_id)

    def stop(self) -> None:
        """Stop after the running task, if any (the thread of `start_thread`)."""
        self.running = False

    def _keep_lease(self) -> None:
        """Renew the lease and requeue dead workers' tasks, every BEAT_EVERY, on a connection of its own.

        SQLite: no beat (a running import is the only writer until it commits, and a SQLite store
        has every worker on this host, judged by its process); the requeue still runs."""
        try:
            while not self._stopped.wait(lease.BEAT_EVERY.total_seconds()):
                try:
                    if connection.vendor != "sqlite":
                        lease.beat(self.worker_id)
                    lease.requeue_abandoned()
                except DatabaseError as exc:  # a missed beat only lets others judge this worker sooner
                    log.warning("worker %s: lease not renewed: %s", self.worker_id, exc)
        finally:
            connection.close()


def start_thread(interval: float = LOCAL_INTERVAL) -> Worker:
    """Run a worker in a daemon thread of this process (the local server: nothing else to start)."""
    worker = Worker(interval=interval)
    threading.Thread(target=_keep_running, args=(worker,), daemon=True, name="goodloop-worker").start()
    return worker


def _keep_running(worker: Worker) -> None:
    try:
        while worker.running:
            try:
                worker.run()
            except Exception:  # noqa: BLE001 — a store that failed for a moment must not end the worker
                log.exception("the worker stopped on an error; it starts again in 5 s")
                connection.close()
                time.sleep(5)
    finally:
        connection.close()


def run_now(task_id: str) -> bool:
    """Claim and run one enqueued task in this process; False if it was not waiting in the queue."""
    worker = Worker(batch=True)
    with exclusive_transaction(DBTaskResult.objects.db):
        task = DBTaskResult.objects.ready().filter(id=task_id).get_locked()
        if task is not None:
            task.claim(worker.worker_id)
    if task is None:
        return False
    worker.run_task(task)
    return True

"""Which workers run, and when each last said so (its lease)."""

from django.db import models


class WorkerBeat(models.Model):
    """A running worker (`goodloop worker`, or the local server's worker thread).

    `worker` names its process (runner/processes.py). On this host a worker's life is read from
    the process itself; a worker on another host (PostgreSQL) is alive while `beat` is fresh."""

    worker = models.CharField(max_length=120, unique=True)
    started = models.DateTimeField()
    beat = models.DateTimeField()

    def __str__(self) -> str:
        return self.worker

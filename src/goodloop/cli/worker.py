"""`worker`: run background tasks (imports); `jobs`: the imports and how far each got."""

import logging
import sys

import typer

from . import context
from .output import emit_json, table


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_cmd)
    app.command("jobs")(jobs_cmd)


def worker_cmd(
    batch: bool = typer.Option(False, "--batch", help="Run the tasks waiting now, then exit."),
    interval: float = typer.Option(1.0, "--interval", min=0.1, max=60, metavar="SECONDS",
                                   help="How often to look at an empty queue."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only warnings and errors."),
):
    """Run background tasks (web imports) until stopped. `goodloop serve` runs one itself in local
    mode; in server mode (gunicorn) run `goodloop worker` as a process of its own. Ctrl-C or SIGTERM
    stops it after the running task; a worker killed mid-task loses nothing: the next one re-runs it."""
    from goodloop import bootstrap

    bootstrap.setup(cli=True, tasks=True)  # no account: a worker runs every account's tasks
    from goodloop.runner.worker import Worker

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    for name in ("goodloop", "django_tasks", "django_tasks_db"):
        log = logging.getLogger(name)
        log.addHandler(handler)
        log.setLevel(logging.WARNING if quiet else logging.INFO)
        log.propagate = False
    worker = Worker(batch=batch, interval=interval)
    if not quiet:
        typer.echo(f"goodloop worker {worker.worker_id}: "
                   + ("running the waiting tasks" if batch else "waiting for tasks (Ctrl-C to stop)"), err=True)
    worker.configure_signals()
    try:
        worker.run()
    finally:
        worker.reset_signals()


def jobs_cmd(
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="How many of the latest imports."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
):
    """The latest web imports: waiting, running (with progress), done or failed (with why)."""
    from goodloop import bootstrap

    bootstrap.setup(cli=True, tasks=True)
    account = context.account()
    from goodloop.network.models import ImportJob
    from goodloop.transfer import import_jobs

    import_jobs.reconcile(ImportJob.objects.filter(account=account))
    rows = []
    for job in ImportJob.objects.filter(account=account).defer("data", "report")[:limit]:
        state = import_jobs.state(job)
        rows.append({"id": job.id, "file": job.filename, "status": job.status, "phase": state["phase"],
                     "done": state["done"], "total": state["total"], "created": job.created.isoformat(),
                     "finished": job.finished.isoformat() if job.finished else None, "message": job.message})
    if as_json:
        emit_json(rows)
        return
    table("Imports", ["id", "file", "status", "progress", "message"],
          [[r["id"], r["file"], r["status"], f"{r['done']:,}/{r['total']:,}" if r["total"] else r["phase"],
            r["message"]] for r in rows])

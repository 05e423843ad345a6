"""`demo` and `serve`."""

import sys

import typer

from . import context
from .output import CliError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
    app.command("serve")(serve)


def demo(
    reset: bool = typer.Option(False, "--reset", help="Erase this store first (asks on a terminal)."),
    remove: bool = typer.Option(False, "--remove", help="Take the demo out again (a store holding only the demo)."),
    yes: bool = typer.Option(False, "--yes", help="With --remove: do not ask (for scripts)."),
):
    """Load the sample network into an empty store, and say where it is stored and how to remove it."""
    from goodloop.demo import load as svc

    account = context.account()
    if remove:
        if not yes and not sys.stdin.isatty():
            raise CliError("removing the demo deletes its people and everything recorded with them: add --yes "
                           "(no terminal to ask on)")
        if not yes and not typer.confirm(f"Remove the demo network from {_where()}?"):
            raise CliError("nothing removed")
        people = svc.remove_demo(account)
        typer.echo(f"removed the demo network ({people} people) from {_where()}; the store is empty")
        return
    if reset:
        if sys.stdin.isatty() and not typer.confirm("Erase every person and record in this store?"):
            raise CliError("nothing erased")
        svc.erase(account)
    result = svc.load_demo(account)
    typer.echo(result.message)
    typer.echo(f"stored in: {_where()}")
    typer.echo(f"to remove it: {_goodloop()} demo --remove")


def _where() -> str:
    """Where this store's data lives: the SQLite file, or the PostgreSQL database."""
    from django.conf import settings

    db = settings.CONFIG.database if hasattr(settings, "CONFIG") else None
    if db is None or db.engine == "sqlite":
        return str(settings.DATABASES["default"]["NAME"])
    return f"PostgreSQL database {db.name} on {db.host or 'localhost'}"


def _goodloop() -> str:
    """`goodloop`, with the --home this command used, so the printed command acts on the same store."""
    import os
    import shlex

    home = os.environ.get("GOODLOOP_HOME")
    return f"goodloop --home {shlex.quote(home)}" if home else "goodloop"


def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    server: bool = typer.Option(False, "--server", help="Server mode: logins required (or GOODLOOP_SERVER_MODE=1)."),
    workers: int = typer.Option(None, "--workers", min=1, max=64,
                                help="Server mode: gunicorn with this many worker processes (default 2)."),
):
    """Serve the web app (default http://127.0.0.1:8000); --server for many users behind logins."""
    import os

    if server:
        os.environ["GOODLOOP_SERVER_MODE"] = "1"  # before Django reads its settings
    from goodloop import bootstrap

    bootstrap.setup()
    from django.conf import settings

    if server and not settings.GOODLOOP_SERVER_MODE:
        raise CliError("--server must come before anything else loads the settings")
    if not settings.GOODLOOP_SERVER_MODE:
        if workers:
            raise CliError("--workers runs the production server, which needs server mode: add --server")
        context.account()
        if host not in LOCAL_HOSTS:
            raise CliError(
                f"refusing to serve on {host}: local mode has no login, so it only listens on 127.0.0.1; "
                "use --server (or GOODLOOP_SERVER_MODE=1) to serve others"
            )
    from django.core.management import call_command

    from goodloop.transfer import import_jobs

    # A web import left running by a server that stopped: back in the queue (or failed, with a retry).
    import_jobs.recover()
    if not settings.GOODLOOP_SERVER_MODE:
        import gc

        from .local_server import serve as serve_locally
        from .main import DEFAULT_GC_THRESHOLD

        gc.set_threshold(*DEFAULT_GC_THRESHOLD)  # a server runs for hours: the usual collector

        typer.echo(f"goodloop is at http://{host}:{port}/  (Ctrl-C to stop)")
        sys.stdout.flush()
        try:
            serve_locally(host, port)  # with its own task worker: nothing else to start
        except OSError as exc:
            raise CliError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    argv = gunicorn_argv(host, port, workers or 2)
    typer.echo(f"goodloop (server mode, {workers or 2} workers) is at http://{host}:{port}/  (Ctrl-C to stop); "
               "imports run in `goodloop worker`, a process of its own")
    sys.stdout.flush()
    os.execvp(argv[0], argv)


THREADS = 4  # per worker process


def gunicorn_argv(host: str, port: int, workers: int) -> list[str]:
    """The production server: gunicorn running goodloop.wsgi with several worker processes.

    Threaded workers (gthread): a connection that is open but sends nothing waits in the worker's
    poller instead of holding the whole worker (two such connections stalled two sync workers);
    a slow sender holds one thread of THREADS. The reverse proxy in front (README) buffers
    requests, so slow clients do not reach gunicorn at all."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [sys.executable, "-m", "gunicorn", "goodloop.wsgi:application", "--workers", str(workers),
            "--worker-class", "gthread", "--threads", str(THREADS), "--bind", bind, "--timeout", "60",
            "--graceful-timeout", "20", "--access-logfile", "-", "--config", "python:goodloop.cli.gunicorn_conf"]

"""`demo` and `serve`."""

import sys

import typer

from . import context
from .output import CliError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
    app.command("serve")(serve)


def demo(reset: bool = typer.Option(False, "--reset", help="Erase this store first (asks on a terminal).")):
    """Load the sample network into an empty store."""
    from goodloop.services import demo as svc

    account = context.account()
    if reset:
        if sys.stdin.isatty() and not typer.confirm("Erase every person and record in this store?"):
            raise CliError("nothing erased")
        svc.erase(account)
    result = svc.load_demo(account)
    typer.echo(result.message)


def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
):
    """Serve the web app (default http://127.0.0.1:8000)."""
    from django.conf import settings

    context.account()
    if host not in LOCAL_HOSTS and not settings.GOODLOOP_SERVER_MODE:
        raise CliError(
            f"refusing to serve on {host}: local mode has no login, so it only listens on 127.0.0.1; "
            "set GOODLOOP_SERVER_MODE=1 to serve others"
        )
    from django.core.management import call_command

    typer.echo(f"goodloop is at http://{host}:{port}/  (Ctrl-C to stop)")
    call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True, skip_checks=True)

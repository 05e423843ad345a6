"""The `goodloop` command: global options, sub-commands, and one-line errors."""

import os
import sys

import click
import typer

from . import accounts as accounts_cmds
from . import demo as demo_cmds
from . import giver as giver_cmds
from . import helploop as helploop_cmds
from . import network as network_cmds
from . import people as people_cmds
from . import safety as safety_cmds
from . import search as search_cmds
from . import transfer as transfer_cmds
from .output import CliError

app = typer.Typer(
    name="goodloop",
    help="goodloop: ask well, thank fast, report back, give first, keep in touch.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def main(
    home: str = typer.Option(None, "--home", help="Data directory (or env GOODLOOP_HOME).", metavar="DIR"),
):
    if home:
        os.environ["GOODLOOP_HOME"] = home


people_cmds.register(app)
network_cmds.register(app)
helploop_cmds.register(app)
search_cmds.register(app)
demo_cmds.register(app)
giver_cmds.register(app)
transfer_cmds.register(app)
accounts_cmds.register(app)
safety_cmds.register(app)


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _refresh_planner_statistics() -> None:
    from django.apps import apps

    if apps.ready:  # only commands that opened the store
        from goodloop.services import planner

        planner.refresh()


def run(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning every expected failure into one line on stderr."""
    from django.db import DatabaseError

    from goodloop.bootstrap import StoreError
    from goodloop.config import ConfigError
    from goodloop.services.errors import ServiceError

    from . import context

    context.account.cache_clear()  # one store per invocation (tests run many in one process)
    try:
        rc = app(args=argv, prog_name="goodloop", standalone_mode=False)
        _refresh_planner_statistics()
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        sys.stderr.write("goodloop: aborted\n")
        return 1
    except click.UsageError as exc:
        sys.stderr.write(f"goodloop: {_one_line(exc.format_message())} (see goodloop --help)\n")
        return 2
    except (CliError, ServiceError, ConfigError, StoreError) as exc:
        sys.stderr.write(f"goodloop: {_one_line(exc)}\n")
        return 1
    except DatabaseError as exc:
        sys.stderr.write(f"goodloop: the store failed: {_one_line(str(exc).splitlines()[0] if str(exc) else exc)}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("goodloop: interrupted\n")
        return 130
    except Exception as exc:  # the last guard: a person never sees a traceback
        if os.environ.get("GOODLOOP_DEBUG", "").lower() in ("1", "true", "yes", "on"):
            raise
        sys.stderr.write(f"goodloop: internal error: {type(exc).__name__}: {_one_line(exc)} "
                         "(run with GOODLOOP_DEBUG=1 for details)\n")
        return 70
    return rc if isinstance(rc, int) else 0


def entry() -> None:
    sys.exit(run())

"""The `goodloop` command: global options, sub-commands, and one-line errors."""

import gc
import os
import sys

# A command lives well under a second, and its start-up (Django, the models, the rules)
# allocates hundreds of thousands of objects that all live on: with the default threshold the
# collector walks them again and again (~30 ms of every command). The local `serve` puts the
# default back; server mode execs gunicorn, a fresh process with the default.
CLI_GC_THRESHOLD = (100_000, 50, 100)
DEFAULT_GC_THRESHOLD = gc.get_threshold()
gc.set_threshold(*CLI_GC_THRESHOLD)

import click  # noqa: E402 — after the collector is set for a short-lived process
import typer  # noqa: E402
from typer.completion import completion_init  # noqa: E402 — imported by typer itself already

from .output import CliError, SafeStream  # noqa: E402

# The module that registers each top-level command. A command line imports and builds only
# its own module's commands (Typer turns every registered command into a click command on
# each run, and the everyday commands have a 0.5 s budget); --help and typos get them all.
COMMANDS = {
    "people": "people", "person": "people",
    "log": "network", "target": "network", "targets": "network",
    "coach": "helploop", "ask": "helploop", "got": "helploop", "gave": "helploop", "loops": "helploop",
    "done": "helploop", "today": "helploop", "lead": "helploop",
    "asks": "agenda", "ask-status": "agenda", "nudged": "agenda", "snooze": "agenda",
    "who": "search", "intro": "search", "intro-status": "search", "brief": "search", "report": "search",
    "demo": "demo", "serve": "demo",
    "request": "giving", "requests": "giving", "triage": "giving", "kept": "giving", "budget": "giving",
    "seeking": "giving", "thanked": "giving", "reported": "giving", "givers": "giving",
    "import": "transfer", "export": "transfer", "restore": "transfer", "calendar": "transfer",
    "account": "accounts", "token": "accounts", "tokens": "accounts",
    "backup": "safety", "check": "safety",
    "worker": "worker", "jobs": "worker",
    "leads": "listings", "intros": "listings", "favors": "listings",
}
SHELLS = ("bash", "zsh", "fish", "pwsh", "powershell")
MODULES = ("people", "network", "helploop", "agenda", "search", "demo", "giving", "transfer", "accounts", "safety",
           "worker", "listings")


def _main(
    home: str = typer.Option(None, "--home", help="Data directory (or env GOODLOOP_HOME).", metavar="DIR"),
    account: str = typer.Option(None, "--account", metavar="EMAIL",
                                help="Server mode: the account a command acts on (or env GOODLOOP_ACCOUNT)."),
    version: bool = typer.Option(False, "--version", is_eager=True, callback=lambda v: _version(v),
                                 help="Print goodloop's version and exit."),
    install_completion: str = typer.Option(
        None, "--install-completion", metavar="[SHELL]", is_eager=True,
        expose_value=False, callback=lambda ctx, param, value: _completion("install", ctx, param, value),
        help="Install tab completion for SHELL (bash, zsh, fish, pwsh; default: this shell)."),
    show_completion: str = typer.Option(
        None, "--show-completion", metavar="[SHELL]", is_eager=True,
        expose_value=False, callback=lambda ctx, param, value: _completion("show", ctx, param, value),
        help="Print the tab-completion script for SHELL (default: this shell), to source or install by hand."),
):
    if home:
        os.environ["GOODLOOP_HOME"] = home
    from . import context

    context.chosen_account = account


def _version(asked: bool) -> None:
    if asked:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"goodloop {version('goodloop')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("goodloop (not installed)")
        raise typer.Exit()


def _completion(action: str, ctx, param, shell: str | None) -> None:
    """Typer's own completion (`--show-completion`, `--install-completion`), taking the shell by
    name as well as detecting it: Typer's options detect it only ("" here: this shell)."""
    if shell is None or ctx.resilient_parsing:
        return
    if shell and shell not in SHELLS:
        raise typer.BadParameter(f"no completion for {shell!r}: choose {', '.join(SHELLS)}")
    from typer import completion

    callback = completion.show_callback if action == "show" else completion.install_callback
    try:
        callback(ctx, param, shell or True)  # prints, or installs, then exits
    except SystemExit as done:
        raise typer.Exit(done.code or 0) from None


def _bare_completion_flags(argv: list[str]) -> list[str]:
    """`--show-completion` with no shell after it means this shell: as `--show-completion=` (Typer's
    options do not pass on click's optional value)."""
    flags = ("--show-completion", "--install-completion")
    return [f"{arg}=" if arg in flags and (i + 1 == len(argv) or argv[i + 1].startswith("-")) else arg
            for i, arg in enumerate(argv)]


def _command_named(argv: list[str]) -> str | None:
    """The sub-command a command line names (global options skipped)."""
    args = iter(argv)
    for arg in args:
        if arg in ("--home", "--account", "--show-completion", "--install-completion"):
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def build_app(modules=MODULES) -> typer.Typer:
    """The `goodloop` app with the commands of `modules` (all of them by default)."""
    from importlib import import_module

    app = typer.Typer(
        context_settings={"help_option_names": ["-h", "--help"]},
        name="goodloop",
        help="goodloop: ask well, thank fast, report back, give first, keep in touch.",
        no_args_is_help=True,
        add_completion=False,  # ours take a shell by name (_main); the classes that answer a shell are Typer's
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        suggest_commands=False,  # click suggests already ("Did you mean ...?" once, not twice)
    )
    app.callback()(_main)
    completion_init()  # `_GOODLOOP_COMPLETE=complete_bash goodloop`: what the completion scripts run
    for name in modules:
        import_module(f"goodloop.cli.{name}").register(app)
    return app


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _refresh_planner_statistics() -> None:
    from django.apps import apps

    if apps.ready:  # only commands that opened the store
        from goodloop.transfer import planner

        planner.refresh()


def run(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning every expected failure into one line on stderr."""
    from . import context

    context.account.cache_clear()  # one store per invocation (tests run many in one process)
    context.chosen_account = None
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)  # every message and table
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv):
    from django.db import DatabaseError

    from goodloop.bootstrap import StoreError
    from goodloop.config import ConfigError
    from goodloop.errors import ServiceError

    try:
        argv = _bare_completion_flags(sys.argv[1:] if argv is None else argv)
        name = _command_named(argv)
        app = build_app((COMMANDS[name],) if name in COMMANDS else MODULES)
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
    rc = run()
    # What the command built dies with the process. Frozen, it is spared the interpreter's last
    # full collection at exit, a walk over every object Django and the models made (~80 ms of
    # CPU, a fifth of an everyday command); module teardown, atexit and flushing still run.
    gc.freeze()
    sys.exit(rc)


if __name__ == "__main__":
    entry()

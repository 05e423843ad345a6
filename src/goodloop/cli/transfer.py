"""`import`, `export` and `restore`: contacts in and out, and the full JSON backup."""

import sys
from pathlib import Path

import typer

from . import context
from .output import CliError, emit_json

FORMATS = ("auto", "linkedin", "google", "outlook", "vcard")
EXPORTS = ("vcard", "csv", "json", "ics")


def register(app: typer.Typer) -> None:
    app.command("import")(import_cmd)
    app.command("export")(export_cmd)
    app.command("restore")(restore_cmd)
    calendar = typer.Typer(help="The loops calendar's subscription address.", no_args_is_help=True)
    calendar.command("url")(calendar_url_cmd)
    calendar.command("reset")(calendar_reset_cmd)
    app.add_typer(calendar, name="calendar")


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()  # `goodloop import -` reads the file from stdin
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CliError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise CliError(f"{path} is a directory, not a file") from None
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None


def import_cmd(
    path: str = typer.Argument(..., help="The file: LinkedIn Connections.csv, Google/Outlook CSV or vCard; - for stdin."),
    format: str = typer.Option("auto", "--format", help="auto, linkedin, google, outlook or vcard.",
                               autocompletion=lambda incomplete: [f for f in FORMATS if f.startswith(incomplete)]),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the report; write nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    queue: bool = typer.Option(False, "--queue", help="Hand the import to the task worker and return at once "
                               "(`goodloop jobs` follows it; `goodloop serve` or `goodloop worker` runs it)."),
):
    """Import contacts; people already known are matched and merged, never duplicated."""
    if format not in FORMATS:
        raise CliError(f"--format must be one of: {', '.join(FORMATS)} (got {format!r})")
    data = _read(path)
    if queue:
        from goodloop import bootstrap

        bootstrap.setup(cli=True, tasks=True)  # the task runner's apps, which other commands leave out
    account = context.account()  # sets up Django before importing services
    if queue:
        _queue(account, data, format, Path(path).name, dry_run, as_json)
        return
    from goodloop.transfer import importer

    show_bar = not as_json and sys.stdout.isatty()
    if show_bar:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"importing {Path(path).name}", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            report = importer.import_file(account, data, format, Path(path).name, dry_run, progress)
    else:
        report = importer.import_file(account, data, format, Path(path).name, dry_run)
    if as_json:
        emit_json(report.as_dict())
        return
    _summary(report)


def _queue(account, data: bytes, format: str, name: str, dry_run: bool, as_json: bool) -> None:
    from goodloop.transfer import import_jobs

    job = import_jobs.start(account, data, format=format, filename=name, dry_run=dry_run)
    if as_json:
        emit_json({"job": job.id, "status": job.status, "task": job.task})
    else:
        typer.echo(f"import {job.id} of {name} is queued: a worker runs it (`goodloop serve` in local mode, "
                   "else `goodloop worker`); `goodloop jobs` shows how far it got")


def _summary(report) -> None:
    prefix = "dry run, nothing written: " if report.dry_run else ""
    typer.echo(f"{prefix}{report.rows} rows read ({report.format}): {report.created} created, "
               f"{report.updated} updated, {report.unchanged} unchanged, {len(report.errors)} errors"
               + (f", {report.merged} merged" if report.merged else ""))
    for e in report.errors[:20]:
        typer.echo(f"  row {e['row']}: {e['message']}")
    if len(report.errors) > 20:
        typer.echo(f"  … {len(report.errors) - 20} more errors (see --json)")
    for w in report.warnings[:20]:
        typer.echo(f"  row {w['row']}: warning: {w['message']}" if w["row"] else f"  warning: {w['message']}")
    if len(report.warnings) > 20:
        typer.echo(f"  … {len(report.warnings) - 20} more warnings (see --json)")
    if report.merge_suggestions:
        typer.echo(f"{report.suggested} possible duplicates (merge with `goodloop person merge A B`):")
        for s in report.merge_suggestions[:20]:
            typer.echo(f"  {_who(s['a'])}  ~  {_who(s['b'])}: {s['reason']}")


def _who(ref: dict) -> str:
    return f"#{ref['id']} {ref['name']}" if ref.get("id") else f"{ref['name']} (row {ref.get('row')})"


def _base_url(base: str | None) -> str:
    """Where this goodloop is reached: --base, else the first allowed host in server mode, else the
    local server's default address."""
    from django.conf import settings

    if base:
        if not base.startswith(("http://", "https://")):
            raise CliError(f"--base must start with http:// or https:// (got {base!r})")
        return base.rstrip("/")
    if settings.GOODLOOP_SERVER_MODE:
        host = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")), "")
        if host:
            return f"{'https' if settings.CONFIG.https else 'http'}://{host}"
    return "http://127.0.0.1:8000"


def _print_url(url: str, as_json: bool) -> None:
    if as_json:
        emit_json({"url": url})
    else:
        typer.echo(url)


_BASE_HELP = "The address people reach goodloop at (default: the local server, or the first allowed host)."


def calendar_url_cmd(
    as_json: bool = typer.Option(False, "--json", help='Print {"url": ...}.'),
    base: str = typer.Option(None, "--base", help=_BASE_HELP, metavar="URL"),
):
    """The secret address calendar apps subscribe to (your open loops, kept up to date)."""
    account = context.account()
    from goodloop.transfer import calendar_feed

    _print_url(_base_url(base) + calendar_feed.path(calendar_feed.feed_token(account)), as_json)


def calendar_reset_cmd(
    as_json: bool = typer.Option(False, "--json", help='Print {"url": ...} of the new address.'),
    base: str = typer.Option(None, "--base", help=_BASE_HELP, metavar="URL"),
):
    """Make a new subscription address; the old one stops working at once."""
    account = context.account()
    from goodloop.transfer import calendar_feed

    _print_url(_base_url(base) + calendar_feed.path(calendar_feed.reset(account)), as_json)


def export_cmd(
    kind: str = typer.Argument(..., help="vcard, csv, json (a full backup) or ics (open loops).",
                               autocompletion=lambda incomplete: [k for k in EXPORTS if k.startswith(incomplete)]),
    out: str = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout."),
    version: str = typer.Option("4.0", "--version", help="vCard version: 4.0, or 3.0 for Android and Google."),
    todo: bool = typer.Option(False, "--todo", help="ics: the loops as to-dos instead of all-day events."),
):
    """Export people (vCard 4.0 or 3.0, CSV), open loops (iCalendar events, or --todo) or a full JSON backup.

    KIND is vcard, csv, json (a full backup) or ics (open loops).
    """
    if kind not in EXPORTS:
        raise CliError(f"export what? one of: {', '.join(EXPORTS)} (got {kind!r})")
    if version not in ("4.0", "3.0"):
        raise CliError(f"--version must be 4.0 or 3.0 (got {version!r})")
    context.account()  # set up Django before importing services
    from goodloop.private_files import write_private
    from goodloop.transfer import exporter

    data = exporter.export(context.account(), kind, version=version, todo=todo)
    if out:
        try:
            write_private(Path(out), data)
        except OSError as exc:
            raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
        typer.echo(f"wrote {out}", err=True)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def restore_cmd(path: str = typer.Argument(..., help="A file written by `goodloop export json` or `goodloop backup`.")):
    """Restore a JSON backup, or a SQLite copy made by `goodloop backup`, into an empty store."""
    data = _read(path)
    if data.startswith(b"SQLite format 3\x00"):
        from goodloop import bootstrap

        bootstrap.setup()
        from goodloop.transfer import snapshot

        counts = snapshot.restore_sqlite(path)
        typer.echo("restored " + ", ".join(f"{n} {name}" for name, n in counts.items() if n))
        return
    context.account()  # set up Django before importing services
    from goodloop.transfer import backup

    counts = backup.restore(context.account(), data)
    typer.echo("restored " + ", ".join(f"{n} {name}" for name, n in counts.items() if n))

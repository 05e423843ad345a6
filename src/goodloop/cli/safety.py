"""`backup`: a consistent copy of the live store (restore it with `goodloop restore FILE`);
`check`: recompute the derived fields and report drift."""

import typer

from .output import CliError, emit_json


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_cmd)
    app.command("check")(check_cmd)


def check_cmd(
    repair: bool = typer.Option(False, "--repair", help="Write the recomputed values where they drifted."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
):
    """Recompute every person's search text, current organization and last contact, and report
    the people whose stored value drifted (exit code 1 when any did and --repair was not given)."""
    from . import context

    account = context.account()  # sets Django up before the models are imported
    from goodloop.overview import check

    drift = check.run(account, repair=repair)
    if as_json:
        emit_json(drift.as_dict())
    else:
        fields = drift.as_dict()["fields"]
        typer.echo(f"checked {drift.checked} people: {drift.total} drifted field(s)"
                   + "".join(f"; {name.replace('_', ' ')}: {len(ids)}" for name, ids in fields.items() if ids)
                   + (" (repaired)" if repair and drift.total else ""))
    if drift.total and not repair:
        raise typer.Exit(1)


def backup_cmd(
    out: str = typer.Option(None, "-o", "--output", metavar="PATH",
                            help="The file to write (default GOODLOOP_HOME/backups/goodloop-DATE-TIME.*)."),
    account: str = typer.Option(None, "--account", metavar="EMAIL",
                                help="PostgreSQL in server mode: the account to back up."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
):
    """Copy the live store while it runs: SQLite's online backup (the whole file), or on
    PostgreSQL the account's JSON export from one snapshot. `goodloop restore FILE` takes either."""
    from goodloop import bootstrap

    bootstrap.setup()  # not context.account(): a server store has no local account to create
    from django.db import connection

    from goodloop.accounts import account as accounts
    from goodloop.transfer import snapshot

    owner = None
    if connection.vendor != "sqlite":
        if account:
            owner = accounts.by_email(account)
        elif accounts.server_mode():
            raise CliError("server mode on PostgreSQL: name the account with --account EMAIL "
                           "(for the whole database use pg_dump)")
        else:
            owner = accounts.local_account()
    elif account:
        raise CliError("--account is for PostgreSQL; a SQLite backup copies the whole store")
    result = snapshot.backup(owner, out)
    if as_json:
        emit_json(result.as_dict())
        return
    what = "SQLite copy of the whole store" if result.kind == "sqlite" else "JSON export"
    typer.echo(f"wrote {result.path} ({what}, {result.size:,} bytes); restore with `goodloop restore {result.path}`")

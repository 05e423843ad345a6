"""`account add|disable|enable|set-password|remove`, `token create|revoke` and `tokens`:
server-mode accounts and API tokens."""

import sys

import typer

from .output import CliError, emit_json, table

account_app = typer.Typer(help="Server-mode accounts (a login per person).", no_args_is_help=True)
token_app = typer.Typer(help="API tokens (Authorization: Bearer TOKEN).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(account_app, name="account")
    app.add_typer(token_app, name="token")
    app.command("tokens")(tokens)


def _setup() -> None:
    """Django on the chosen store, without creating the local account (server stores have none)."""
    from goodloop import bootstrap

    bootstrap.setup()


def _read_password() -> str:
    password = sys.stdin.readline()
    if password.endswith("\n"):
        password = password[:-1]
    if password.endswith("\r"):
        password = password[:-1]
    if not password:
        raise CliError("no password on standard input (e.g. printf '%s' \"$PASSWORD\" | goodloop account add ...)")
    return password


@account_app.command("add")
def account_add(
    email: str = typer.Argument(..., help="The login email."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    name: str = typer.Option("", "--name", help="The account's display name (default: the email)."),
    time_zone: str = typer.Option("UTC", "--time-zone", help="Where the person lives, e.g. Europe/Berlin: "
                                  "what 'today' means for their agenda."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
):
    """Create a login and its account (for server mode)."""
    if not password_stdin:
        raise CliError("give the password on standard input with --password-stdin (never on the command line)")
    password = _read_password()
    _setup()
    from goodloop.accounts import account as accounts

    account = accounts.create_account(email, password, name=name, time_zone=time_zone)
    if as_json:
        emit_json({"id": account.id, "email": account.user.email, "name": account.name,
                   "time_zone": account.time_zone})
        return
    typer.echo(f"account #{account.id} {account.user.email} created")


@account_app.command("disable")
def account_disable(email: str = typer.Argument(..., help="The login email.")):
    """Stop an account at once: its login, web sessions, API tokens and calendar export (data kept)."""
    _act("disabled: its sessions and tokens stopped working", "set_active", email, False)


@account_app.command("enable")
def account_enable(email: str = typer.Argument(..., help="The login email.")):
    """Let a disabled account sign in again (its unrevoked, unexpired tokens work again too)."""
    _act("enabled", "set_active", email, True)


def _act(said: str, use_case: str, *args) -> None:
    """Run one account use case and say what it did to which account."""
    _setup()
    from goodloop.accounts import account as accounts

    account = getattr(accounts, use_case)(*args)
    typer.echo(f"account #{account.id} {account.user.email} {said}")


@account_app.command("set-password")
def account_set_password(
    email: str = typer.Argument(..., help="The login email."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
):
    """Give an account a new password (its open web sessions end)."""
    if not password_stdin:
        raise CliError("give the password on standard input with --password-stdin (never on the command line)")
    _act("password changed: its web sessions ended", "set_password", email, _read_password())


@account_app.command("remove")
def account_remove(
    email: str = typer.Argument(..., help="The login email."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask: delete at once (for scripts)."),
):
    """Delete an account, its login and every row it owns (people, asks, tokens, …). Cannot be undone."""
    _setup()
    from goodloop.accounts import account as accounts

    login = accounts.by_email(email).user.email  # an unknown email is an error before any question
    if not yes:
        if not sys.stdin.isatty():
            raise CliError(f"removing {login} deletes all its data: add --yes to confirm (no terminal to ask on)")
        if not typer.confirm(f"Delete the account {login} and every row it owns?"):
            raise CliError("nothing removed")
    counts = accounts.remove_account(login)
    typer.echo(f"account {login} removed: {sum(counts.values())} rows deleted")


@account_app.command("time-zone")
def account_time_zone(
    zone: str = typer.Argument(None, help="An IANA zone name, e.g. Pacific/Auckland; omit to show the current one."),
    account: str = typer.Option(None, "--account", help="The account's email (local mode: the local account)."),
):
    """Show or set the account's time zone: it decides what "today" is for its agenda and dates."""
    _setup()
    from goodloop.accounts import account as accounts

    acc = _account_for(account)
    if zone is not None:
        acc = accounts.set_time_zone(acc, zone)
    typer.echo(f"time zone: {acc.time_zone}")


def _account_for(email: str | None):
    from django.conf import settings

    from goodloop.accounts import account as accounts

    if email:
        return accounts.by_email(email)
    if settings.GOODLOOP_SERVER_MODE:
        raise CliError("server mode: name the account with --account EMAIL")
    return accounts.local_account()


@token_app.command("create")
def token_create(
    account: str = typer.Option(None, "--account", help="The account's email (local mode: the local account)."),
    name: str = typer.Option("", "--name", help="What the token is for, e.g. 'laptop script'."),
    expires_in: int = typer.Option(None, "--expires-in", metavar="DAYS",
                                   help="The token stops working after this many days (default: never)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
):
    """Create an API token and print it once (only its hash is kept)."""
    _setup()
    from goodloop.accounts import tokens as svc

    token, clear = svc.create(_account_for(account), name, expires_in)
    if as_json:
        emit_json({**svc.as_dict(token), "token": clear})
        return
    typer.echo(clear)
    typer.echo(f"token #{token.id} created; this is the only time it is shown. "
               "Use it as: Authorization: Bearer TOKEN", err=True)


@token_app.command("revoke")
def token_revoke(token_id: int = typer.Argument(..., help="The token's id (see goodloop tokens).")):
    """Revoke an API token: it stops working at once."""
    _setup()
    from goodloop.accounts import tokens as svc

    token = svc.revoke(token_id)
    typer.echo(f"token #{token.id} ({token.prefix}…) revoked")


def tokens(
    account: str = typer.Option(None, "--account", help="Only this account's tokens."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
):
    """List API tokens (never the tokens themselves: only their first characters)."""
    _setup()
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens as svc

    rows = [svc.as_dict(t) for t in svc.list_tokens(accounts.by_email(account) if account else None)]
    if as_json:
        emit_json(rows)
        return
    table(None, ["id", "account", "name", "prefix", "created", "last used", "expires", "revoked"],
          [[r["id"], r["account"], r["name"], r["prefix"] + "…", r["created"][:16], (r["last_used"] or "")[:16],
            (r["expires"] or "")[:16], "yes" if r["revoked"] else ""] for r in rows])

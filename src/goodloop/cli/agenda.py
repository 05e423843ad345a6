"""`asks`, `ask-status`, `nudged`, `snooze`: my asks and what became of them, and "not now" on Today."""

import typer

from . import context
from .context import parse_date
from .output import CliError, emit_json, table


def register(app: typer.Typer) -> None:
    for name, fn in (("asks", asks), ("ask-status", ask_status), ("nudged", nudged), ("snooze", snooze)):
        app.command(name)(fn)


def asks(
    open_only: bool = typer.Option(False, "--open", help="Only asks still waiting for an answer."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Your asks, newest first, with their status and why they closed."""
    account = context.account()
    from goodloop.helploop import asks as svc

    items = [svc.as_dict(a) for a in svc.mine(account, open_only=open_only)]
    if as_json:
        emit_json(items)
        return
    if not items:
        typer.echo("No asks yet." if not open_only else "No ask is waiting for an answer.")
        return
    table(None, ["id", "date", "person", "kind", "status", "score", "why closed", "ask"],
          [[a["id"], a["date"], a["person"]["name"], a["kind"], a["status"], a["score"],
            (f"{a['closed_reason']} ({a['closed_on']})" if a["closed_on"] else ""), a["text"][:60]]
           for a in items])


def ask_status(
    ask_id: int = typer.Argument(..., metavar="ASK_ID"),
    status: str = typer.Argument(..., help="answered, no_reply or withdrawn."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Say what became of one of your asks: answered, no_reply or withdrawn."""
    day = parse_date(when)
    account = context.account()
    from goodloop.core import rules
    from goodloop.helploop import asks as svc

    if status not in rules.ASK_CLOSING_STATUSES:
        raise CliError(f"status must be one of: {', '.join(rules.ASK_CLOSING_STATUSES)} (got {status!r})")
    ask = svc.set_status(account, ask_id, status, day)
    if as_json:
        emit_json(svc.as_dict(ask))
        return
    typer.echo(f"ask #{ask.id} to {ask.person.display_name} is now {ask.status} ({ask.closed_on.isoformat()})")


def nudged(
    ask_id: int = typer.Argument(..., metavar="ASK_ID"),
    when: str = typer.Option(None, "--date"),
):
    """Record the one polite nudge you sent about an ask (3B7: never a second)."""
    day = parse_date(when)
    account = context.account()
    from goodloop.helploop import asks as svc

    ask = svc.record_follow_up(account, ask_id, "nudge", day)
    typer.echo(f"nudge recorded for ask #{ask.id} to {ask.person.display_name} ({day.isoformat()}); "
               "no second nudge will be suggested")


def snooze(
    key: str = typer.Argument(..., metavar="KEY", help="The item's key from `today --json` (e.g. check_in:12)."),
    days: int = typer.Option(None, "--days", min=1, max=3650, help="How long (default 7 days)."),
    when: str = typer.Option(None, "--date"),
):
    """Not now: hide a Today item for a few days."""
    day = parse_date(when)
    account = context.account()
    from goodloop.overview import agenda_actions

    typer.echo(agenda_actions.snooze(account, key, days, day))

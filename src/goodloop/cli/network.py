"""`log`, `target add|edit` and `targets`."""

import typer

from . import context
from .context import parse_date
from .output import emit_json, table

target_app = typer.Typer(help="Manage the target list.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("log")(log)
    app.add_typer(target_app, name="target")
    app.command("targets")(targets)


def log(
    ref: list[str] = typer.Argument(..., help="One or more people (id, email, URL or name)."),
    channel: str = typer.Option(..., "--channel", help="meeting, call, video, email, message, event or social."),
    direction: str = typer.Option("mutual", "--direction", help="outbound, inbound or mutual."),
    summary: str = typer.Option("", "--summary"),
    when: str = typer.Option(None, "--date", help="YYYY-MM-DD (default today)."),
):
    """Log an interaction (it resets the keep-in-touch clock)."""
    context.account()  # set up Django before importing services
    from goodloop.network import interactions
    from goodloop.network import people as svc

    day = parse_date(when)
    account = context.account()
    people = [svc.resolve(account, r) for r in ref]
    interaction = interactions.log(account, people, channel, direction, summary, day)
    typer.echo(f"logged {channel} on {day.isoformat()} with {', '.join(p.display_name for p in people)} "
               f"(#{interaction.id})")


@target_app.command("add")
def target_add(
    org: str = typer.Argument(..., help="Organization name."),
    priority: int = typer.Option(None, "--priority", help="1 = top; default: after the last."),
    why: str = typer.Option("", "--why"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Add an organization to the target list."""
    context.account()  # set up Django before importing services
    from goodloop.network import organizations
    from goodloop.search import targets as svc

    target = svc.add_target(context.account(), org, priority=priority, why=why)
    if as_json:
        emit_json(svc.as_dict(target))
        return
    if note := organizations.created_note(target.organization):
        typer.echo(note)
    typer.echo(f"target #{target.id}: {target.organization.name} (priority {target.priority})")


@target_app.command("edit")
def target_edit(
    org: str = typer.Argument(..., help="The organization (any unambiguous part of its name)."),
    priority: int = typer.Option(None, "--priority", min=1, help="1 = top; the others are renumbered 1..n."),
    status: str = typer.Option(None, "--status", help="researching, networking, applied, interviewing or closed."),
    why: str = typer.Option(None, "--why", help='Why this organization ("" clears it).'),
    as_json: bool = typer.Option(False, "--json"),
):
    """Change a target's priority, status or why (priorities stay 1..n)."""
    context.account()  # set up Django before importing services
    from goodloop.search import targets as svc

    target = svc.edit_target(context.account(), org, priority=priority, status=status, why=why)
    if as_json:
        emit_json(svc.as_dict(target))
    else:
        typer.echo(f"target #{target.id}: {target.organization.name} (priority {target.priority}, {target.status})")


def targets(as_json: bool = typer.Option(False, "--json")):
    """The target list in priority order, with how many people I know at each."""
    context.account()  # set up Django before importing services
    from goodloop.search import targets as svc

    items = list(svc.list_targets(context.account()))
    if as_json:
        emit_json([svc.as_dict(t) for t in items])
        return
    table(None, ["id", "priority", "organization", "status", "people I know", "why"],
          [[t.id, t.priority, t.organization.name, t.status, t.people_count, t.why] for t in items])

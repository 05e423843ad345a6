"""`who`, `intro`, `intro-status`, `brief`, `report`: the search around the seeker."""

from pathlib import Path

import typer

from . import context
from .context import parse_date
from .output import CliError, emit_json, table


def register(app: typer.Typer) -> None:
    for name, fn in (("who", who), ("intro", intro), ("intro-status", intro_status), ("brief", brief),
                     ("report", report)):
        app.command(name)(fn)


def who(
    org: str = typer.Argument(..., help="Organization."),
    limit: int = typer.Option(50, "--limit", min=1, max=1000),
    as_json: bool = typer.Option(False, "--json"),
):
    """Warm paths to an organization, best first."""
    account = context.account()
    from goodloop.helploop import paths

    rows = paths.who(account, org, limit=limit)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        typer.echo(f"No one you know is at or near {org} yet.")
    table(None, ["person", "hops", "path", "strength", "note"],
          [[r["person"]["name"], r["hops"], " → ".join(r["path"]), r["strength"], r["note"]] for r in rows])


def intro(
    introducer: str = typer.Argument(..., help="Who makes the introduction."),
    introducee: str = typer.Argument(..., help="Who is introduced (often: me)."),
    introduced: str = typer.Argument(..., help="To whom."),
    purpose: str = typer.Option("", "--purpose"),
    status: str = typer.Option("requested", "--status",
                               help="requested, opt_in_asked, made, met or declined."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Record an introduction (with double opt-in drafts)."""
    day = parse_date(when)
    account = context.account()
    from goodloop.network import people
    from goodloop.search import introductions

    trio = [people.resolve(account, r) for r in (introducer, introducee, introduced)]
    item = introductions.record(account, *trio, purpose=purpose, status=status, when=day)
    if as_json:
        emit_json({"id": item.id, "status": item.status})
        return
    typer.echo(f"introduction #{item.id}: {trio[0].display_name} introduces {trio[1].display_name} "
               f"to {trio[2].display_name} ({item.status})")
    drafts = introductions.drafts_for(account, item)
    typer.echo(f"\nrequest to {trio[0].display_name}:\n{drafts['request']}")


def intro_status(
    intro_id: int = typer.Argument(..., metavar="INTRO_ID"),
    status: str = typer.Argument(..., help="requested, opt_in_asked, made, met or declined."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Move an introduction along (made: the introducer did you a favor; met: you met)."""
    day = parse_date(when)
    account = context.account()
    from goodloop.search import introductions

    item = introductions.move(account, intro_id, status, day)
    emit_json({"id": item.id, "status": item.status}) if as_json else typer.echo(
        f"introduction #{item.id} is now {item.status}")


def brief(
    fmt: str = typer.Option("md", "--format", help="md, html or pdf."),
    output: str = typer.Option(None, "-o", "--output", help="File to write (default: stdout; pdf needs -o)."),
    headline: str = typer.Option(None, "--headline", help="Write the brief's one-line headline."),
    roles: list[str] = typer.Option(None, "--role", help="A role you want (repeat; replaces the list)."),
    categories: list[str] = typer.Option(None, "--category",
                                         help="People you want to meet, e.g. 'product marketing leaders' (repeat)."),
    helps: list[str] = typer.Option(None, "--help-with", help="How people can help, one specific ask (repeat)."),
    offers: list[str] = typer.Option(None, "--offer", help="What you can offer in return (repeat)."),
):
    """Your one-page brief: what you want and how people can help (options write it, then it prints)."""
    account = context.account()
    from goodloop.search import brief as svc

    lists = {name: values for name, values in (("roles_sought", roles), ("people_categories", categories),
                                               ("how_you_can_help", helps), ("offers", offers)) if values}
    if headline is not None or lists:
        svc.update(account, headline=headline, **lists)
        typer.echo("brief saved", err=True)
    if fmt not in ("md", "html", "pdf"):
        raise CliError(f"--format must be md, html or pdf (got {fmt!r})")
    if fmt == "pdf" and not output:
        raise CliError("a PDF needs a file: add -o brief.pdf")
    warning = ""
    if fmt == "pdf":
        data, warning = svc.pdf_with_warning(svc.content(account))
    else:
        data = svc.render(account, fmt)
    if output:
        try:
            Path(output).write_bytes(data if isinstance(data, bytes) else data.encode())
        except OSError as exc:
            raise CliError(f"cannot write {output}: {exc.strerror}") from None
        typer.echo(f"wrote {output}")
        if warning:
            typer.echo(f"warning: {warning}", err=True)
    else:
        typer.echo(data)


def report(
    since: str = typer.Option(None, "--since", help="YYYY-MM-DD (default: 26 weeks ago)."),
    when: str = typer.Option(None, "--date", help="Pretend today is YYYY-MM-DD."),
    as_json: bool = typer.Option(False, "--json"),
):
    """What your networking is producing: activity, asks, ledger, loop closure, leads, coverage."""
    day = parse_date(when)
    start = parse_date(since, "--since") if since else None
    account = context.account()
    from goodloop.overview import reports

    data = reports.build(account, day, start)
    if as_json:
        emit_json(data)
        return
    for line in reports.summary_lines(data):
        typer.echo(line)

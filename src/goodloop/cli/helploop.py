"""`coach`, `ask`, `got`, `gave`, `loops`, `done`, `today`, `lead add|move`: the help loop."""

import typer

from . import context
from .context import parse_date
from .output import emit_json, table

lead_app = typer.Typer(help="Leads: job opportunities and who helped.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    for name, fn in (("coach", coach), ("ask", ask), ("got", got), ("gave", gave), ("loops", loops),
                     ("done", done), ("today", today)):
        app.command(name)(fn)
    app.add_typer(lead_app, name="lead")


def _print_coach(data: dict) -> None:
    typer.echo(f"score {data['score']}/100")
    for f in data["findings"]:
        typer.echo(f"  - [{f['code']}] {f['message']} ({f['principle']})")
    for w in data.get("guard", {}).get("warnings", []):
        typer.echo(f"  ! {w}")
    if data.get("guard"):
        typer.echo(f"  → {data['guard']['suggestion']}")
    if data["rewrite"]:
        typer.echo(f"suggested edit:\n  {data['rewrite']}")
    elif data["score"] >= 85:
        typer.echo("looks good: no rewrite needed")


def coach(
    text: str = typer.Argument(..., help="The ask, as you would send it."),
    person: str = typer.Option(None, "--person", help="Who it goes to (for over-asking and trust)."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Score an ask and suggest a rewrite; saves nothing."""
    account = context.account()
    from goodloop.helploop import asks
    from goodloop.network import people

    who = people.resolve(account, person) if person else None
    data = asks.coach(account, text, who).as_dict()
    emit_json(data) if as_json else _print_coach(data)


def ask(
    ref: str = typer.Argument(..., help="Who you ask."),
    text: str = typer.Argument(..., help="The ask."),
    kind: str = typer.Option(None, "--kind", help="introduction, insight, resume_feedback, reference, "
                                                  "referral, advice or other (default: detected)."),
    org: list[str] = typer.Option([], "--org", help="Organization(s) it is about."),
    draft: bool = typer.Option(False, "--draft", help="Save as a draft, not sent yet."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Record an ask you made, with the coach's score and findings."""
    day = parse_date(when)
    account = context.account()
    from goodloop.helploop import asks
    from goodloop.network import people

    result = asks.make(account, people.resolve(account, ref), text, kind=kind, org_names=org,
                       status="draft" if draft else "sent", when=day)
    data = result.as_dict()
    if as_json:
        emit_json(data)
    else:
        for name in result.new_organizations:
            typer.echo(f"new organization: {name}")
        typer.echo(f"ask #{data['id']} to {data['person']['name']} saved ({data['status']})")
        _print_coach(data)


def _favor(direction, ref, kind, note, ask_id, lead_id, when, as_json):
    day = parse_date(when)
    account = context.account()
    from goodloop.helploop import favors
    from goodloop.network import people

    result = favors.record(account, people.resolve(account, ref), direction, kind, note, day,
                           ask_id=ask_id, lead_id=lead_id)
    if as_json:
        emit_json(result.as_dict())
        return
    typer.echo(f"favor #{result.favor.id} {direction}: {kind} — {result.favor.person.display_name}")
    for loop in result.loops_opened:
        typer.echo(f"  opened {loop.kind} loop #{loop.id}, due {loop.due.isoformat()}")


def got(
    ref: str = typer.Argument(...),
    kind: str = typer.Option(..., "--kind", help="introduction, referral, reference, resume_feedback, advice, "
                                                 "insight, lead, encouragement, share or other."),
    note: str = typer.Option("", "--note"),
    ask_id: int = typer.Option(None, "--ask", help="The ask it answers."),
    lead_id: int = typer.Option(None, "--lead", help="The lead it relates to."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Record a favor you received (opens a thank loop, and a report loop where due)."""
    _favor("received", ref, kind, note, ask_id, lead_id, when, as_json)


def gave(
    ref: str = typer.Argument(...),
    kind: str = typer.Option(..., "--kind"),
    note: str = typer.Option("", "--note"),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Record a favor you gave."""
    _favor("given", ref, kind, note, None, None, when, as_json)


def loops(
    open_only: bool = typer.Option(False, "--open", help="Only open loops."),
    as_json: bool = typer.Option(False, "--json"),
):
    """What you owe people: thank-yous, reports, follow-ups, check-ins, gives, promises."""
    account = context.account()
    from goodloop.helploop import loops as svc

    items = list(svc.list_loops(account, open_only=open_only))
    if as_json:
        emit_json([svc.as_dict(x) for x in items])
        return
    table(None, ["id", "kind", "person", "due", "status", "reason"],
          [[x.id, x.kind, x.person.display_name, x.due, x.status, x.reason] for x in items])


def done(
    loop_id: int = typer.Argument(..., metavar="LOOP_ID"),
    note: str = typer.Option("", "--note"),
    skip: bool = typer.Option(False, "--skip", help="Skip it instead (with a note saying why)."),
    when: str = typer.Option(None, "--date"),
):
    """Close a loop."""
    day = parse_date(when)
    account = context.account()
    from goodloop.helploop import loops as svc

    loop = svc.close(account, loop_id, day, note, skip=skip)
    typer.echo(f"loop #{loop.id} ({loop.kind}, {loop.person.display_name}) {loop.status}")


CLI_STEPS = {"name": 'goodloop person edit me --name "Your Name"', "contacts": "goodloop import FILE",
             "targets": "goodloop target add ORG", "brief": 'goodloop brief --headline "..." --role "..." --help-with "..."'}


def today(
    when: str = typer.Option(None, "--date", help="Pretend today is YYYY-MM-DD."),
    limit: int = typer.Option(50, "--limit", min=1, max=1000),
    check_ins: int = typer.Option(None, "--check-ins", min=0, max=1000, help="Check-ins a day (default 5)."),
    reconnects: int = typer.Option(None, "--reconnects", min=0, max=1000,
                                   help="People never contacted offered a day (default 3)."),
    as_json: bool = typer.Option(False, "--json"),
):
    """The ranked agenda: what to do today, each with a reason and a draft."""
    day = parse_date(when)
    account = context.account()
    from goodloop.core import rules
    from goodloop.overview import agenda

    items = agenda.today(account, day, limit=limit,
                         check_ins=rules.AGENDA_DAILY_CHECK_INS if check_ins is None else check_ins,
                         reconnects=rules.AGENDA_DAILY_RECONNECTS if reconnects is None else reconnects)
    if as_json:
        emit_json(agenda.as_dicts(items))
        return
    if not items:
        typer.echo("Nothing due today. A good day to give: record a contact's need, or check in with someone.")
    for n, item in enumerate(items, 1):
        late = f", {item.overdue_days} day(s) overdue" if item.overdue_days else ""
        typer.echo(f"{n}. [{item.kind}] {item.person_name} — due {item.due.isoformat()}{late}  ({item.key})")
        typer.echo(f"   why: {item.reason}")
        if item.draft:
            typer.echo(f"   draft: {item.draft}")
    typer.echo("Done with one? `goodloop done LOOP_ID`, `goodloop nudged ASK_ID`, or `goodloop log`. "
               "Not now? `goodloop snooze KEY --days N`.")
    from goodloop.overview import getting_started

    if steps := getting_started.pending(account):
        left = [step for step in steps if not step.done]
        typer.echo(f"\nGetting started ({len(steps) - len(left)} of {len(steps)} done):")
        for step in left:
            typer.echo(f"  - {step.title}: {step.detail} `{CLI_STEPS[step.key]}`")


@lead_app.command("add")
def lead_add(
    org: str = typer.Argument(...),
    title: str = typer.Argument(...),
    via: str = typer.Option(None, "--via", help="The person it came through."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Add a lead (a job opportunity)."""
    day = parse_date(when)
    account = context.account()
    from goodloop.network import organizations, people
    from goodloop.search import leads

    lead = leads.add(account, org, title, via=people.resolve(account, via) if via else None, when=day)
    if as_json:
        emit_json(leads.as_dict(lead))
        return
    if note := organizations.created_note(lead.organization):
        typer.echo(note)
    typer.echo(f"lead #{lead.id}: {lead.title} at {lead.organization.name}")
    _echo_contributors(leads.as_dict(lead))


def _echo_contributors(data: dict) -> None:
    for c in data["contributors"]:
        typer.echo(f"  credited: {c['name']} ({c['credit']})")


@lead_app.command("show")
def lead_show(lead_id: int = typer.Argument(..., metavar="LEAD_ID"), as_json: bool = typer.Option(False, "--json")):
    """A lead: its stage and everyone credited for it (introducers up the chain too)."""
    account = context.account()
    from goodloop.search import leads

    data = leads.as_dict(leads.get(account, lead_id))
    if as_json:
        emit_json(data)
        return
    typer.echo(f"lead #{data['id']}: {data['title']} at {data['organization']} - {data['stage']}")
    _echo_contributors(data)


@lead_app.command("move")
def lead_move(
    lead_id: int = typer.Argument(..., metavar="LEAD_ID"),
    stage: str = typer.Argument(..., help="identified, networking, referred, applied, interviewing, offer, "
                                          "accepted, rejected or withdrawn."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Move a lead to a new stage (the people who helped are owed a report)."""
    day = parse_date(when)
    account = context.account()
    from goodloop.helploop import landed
    from goodloop.search import leads

    before = leads.get(account, lead_id).stage
    lead, opened = leads.move(account, lead_id, stage, day)
    closed = landed.latest_for(account, lead) if "accepted" in (before, lead.stage) and before != lead.stage \
        else None
    if as_json:
        data = leads.as_dict(lead)
        data["loops_opened"] = [{"id": x.id, "kind": x.kind, "person": x.person.display_name,
                                 "due": x.due.isoformat()} for x in opened]
        if closed is not None:
            data["landed" if lead.stage == "accepted" else "landing_undone"] = closed.as_dict()
        emit_json(data)
        return
    typer.echo(f"lead #{lead.id} is now {lead.stage}")
    if closed is not None:
        _echo_landing(closed, lead, before)
    for loop in opened:
        typer.echo(f"  report owed to {loop.person.display_name}, due {loop.due.isoformat()}")


def _echo_landing(closed, lead, before: str) -> None:
    data = closed.as_dict()
    if lead.stage == "accepted":
        typer.echo(f"You landed: {lead.title} at {lead.organization.name}. The rest of the search is closed:")
        verb = "withdrawn"
    else:
        typer.echo("The landing is undone; restored:")
        verb = "restored"
    for x in data["leads"]:
        typer.echo(f"  lead #{x['id']} {x['title']} at {x['organization']}: {verb} (was {x['was']})")
    for t in data["targets"]:
        typer.echo(f"  target {t['organization']}: {t['status']}")
    for a in data["asks"]:
        typer.echo(f"  ask #{a['id']} to {a['person']}: {a['status']}")
    if lead.stage == "accepted":
        typer.echo(f"  Undo: goodloop lead move {lead.id} {before}")

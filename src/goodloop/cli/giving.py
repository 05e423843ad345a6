"""The giver's side: `request`, `requests`, `triage`, `kept`, `budget`, `seeking`, `thanked`,
`reported`, `givers`."""

import sys

import typer

from . import context
from .context import parse_date
from .output import CliError, emit_json, table


def register(app: typer.Typer) -> None:
    for name, fn in (("request", request), ("requests", requests_), ("triage", triage), ("kept", kept),
                     ("budget", budget), ("seeking", seeking), ("thanked", thanked), ("reported", reported),
                     ("givers", givers)):
        app.command(name)(fn)


def _warn(message: str | None) -> None:
    if message:
        sys.stderr.write(f"goodloop: warning: {' '.join(message.split())}\n")


def _positive_id(value: int, what: str) -> int:
    if value <= 0:
        raise CliError(f"{what} is a positive number (got {value})")
    return value


def request(
    ref: str = typer.Argument(..., help="Who asked (id, email, URL or name); '-' to take it from a pasted message."),
    text: str = typer.Argument(..., help="What they asked - or the whole pasted email/message."),
    kind: str = typer.Option(None, "--kind", help="introduction, insight, resume_feedback, reference, referral, "
                                                  "advice or other (default: detected)."),
    when: str = typer.Option(None, "--date", help="When they asked (default: the message's Date:, else today)."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Record a request someone made of you: the coach's reading and a draft reply."""
    day = parse_date(when) if when else None
    account = context.account()
    from goodloop.giving import requests as svc
    from goodloop.network import people

    who = None if ref.strip() == "-" else people.resolve(account, ref)
    pasted = ref.strip() == "-" or "\n" in text.strip()
    if pasted and kind is None:
        result = svc.record_pasted(account, text, person=who, when=day)
    else:
        if who is None:
            raise CliError("--kind needs the person named: use a REF instead of '-'")
        result = svc.record(account, who, text, when=day, kind=kind)
    data = result.as_dict()
    if as_json:
        emit_json(data)
        return
    typer.echo(f"request #{data['id']} from {data['person']['name']} ({data['kind'].replace('_', ' ')}) saved")
    typer.echo(f"specific: {data['score']}/100" + (" - too vague to act on yet" if data["vague"] else ""))
    for f in data["findings"]:
        typer.echo(f"  - [{f['code']}] {f['message']}")
    if data.get("capacity", {}).get("exceeds"):
        typer.echo(f"  ! {data['capacity']['warning']}")
    typer.echo(f"suggested: {data['suggestion']}  (goodloop triage {data['id']} accept|smaller|redirect|decline)")
    typer.echo(f"draft reply:\n  {data['draft']}")


def requests_(
    open_only: bool = typer.Option(False, "--open", help="Only requests not yet answered or with a promise to keep."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Requests people made of you."""
    account = context.account()
    from goodloop.giving import queries

    items = [queries.as_dict(x) for x in queries.list_requests(account, open_only=open_only)]
    if as_json:
        emit_json(items)
        return
    table(None, ["id", "from", "date", "kind", "score", "triage", "promise due", "text"],
          [[x["id"], x["person"]["name"], x["date"], x["kind"], x["score"], x["triage"] or "(new)",
            x["promise_due"], " ".join(x["text"].split())[:60]] for x in items])


def triage(
    request_id: int = typer.Argument(..., metavar="REQUEST_ID"),
    action: str = typer.Argument(..., metavar="accept|smaller|redirect|decline"),
    due: str = typer.Option(None, "--due", help="A promise's deadline, YYYY-MM-DD (accept: a week; smaller: 3 days)."),
    to: str = typer.Option(None, "--to", help="redirect: someone better placed (REF)."),
    note: str = typer.Option("", "--note", help="Why (goes into the redirect or decline draft)."),
    minutes: int = typer.Option(None, "--minutes", help="Your estimate of what the promise costs you."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Answer a request: accept (a promise), smaller (a five-minute favor), redirect, or decline kindly."""
    _positive_id(request_id, "REQUEST_ID")
    day = parse_date(when)
    due_day = parse_date(due, "--due") if due else None
    account = context.account()
    from goodloop.giving import requests as svc
    from goodloop.network import people

    result = svc.triage(account, request_id, action.strip().lower(), due=due_day,
                        to=people.resolve(account, to) if to else None, note=note, when=day, minutes=minutes)
    _warn(result.warning)
    if as_json:
        emit_json(result.as_dict())
        return
    ask = result.ask
    typer.echo(f"request #{ask.id} from {ask.person.display_name}: {ask.triage} ({ask.status})")
    for loop in result.loops_opened:
        typer.echo(f"  promise loop #{loop.id}, on Today {loop.due.isoformat()} (deadline "
                   f"{ask.promise_due.isoformat()})")
    typer.echo(f"draft reply:\n  {result.draft}")


def kept(
    loop_id: int = typer.Argument(..., metavar="LOOP_ID"),
    note: str = typer.Option("", "--note", help="What you did (goes on the favor)."),
    skip: bool = typer.Option(False, "--skip", help="Close it without doing it (say why in --note)."),
    when: str = typer.Option(None, "--date"),
):
    """Close a promise loop: done records the favor given (the ledger moves)."""
    day = parse_date(when)
    account = context.account()
    from goodloop.giving import requests as svc

    loop = svc.keep_promise(account, _positive_id(loop_id, "LOOP_ID"), day, note, skip=skip)
    typer.echo(f"promise #{loop.id} to {loop.person.display_name} {loop.status}"
               + ("" if skip else "; favor given recorded"))


def budget(
    favors: int = typer.Option(None, "--favors", help="Weekly budget as a number of favors."),
    minutes: int = typer.Option(None, "--minutes", help="Weekly budget in minutes."),
    days: str = typer.Option(None, "--days", help="Giving days to batch gives into, e.g. mon,thu ('' clears)."),
    when: str = typer.Option(None, "--date", help="Show the week of this date."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Show or set your weekly giving budget and giving days."""
    day = parse_date(when)
    account = context.account()
    from goodloop.giving import capacity

    if favors is not None or minutes is not None or days is not None:
        capacity.set_budget(account, favors=favors, minutes=minutes, days=days)
    data = capacity.status(account, day)
    if as_json:
        emit_json(data)
        return
    w = data["week"]
    chosen = ", ".join(data["days"]) or "any day"
    default = " (default)" if data["default"] else ""
    unit = data["unit"][:-1] if data["amount"] == 1 else data["unit"]
    typer.echo(f"giving budget: {data['amount']} {unit} a week{default}; giving days: {chosen}")
    typer.echo(f"week of {w['week_of']}: {w['used']} of {w['budget']} {w['unit']} committed, {w['remaining']} left")


def seeking(
    ref: str = typer.Argument(None, help="The contact (omit to list people in transition)."),
    landed: bool = typer.Option(False, "--landed", help="They landed: end the check-ins, draft congratulations."),
    at: str = typer.Option("", "--at", help="With --landed: where they landed (organization)."),
    role: str = typer.Option("", "--role", help="With --landed: their new role."),
    when: str = typer.Option(None, "--date"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Mark a contact as job-seeking (monthly check-ins), or record that they landed."""
    day = parse_date(when)
    account = context.account()
    from goodloop.giving import transition
    from goodloop.network import people

    if ref is None:
        if landed or at or role:
            raise CliError("--landed needs the person: goodloop seeking REF --landed")
        rows = list(transition.active(account))
        if as_json:
            emit_json([transition.TransitionResult(t, t.current_loop, "", False).as_dict() for t in rows])
            return
        table(None, ["person", "since", "next check-in"],
              [[t.person.display_name, t.started_on, t.current_loop.due if t.current_loop else None] for t in rows])
        return
    person = people.resolve(account, ref)
    if landed:
        result = transition.landed(account, person, day, organization=at, role=role)
    elif at or role:
        raise CliError("--at and --role go with --landed")
    else:
        result = transition.mark_seeking(account, person, day)
    if as_json:
        emit_json(result.as_dict())
        return
    if landed:
        typer.echo(f"{person.display_name} landed - check-ins ended")
    elif result.created:
        typer.echo(f"{person.display_name} is job-seeking: monthly check-ins, the first due {result.loop.due}")
    else:
        typer.echo(f"{person.display_name} is already marked job-seeking; next check-in due {result.loop.due}")
    typer.echo(f"draft:\n  {result.draft}")


def _closure(kind: str, request_id: int, note: str, when: str | None):
    day = parse_date(when)
    account = context.account()
    from goodloop.giving import closure

    fn = closure.thanked_me if kind == "thanked" else closure.reported_to_me
    rec = fn(account, _positive_id(request_id, "REQUEST_ID"), day, note)
    verb = "thanked you" if kind == "thanked" else "told you how it went"
    typer.echo(f"recorded: {rec.ask.person.display_name} {verb} (request #{rec.ask_id}, {rec.date.isoformat()})")


def thanked(
    request_id: int = typer.Argument(..., metavar="REQUEST_ID"),
    note: str = typer.Option("", "--note"),
    when: str = typer.Option(None, "--date"),
):
    """Record that someone you helped thanked you."""
    _closure("thanked", request_id, note, when)


def reported(
    request_id: int = typer.Argument(..., metavar="REQUEST_ID"),
    note: str = typer.Option("", "--note", help="How it panned out."),
    when: str = typer.Option(None, "--date"),
):
    """Record that someone you helped told you how it panned out."""
    _closure("reported", request_id, note, when)


def givers(
    when: str = typer.Option(None, "--date", help="Pretend today is YYYY-MM-DD."),
    as_json: bool = typer.Option(False, "--json"),
):
    """The Givers report: who closes the loop with you, whom you helped most, open promises."""
    day = parse_date(when)
    account = context.account()
    from goodloop.giving import closure

    data = closure.givers_report(account, day)
    if as_json:
        emit_json(data)
        return
    c = data["closure"]
    typer.echo(f"Requests made of you: {c['asked']}; you helped with {c['helped']}; "
               f"thanked for {c['thanked']}; told how it went for {c['reported']}.")
    if data["people"]:
        table("Loop closure toward you", ["person", "asked", "helped", "thanked", "reported", "last helped"],
              [[r["person"]["name"], r["asked"], r["helped"], r["thanked"], r["reported"], r["last_helped"]]
               for r in data["people"]])
    if data["no_word_back"]:
        typer.echo("No word back yet: " + "; ".join(f"{x['person']['name']} ({x['days']} days since you helped)"
                                                   for x in data["no_word_back"]))
    if data["helped_most"]:
        table("People you helped most", ["person", "favors", "weighted"],
              [[x["person"]["name"], x["favors"], x["weighted"]] for x in data["helped_most"]])
    if data["open_promises"]:
        table("Open promises", ["loop", "person", "due", "reason"],
              [[x["id"], x["person"]["name"], x["due"] + (" (overdue)" if x["overdue"] else ""), x["reason"]]
               for x in data["open_promises"]])

"""`people` and `person add|show|merge`."""

import sys

import typer

from . import context
from .output import CliError, emit_json, table

person_app = typer.Typer(help="Add, show and merge people.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("people")(people)
    app.add_typer(person_app, name="person")


def people(
    query: str = typer.Argument("", help="Search names, emails, organizations and titles."),
    org: str = typer.Option("", "--org", help="Only people at this organization."),
    tag: str = typer.Option("", "--tag", help="Only people with this tag."),
    tier: str = typer.Option("", "--tier", help="Only people in this tier."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
):
    """List people in the network."""
    context.account()  # set up Django before importing services
    from goodloop.network import people as svc

    account = context.account()
    qs = svc.search(account, query, org=org, tag=tag, tier=tier)
    if as_json:
        emit_json(svc.summaries(account, qs))
        return
    qs = qs.select_related("organization")
    rows = [[p.id, p.display_name, p.organization.name if p.organization_id else "", p.title, p.tier]
            for p in qs[:200]]
    table(None, ["id", "name", "organization", "title", "tier"], rows)
    total = qs.count()
    if total > len(rows):
        typer.echo(f"… {total - len(rows)} more; narrow with a query, --org, --tag or --tier, or use --json")


@person_app.command("add")
def person_add(
    name: str = typer.Argument(..., help="Full name."),
    org: str = typer.Option("", "--org"),
    title: str = typer.Option("", "--title"),
    email: str = typer.Option("", "--email"),
    url: str = typer.Option("", "--url"),
    tier: str = typer.Option("wide", "--tier", help="core, close, active, wide or dormant."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Add a person."""
    context.account()  # set up Django before importing services
    from goodloop.network import people as svc

    account = context.account()
    from goodloop.network import organizations

    added = svc.add_person(account, name, org=org, title=title, email=email, url=url, tier=tier)
    person = svc.with_summary_data(svc.search(account)).get(id=added.id)
    if as_json:
        emit_json(svc.summary(person))
        return
    if note := organizations.created_note(added.organization) if added.organization_id else "":
        typer.echo(note)
    typer.echo(f"added {svc.describe(person)}")


@person_app.command("show")
def person_show(
    ref: str = typer.Argument(..., help="id, email, LinkedIn URL, name, or me."),
    as_json: bool = typer.Option(False, "--json"),
):
    """Show a person: roles, strength, ledger, open loops, timeline."""
    context.account()  # set up Django before importing services
    from goodloop.network import people as svc
    from goodloop.overview import person_detail

    account = context.account()
    person = svc.resolve(account, ref)
    data = person_detail.detail(account, person)
    if as_json:
        emit_json(data)
        return
    typer.echo(f"{data['name']}  (#{data['id']}, tier {data['tier']}, trust {data['trust_stage']})")
    if data["organization"]:
        typer.echo(f"  {data['title'] or ''} at {data['organization']}".rstrip())
    for key in ("emails", "phones", "urls"):
        if data[key]:
            typer.echo(f"  {key}: {', '.join(data[key])}")
    s = data["strength"]
    typer.echo(f"  strength {s['score']}/100   ledger: given {data['ledger']['given']}, "
               f"received {data['ledger']['received']}, balance {data['ledger']['balance']}")
    if data["needs"]:
        typer.echo(f"  needs: {'; '.join(data['needs'])}")
    if data["roles"]:
        table("Roles", ["organization", "title", "current"],
              [[r["organization"], r["title"], "yes" if r["current"] else ""] for r in data["roles"]])
    if data["loops"]:
        table("Open loops", ["id", "kind", "due", "reason"],
              [[x["id"], x["kind"], x["due"], x["reason"]] for x in data["loops"]])
    if data["interactions"]:
        table("Timeline", ["date", "channel", "direction", "summary"],
              [[i["date"], i["channel"], i["direction"], i["summary"]] for i in data["interactions"][:20]])


@person_app.command("merge")
def person_merge(
    keep: str = typer.Argument(..., help="The person to keep."),
    other: str = typer.Argument(..., help="The duplicate, merged into the first."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask (for scripts)."),
):
    """Merge the second person into the first, after showing both (everything moves; undo with
    `person unmerge MERGE_ID`)."""
    from goodloop import bootstrap

    # import_jobs (side_by_side) lives beside the import task, whose models need the task runner's apps.
    bootstrap.setup(cli=True, tasks=True)
    context.account()  # set up Django before importing services
    from goodloop.network import people as svc
    from goodloop.transfer import merge

    account = context.account()
    a, b = svc.resolve(account, keep), svc.resolve(account, other)
    if a.id == b.id:
        raise CliError(f"{keep!r} and {other!r} are the same person")
    if not yes and not sys.stdin.isatty():
        raise CliError(f"merging #{b.id} {b.display_name} into #{a.id} {a.display_name} needs a yes: add --yes "
                       "(no terminal to ask on)")
    sides = merge.side_by_side(account, [a.id, b.id])
    left, right = sides[a.id], sides[b.id]
    rows = [[label, fmt(left[key]), fmt(right[key])] for label, key, fmt in (
        ("id", "id", str), ("name", "name", str), ("organization", "organization", lambda v: v or ""),
        ("title", "title", lambda v: v or ""), ("emails", "emails", ", ".join), ("asks", "asks", str),
        ("favors", "favors", str), ("interactions", "interactions", str))]
    table("Merge the second into the first?", ["", "keep", "merge into it"], rows)
    if not yes and not typer.confirm(f"Merge {b.display_name} (#{b.id}) into {a.display_name} (#{a.id})?"):
        raise CliError("nothing merged")
    record = merge.merge(account, a, b)
    typer.echo(f"merged into {svc.describe(record.kept)} (merge #{record.id})")
    typer.echo(f"undo with: goodloop person unmerge {record.id}")


@person_app.command("unmerge")
def person_unmerge(merge_id: int = typer.Argument(..., metavar="MERGE_ID", help="From `person show`'s merges.")):
    """Undo a merge: the merged-away person comes back with everything that was theirs."""
    account = context.account()
    from goodloop.network import people as svc
    from goodloop.transfer import merge

    person = merge.undo(account, merge_id)
    typer.echo(f"restored {svc.describe(person)}")


@person_app.command("edit")
def person_edit(
    ref: str = typer.Argument(..., help="Who: an id, email, LinkedIn URL, name, or `me` for yourself."),
    name: str = typer.Option(None, "--name", help="Correct their name (`me --name` sets yours for every draft)."),
    email: str = typer.Option(None, "--email", help="Correct their first email (others stay)."),
    phone: str = typer.Option(None, "--phone", help="Correct their first phone number."),
    url: str = typer.Option(None, "--url", help="Correct their first web address (LinkedIn)."),
    org: str = typer.Option(None, "--org", help="Their organization now (the old role stays as history; "
                                                 "'' for none)."),
    title: str = typer.Option(None, "--title", help="Their title now (a new title keeps the old one as history)."),
    tier: str = typer.Option(None, "--tier", help="core, close, active, wide or dormant."),
    cadence: int = typer.Option(None, "--cadence", help="Days between check-ins (overrides the tier)."),
    need: list[str] = typer.Option([], "--need", help="Something they are looking for (repeatable)."),
    trust: str = typer.Option(None, "--trust", help="Set the trust stage by hand."),
    notes: str = typer.Option(None, "--notes"),
    job_seeking: bool = typer.Option(None, "--job-seeking/--not-job-seeking"),
    as_json: bool = typer.Option(False, "--json"),
):
    """Correct a person (name, email, phone, URL, organization, title) or change their tier,
    cadence, needs, trust stage or notes, in one step."""
    account = context.account()
    from goodloop.errors import ServiceError
    from goodloop.helploop import person_edit
    from goodloop.network import people as svc
    from goodloop.network.models import Person

    person = svc.resolve(account, ref)
    changes = {k: v for k, v in (("name", name), ("email", email), ("phone", phone), ("url", url),
                                 ("organization", org), ("title", title), ("tier", tier),
                                 ("cadence_days", cadence), ("trust_stage", trust), ("notes", notes),
                                 ("job_seeking", job_seeking)) if v is not None}
    if need:
        changes["needs"] = [*(person.needs or []), *need]
    if not changes:
        raise ServiceError("nothing to change: give --name, --email, --phone, --url, --org, --title, --tier, "
                           "--cadence, --need, --trust, --notes or --job-seeking", field="person")
    person = person_edit.update(account, person, **changes)
    seeking = None
    if job_seeking is not None:  # the monthly check-ins follow the flag (giving/transition)
        from goodloop.giving import transition

        seeking = transition.follow_job_seeking(account, person, job_seeking)
    if as_json:
        emit_json(svc.summary(svc.with_summary_data(Person.objects.filter(account=account)).get(id=person.id)))
    else:
        typer.echo(f"updated {svc.describe(person)}")
        if seeking is not None and seeking.loop is not None:
            typer.echo(f"job-seeking: monthly check-ins, the next due {seeking.loop.due}")

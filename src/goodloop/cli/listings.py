"""`leads`, `intros`, `favors`: what you recorded, with ids, filters and --json. Each reads through
the same domain query and serializer as its API list (one read path per resource)."""

import typer

from . import context
from .output import emit_json, table

OPEN = typer.Option(False, "--open", help="Only those still open.")
PERSON = typer.Option(None, "--person", metavar="REF", help="Only those involving this person.")
ORG = typer.Option(None, "--org", metavar="ORG", help="Only those at this organization (any unambiguous part of its name).")
JSON = typer.Option(False, "--json")


def register(app: typer.Typer) -> None:
    app.command("leads")(leads)
    app.command("intros")(intros)
    app.command("favors")(favors)


def _filters(person: str | None, org: str | None):
    """The account and the ids the --person and --org filters name."""
    account = context.account()
    from goodloop.network import organizations, people

    person_id = people.resolve(account, person).id if person else None
    org_id = organizations.for_filter(account, org).id if org else None
    return account, person_id, org_id


def leads(open_only: bool = OPEN, person: str = PERSON, org: str = ORG, as_json: bool = JSON):
    """Leads, most recently moved first (open: not accepted, rejected or withdrawn)."""
    account, person_id, org_id = _filters(person, org)
    from goodloop.search import leads as svc

    items = [svc.as_dict(x) for x in svc.list_leads(account, open_only=open_only, person_id=person_id,
                                                     organization_id=org_id)]
    if as_json:
        emit_json(items)
        return
    table(None, ["id", "stage", "organization", "title", "who helped"],
          [[x["id"], x["stage"], x["organization"], x["title"], ", ".join(p["name"] for p in x["contributors"])]
           for x in items])


def intros(open_only: bool = OPEN, person: str = PERSON, org: str = ORG, as_json: bool = JSON):
    """Introductions, newest first (open: not yet met, nor declined; --org: where the person introduced works)."""
    account, person_id, org_id = _filters(person, org)
    from goodloop.search import introductions as svc

    items = [svc.as_dict(x) for x in svc.list_introductions(account, open_only=open_only, person_id=person_id,
                                                             organization_id=org_id)]
    if as_json:
        emit_json(items)
        return
    table(None, ["id", "status", "introducer", "introducee", "introduced", "since", "purpose"],
          [[x["id"], x["status"], x["introducer"]["name"], x["introducee"]["name"], x["introduced"]["name"],
            x["requested_on"], x["purpose"]] for x in items])


def favors(open_only: bool = OPEN, person: str = PERSON, org: str = ORG, as_json: bool = JSON):
    """Favors given and received, newest first (open: a thank-you or report it opened is still owed)."""
    account, person_id, org_id = _filters(person, org)
    from goodloop.helploop import favors as svc
    from goodloop.helploop import listings

    items = [svc.as_dict(x) for x in listings.favors(account, person_id=person_id, open_only=open_only,
                                                      organization_id=org_id)]
    if as_json:
        emit_json(items)
        return
    table(None, ["id", "date", "direction", "kind", "person", "note"],
          [[x["id"], x["date"], x["direction"], x["kind"], x["person"]["name"], x["note"]] for x in items])

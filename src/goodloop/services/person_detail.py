"""Everything known about one person, as `person show --json` returns it."""

from datetime import date

from django.db.models import Count

from goodloop.core import ledger as ledger_rules
from goodloop.core import strength as strength_rules
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network.models import Interaction, Role

from . import interactions as interaction_service
from . import people as people_service


def strength_of(account, person, today: date) -> strength_rules.Strength:
    """Tie strength 0-100 with its components, from interactions and favors both ways."""
    grouped = (
        Interaction.objects.filter(account=account, interactionperson__person=person, date__lte=today)
        .values("date", "channel", "direction")
        .annotate(n=Count("id"))
    )
    points = [strength_rules.InteractionPoint(g["date"], g["channel"], g["direction"], g["n"]) for g in grouped]
    book = ledger_of(account, person, today)
    first = min([p.date for p in points] + ([person.connected_on] if person.connected_on else []), default=None)
    return strength_rules.tie_strength(points, today, favors_given=book.given, favors_received=book.received,
                                       first_touch=first)


def ledger_of(account, person, today: date) -> ledger_rules.Ledger:
    """Favors and asks each way, weighted, all-time and over the last 180 days."""
    favors = [ledger_rules.FavorRecord(f.date, f.direction, f.kind)
              for f in Favor.objects.filter(account=account, person=person).only("date", "direction", "kind")]
    asks = [ledger_rules.AskRecord(a.date, a.kind, a.status, a.direction)
            for a in Ask.objects.filter(account=account, person=person).only("date", "kind", "status", "direction")]
    return ledger_rules.ledger(favors, today, asks)


def loop_dict(loop: Loop) -> dict:
    return {"id": loop.id, "kind": loop.kind, "person": {"id": loop.person_id, "name": loop.person.display_name},
            "due": loop.due.isoformat(), "status": loop.status, "reason": loop.reason}


def detail(account, person, today: date | None = None) -> dict:
    """The `person show --json` object: summary plus strength, ledger, loops, timeline, roles, needs."""
    today = today or date.today()
    person = people_service.with_summary_data(
        type(person).objects.filter(account=account, id=person.id)
    ).select_related("met_through").get()
    data = people_service.summary(person)
    roles = Role.objects.filter(account=account, person=person).select_related("organization")
    loops = Loop.objects.filter(account=account, person=person, status="open").select_related("person")
    data.update(
        strength=strength_of(account, person, today).as_dict(),
        ledger=ledger_of(account, person, today).as_dict(),
        loops=[loop_dict(x) for x in loops.order_by("due", "id")],
        interactions=[interaction_service.as_dict(i) for i in interaction_service.for_person(account, person)],
        roles=[{"organization": r.organization.name, "title": r.title, "current": r.current,
                "start": r.start.isoformat() if r.start else None, "end": r.end.isoformat() if r.end else None}
               for r in roles],
        needs=list(person.needs or []),
        met_through=({"id": person.met_through.id, "name": person.met_through.display_name}
                     if person.met_through_id else None),
        notes=person.notes,
        location=person.location,
        how_we_met=person.how_we_met,
        cadence_days=person.cadence_days,
        last_touch=person.last_touch.isoformat() if person.last_touch else None,
        connected_on=person.connected_on.isoformat() if person.connected_on else None,
    )
    return data

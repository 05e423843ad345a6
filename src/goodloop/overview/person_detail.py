"""Everything known about one person, as `person show --json` returns it."""

from datetime import date

from goodloop import clock
from goodloop.giving import closure
from goodloop.helploop.models import Loop
from goodloop.helploop.strength import ledger_of, strength_of
from goodloop.network import interactions as interaction_service
from goodloop.network import people as people_service
from goodloop.network import queries as network_queries
from goodloop.network.models import Role


def loop_dict(loop: Loop) -> dict:
    return {"id": loop.id, "kind": loop.kind, "person": {"id": loop.person_id, "name": loop.person.display_name},
            "due": loop.due.isoformat(), "status": loop.status, "reason": loop.reason}


def detail(account, person, today: date | None = None) -> dict:
    """The `person show --json` object: summary plus strength, ledger, loops, timeline, roles, needs."""
    today = today or clock.today(account)
    person = people_service.with_summary_data(
        type(person).objects.filter(account=account, id=person.id)
    ).select_related("met_through").get()
    data = people_service.summary(person)
    roles = Role.objects.filter(account=account, person=person).select_related("organization")
    loops = Loop.objects.filter(account=account, person=person, status="open").select_related("person")
    book = ledger_of(account, person, today)
    data.update(
        strength=strength_of(account, person, today, book=book).as_dict(),
        ledger=book.as_dict(),
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
        closure_toward_me=closure.toward_me(account, person),
        given_to_them=closure.given_to(account, person),
        merges=[{"id": m.id, "merged_away": m.gone_name, "merged_on": m.merged_on.date().isoformat()}
                for m in network_queries.merge_history(account, person)],
    )
    return data

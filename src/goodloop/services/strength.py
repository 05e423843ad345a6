"""Tie strength and the ledger, computed from the store with a fixed number of queries."""

from collections import defaultdict
from datetime import date

from django.db.models import Count

from goodloop.core import ledger as ledger_rules
from goodloop.core import strength as strength_rules
from goodloop.helploop.models import Ask, Favor
from goodloop.network.models import InteractionPerson, Person


def ledger_of(account, person, today: date) -> ledger_rules.Ledger:
    """Favors and asks each way, weighted, all-time and over the last 180 days."""
    favors = [ledger_rules.FavorRecord(f.date, f.direction, f.kind)
              for f in Favor.objects.filter(account=account, person=person).only("date", "direction", "kind")]
    asks = [ledger_rules.AskRecord(a.date, a.kind, a.status, a.direction)
            for a in Ask.objects.filter(account=account, person=person).only("date", "kind", "status", "direction")]
    return ledger_rules.ledger(favors, today, asks)


def strength_of(account, person, today: date) -> strength_rules.Strength:
    """Tie strength 0-100 with its components, from interactions and favors both ways."""
    # Driven from the person's own link rows: the planner must not start from the account's
    # 300,000 interactions (it would, on SQLite, before the store has statistics).
    grouped = (
        InteractionPerson.objects.filter(person_id=person.id, interaction__date__lte=today)
        .values("interaction__date", "interaction__channel", "interaction__direction")
        .annotate(n=Count("id"))
    )
    points = [strength_rules.InteractionPoint(g["interaction__date"], g["interaction__channel"],
                                              g["interaction__direction"], g["n"]) for g in grouped]
    book = ledger_of(account, person, today)
    first = min([p.date for p in points] + ([person.connected_on] if person.connected_on else []), default=None)
    return strength_rules.tie_strength(points, today, favors_given=book.given, favors_received=book.received,
                                       first_touch=first)


def scores(account, person_ids: list[int], today: date) -> dict[int, int]:
    """Tie strength scores for many people at once (three queries, whatever their number)."""
    if not person_ids:
        return {}
    points = defaultdict(list)
    # person_ids come from the account's own queries; filtering by them alone keeps the plan on
    # the (person, interaction) index.
    rows = (InteractionPerson.objects.filter(person_id__in=person_ids, interaction__date__lte=today)
            .values("person_id", "interaction__date", "interaction__channel", "interaction__direction")
            .annotate(n=Count("id")))
    for r in rows:
        points[r["person_id"]].append(strength_rules.InteractionPoint(
            r["interaction__date"], r["interaction__channel"], r["interaction__direction"], r["n"]))
    given, received = defaultdict(float), defaultdict(float)
    for pid, direction, kind in Favor.objects.filter(account=account, person_id__in=person_ids,
                                                     date__lte=today).values_list("person_id", "direction", "kind"):
        (given if direction == "given" else received)[pid] += ledger_rules.weight(kind)
    connected = dict(Person.objects.filter(id__in=person_ids).values_list("id", "connected_on"))
    out = {}
    for pid in person_ids:
        pts = points.get(pid, [])
        first = min([p.date for p in pts] + ([connected[pid]] if connected.get(pid) else []), default=None)
        out[pid] = strength_rules.tie_strength(pts, today, given[pid], received[pid], first).score
    return out


__all__ = ["ledger_of", "strength_of", "scores"]

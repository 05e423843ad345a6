"""Tie strength and the ledger, computed from the store with a fixed number of queries."""

from collections import defaultdict
from datetime import date

from django.db import connections
from django.db.models import BooleanField, Count, Expression, F

from goodloop.core import ledger as ledger_rules
from goodloop.core import strength as strength_rules
from goodloop.helploop.models import Ask, Favor
from goodloop.network.models import InteractionPerson, Person


class _LinkedOnPostgres(Expression):
    """`interaction_id = ANY(ARRAY(the person's interaction ids))`, for PostgreSQL.

    Joined to the interactions, the person's link rows alone leave PostgreSQL's planner hashing every
    interaction of the account (70-90 ms for a person with 2,800 interactions at full size); an array
    from the (person) index makes it probe the interactions by primary key instead (about 20 ms).
    SQLite already starts from the link rows, so it goes without.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, person_id: int):
        super().__init__()
        self.person_id = person_id

    def as_sql(self, compiler, connection):
        lhs, lhs_params = compiler.compile(F("interaction_id").resolve_expression(compiler.query))
        sub = InteractionPerson.objects.filter(person_id=self.person_id).values("interaction_id").order_by()
        sub_sql, sub_params = sub.query.get_compiler(connection=connection).as_sql()
        return f"{lhs} = ANY(ARRAY({sub_sql}))", (*lhs_params, *sub_params)


def links_of(person_id: int):
    """The person's InteractionPerson rows, planned from the (person, interaction) index on both databases."""
    links = InteractionPerson.objects.filter(person_id=person_id)
    if connections[links.db].vendor == "postgresql":
        links = links.filter(_LinkedOnPostgres(person_id))
    return links


def ledger_of(account, person, today: date) -> ledger_rules.Ledger:
    """Favors and asks each way, weighted, all-time and over the last 180 days."""
    favors = [ledger_rules.FavorRecord(f.date, f.direction, f.kind)
              for f in Favor.objects.filter(account=account, person=person).only("date", "direction", "kind")]
    asks = [ledger_rules.AskRecord(a.date, a.kind, a.status, a.direction)
            for a in Ask.objects.filter(account=account, person=person).only("date", "kind", "status", "direction")]
    return ledger_rules.ledger(favors, today, asks)


def strength_of(account, person, today: date, book: ledger_rules.Ledger | None = None) -> strength_rules.Strength:
    """Tie strength 0-100 with its components, from interactions and favors both ways.

    `book` is the person's ledger for `today` when the caller has it already (else it is read)."""
    # Driven from the person's own link rows: the planner must not start from the account's
    # 300,000 interactions (it would, on SQLite, before the store has statistics). Grouped in SQL
    # and read as plain rows: a well-connected person has thousands of (date, channel, direction).
    grouped = (
        links_of(person.id).filter(interaction__date__lte=today)
        .values_list("interaction__date", "interaction__channel", "interaction__direction")
        .annotate(n=Count("id")).order_by()
    )
    decayed, first, counted = strength_rules.decayed_sums(
        ((person.id, *row) for row in _plain_rows(grouped)), today, day_of=_as_date)
    if book is None:
        book = ledger_of(account, person, today)
    starts = [d for d in (first.get(person.id), person.connected_on) if d]
    return strength_rules.strength_from_parts(decayed[person.id], book.given, book.received,
                                              min(starts, default=None), today, interactions=counted[person.id])


def scores(account, person_ids: list[int], today: date) -> dict[int, int]:
    """Tie strength scores for many people at once (three queries, whatever their number)."""
    if not person_ids:
        return {}
    # person_ids come from the account's own queries; filtering by them alone keeps the plan on
    # the (person, interaction) index. One row per link: grouping in SQL barely shrinks them
    # across people, but sorts them all.
    links = (InteractionPerson.objects.filter(person_id__in=person_ids, interaction__date__lte=today)
             .values_list("person_id", "interaction__date", "interaction__channel", "interaction__direction"))
    decayed, first, _ = strength_rules.decayed_sums(((*row, 1) for row in _plain_rows(links)), today,
                                                   day_of=_as_date)
    given, received = defaultdict(float), defaultdict(float)
    for pid, direction, kind in Favor.objects.filter(account=account, person_id__in=person_ids,
                                                     date__lte=today).values_list("person_id", "direction", "kind"):
        (given if direction == "given" else received)[pid] += ledger_rules.weight(kind)
    connected = dict(Person.objects.filter(id__in=person_ids).values_list("id", "connected_on"))
    out = {}
    for pid in person_ids:
        starts = [d for d in (first.get(pid), connected.get(pid)) if d]
        out[pid] = strength_rules.score_from_parts(decayed[pid], given[pid], received[pid],
                                                   min(starts, default=None), today)
    return out


def _as_date(value) -> date:
    """A date column as the driver returns it: text on SQLite, a date on PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _plain_rows(queryset):
    """A values_list() queryset's rows as the database driver returns them (no converters)."""
    from django.db.models.sql.constants import MULTI

    for chunk in queryset.query.get_compiler(queryset.db).execute_sql(MULTI):
        yield from chunk


__all__ = ["ledger_of", "links_of", "strength_of", "scores"]

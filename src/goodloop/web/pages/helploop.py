"""Read queries the help-loop web pages need: asks, loops, one favor's loops, and the Person
page's panels and merged timeline (interactions, asks, favors, loops, introductions).

Every function takes the account explicitly; the number of SQL queries does not grow with
the size of the network.
"""

from datetime import date

from django.db.models import CharField, Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from goodloop.core import cadence
from goodloop.core import rules as v
from goodloop.errors import NotFound
from goodloop.helploop import rhythm, trust
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.helploop.strength import ledger_of, links_of, strength_of
from goodloop.network import queries as network_queries
from goodloop.network.models import Interaction, InteractionPerson, MergeRecord, Person
from goodloop.search.models import Introduction

ASK_STATUS_FILTERS = v.ASK_STATUSES
LOOP_STATUS_FILTERS = (*v.LOOP_STATUSES, "all")
EVENT_KINDS = ("interaction", "ask", "favor", "loop", "introduction")

_LOOP_LINKS = ("person", "favor__lead__organization", "favor__introduction", "ask", "lead__organization",
               "introduction__introducer", "introduction__introducee", "introduction__introduced")


def asks(account, status: str = "", ask_id: int | None = None):
    """The asks I made, newest first, optionally one status (or one ask)."""
    qs = (Ask.objects.filter(account=account, direction="made").select_related("person")
          .prefetch_related("organizations").order_by("-date", "-id"))
    if status:
        qs = qs.filter(status=status)
    if ask_id is not None:
        qs = qs.filter(id=ask_id)
    return qs


def ask_row(account, ask_id: int) -> Ask:
    ask = asks(account, ask_id=ask_id).first()
    if ask is None:
        raise NotFound(f"no ask with id {ask_id}")
    return ask


def loops(account, status: str = "open", person=None):
    """Loops with what opened them; open ones soonest due first, closed ones latest closed first."""
    qs = Loop.objects.filter(account=account).select_related(*_LOOP_LINKS)
    if status and status != "all":
        qs = qs.filter(status=status)
    if person is not None:
        qs = qs.filter(person=person)
    if status == "open":
        return qs.order_by("due", "id")
    return qs.order_by(F("closed_on").desc(nulls_first=True), "due", "id")


def loop_row(account, loop_id: int) -> Loop:
    loop = loops(account, "all").filter(id=loop_id).first()
    if loop is None:
        raise NotFound(f"no loop with id {loop_id}")
    return loop


def favor_with_loops(account, favor_id: int) -> tuple[Favor, list[Loop]]:
    favor = Favor.objects.filter(account=account, id=favor_id).select_related("person").first()
    if favor is None:
        raise NotFound(f"no favor with id {favor_id}")
    return favor, list(Loop.objects.filter(account=account, favor=favor).order_by("due", "id"))


def merge_kept_id(account, merge_id: int) -> int:
    """The person a merge kept (whose page offers to undo it)."""
    kept = MergeRecord.objects.filter(account=account, id=merge_id).values_list("kept_id", flat=True).first()
    if kept is None:
        raise NotFound(f"no merge with id {merge_id}")
    return kept


def people_options(account, query: str, limit: int = 12) -> list[dict]:
    """People for a picker: name, organization, id (closest tiers first)."""
    qs = Person.objects.filter(account=account, is_me=False)
    for word in (query or "").lower().split():
        qs = qs.filter(search_text__contains=word)
    rows = qs.order_by("display_name", "id").values_list("id", "display_name", "organization__name")[:limit]
    return [{"id": pid, "name": name, "organization": org or ""} for pid, name, org in rows]


# ----------------------------------------------------------------------------- person page

def person_panels(account, person: Person, today: date) -> dict:
    """Tie strength, ledger, trust with evidence, rhythm, open loops and merge history."""
    status = rhythm.status_for(account, person, today)  # building rhythm after an introduction, else the tier
    book = ledger_of(account, person, today)
    return {
        "strength": strength_of(account, person, today, book=book).as_dict(),
        "ledger": book,
        "trust": trust.evaluate(account, person),
        "cadence": status,
        "default_cadence": cadence.cadence_days(person.tier),
        "open_loops": list(loops(account, "open", person)),
        "merges": network_queries.merge_history(account, person),
    }


def _intro_q(person) -> Q:
    return Q(introducer=person) | Q(introducee=person) | Q(introduced=person)


def _count(qs, by: str = "account"):
    return Coalesce(Subquery(qs.order_by().values(by).annotate(n=Count("id")).values("n")[:1]), Value(0),
                    output_field=IntegerField())


def timeline_counts(account, person) -> dict[str, int]:
    """How many of each kind of event the person's timeline holds, in one query."""
    row = Person.objects.filter(id=person.id).annotate(
        # From the person's link rows (the (person, interaction) index), never the account's interactions.
        n_interaction=_count(InteractionPerson.objects.filter(person_id=OuterRef("pk")), by="person_id"),
        n_ask=_count(Ask.objects.filter(account=account, person=OuterRef("pk"))),
        n_favor=_count(Favor.objects.filter(account=account, person=OuterRef("pk"))),
        n_loop=_count(Loop.objects.filter(account=account, person=OuterRef("pk"))),
        n_introduction=_count(Introduction.objects.filter(account=account).filter(
            Q(introducer=OuterRef("pk")) | Q(introducee=OuterRef("pk")) | Q(introduced=OuterRef("pk")))),
    ).values(*(f"n_{k}" for k in EVENT_KINDS)).get()
    return {k: row[f"n_{k}"] for k in EVENT_KINDS}


def _keys(qs, kind: str, date_field: str, id_field: str = "id"):
    return qs.order_by().annotate(event_kind=Value(kind, output_field=CharField()), event_date=F(date_field),
                                  event_id=F(id_field)).values_list("event_date", "event_id", "event_kind")


def timeline_keys(account, person):
    """(date, id, kind) of every event with the person, newest first: a union the paginator slices."""
    parts = [
        # The person's link rows first, each interaction by its primary key.
        _keys(links_of(person.id), "interaction", "interaction__date",
              "interaction_id"),
        _keys(Ask.objects.filter(account=account, person=person), "ask", "date"),
        _keys(Favor.objects.filter(account=account, person=person), "favor", "date"),
        _keys(Loop.objects.filter(account=account, person=person), "loop", "opened_on"),
        _keys(Introduction.objects.filter(account=account).filter(_intro_q(person)), "introduction",
              "requested_on"),
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-event_date", "-event_id")


def timeline_events(account, person, keys) -> list[dict]:
    """The page of events named by `keys`, each {kind, date, obj}: one query per kind on the page."""
    wanted: dict[str, list[int]] = {}
    for _, pk, kind in keys:
        wanted.setdefault(kind, []).append(pk)
    others = Person.objects.filter(account=account).exclude(pk=person.pk).only("id", "display_name")
    loaders = {
        "interaction": lambda ids: Interaction.objects.filter(id__in=ids).prefetch_related(
            Prefetch("people", queryset=others, to_attr="others")),
        "ask": lambda ids: Ask.objects.filter(id__in=ids),
        "favor": lambda ids: Favor.objects.filter(id__in=ids).select_related("lead__organization"),
        "loop": lambda ids: Loop.objects.filter(id__in=ids),
        "introduction": lambda ids: Introduction.objects.filter(id__in=ids).select_related(
            "introducer", "introducee", "introduced"),
    }
    found = {kind: {o.id: o for o in loaders[kind](ids).filter(account=account)} for kind, ids in wanted.items()}
    return [{"kind": kind, "date": day, "obj": found[kind][pk]} for day, pk, kind in keys
            if pk in found.get(kind, {})]

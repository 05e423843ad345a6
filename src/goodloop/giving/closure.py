"""Who closes loops with me: did the people I helped thank me and tell me how it panned out?

Derived from what they later did: an explicit record (`thanked_me`, `reported_to_me`),
or, where it is clear, an inbound message after the help whose summary thanks me or
gives news, or a favor they did me after the help (gratitude in kind). Shown as facts on
their page and in the Givers report - never as a public score.
"""

from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q

from goodloop import clock
from goodloop.core import giver as rules
from goodloop.core import ledger as ledger_rules
from goodloop.errors import ServiceError
from goodloop.giving.queries import get
from goodloop.helploop.models import Ask, ClosureReceived, Favor, Loop
from goodloop.network.models import InteractionPerson, Person

TOP_HELPED = 10


def _record(account, request_id: int, kind: str, when: date | None, note: str) -> ClosureReceived:
    ask = get(account, request_id)
    when = when or clock.today(account)
    if when < ask.date:
        raise ServiceError(f"request {ask.id} was made on {ask.date.isoformat()}; that date is before it",
                           field="date")
    existing = ClosureReceived.objects.filter(account=account, ask=ask, kind=kind).first()
    if existing is not None:
        raise ServiceError(f"already recorded: {ask.person.display_name} {kind} on {existing.date.isoformat()} "
                           f"for request {ask.id}")
    try:
        with transaction.atomic():
            return ClosureReceived.objects.create(account=account, ask=ask, kind=kind, date=when, note=note or "")
    except IntegrityError:
        raise ServiceError(f"already recorded for request {ask.id}") from None


def thanked_me(account, request_id: int, when: date | None = None, note: str = "") -> ClosureReceived:
    """Record that the requester thanked me for request `request_id`."""
    return _record(account, request_id, ClosureReceived.THANKED, when, note)


def reported_to_me(account, request_id: int, when: date | None = None, note: str = "") -> ClosureReceived:
    """Record that the requester told me how my help on request `request_id` panned out."""
    return _record(account, request_id, ClosureReceived.REPORTED, when, note)


def _helped_on(ask, favor_dates) -> date | None:
    if ask.id in favor_dates:
        return favor_dates[ask.id]
    if ask.triage == "redirect":
        return ask.triaged_on
    if ask.triage is None and ask.status in ("answered", "done"):
        return ask.answered_on or ask.date  # answered before triage existed
    return None


def closures(account, person_ids=None) -> list[rules.Closure]:
    """Loop closure toward me for every request made of me (optionally by these people), in
    a fixed number of queries."""
    asks = Ask.objects.filter(account=account, direction=Ask.RECEIVED)
    if person_ids is not None:
        asks = asks.filter(person_id__in=list(person_ids))
    asks = list(asks.only("id", "person_id", "date", "triage", "triaged_on", "status", "answered_on"))
    if not asks:
        return []
    ids = [a.id for a in asks]
    pids = {a.person_id for a in asks}
    favor_dates: dict[int, date] = {}
    for ask_id, day in (Favor.objects.filter(account=account, direction="given", ask_id__in=ids)
                        .order_by("date").values_list("ask_id", "date")):
        favor_dates.setdefault(ask_id, day)
    explicit: dict[tuple[int, str], date] = {
        (a, k): d for a, k, d in ClosureReceived.objects.filter(account=account, ask_id__in=ids)
        .values_list("ask_id", "kind", "date")}
    facts = [rules.RequestFacts(a.id, a.person_id, a.date, _helped_on(a, favor_dates),
                                explicit.get((a.id, "thanked")), explicit.get((a.id, "reported")))
             for a in asks]
    first_help = min((f.helped_on for f in facts if f.helped_on), default=None)
    evidence = []
    if first_help is not None:
        rows = (InteractionPerson.objects.filter(account=account, person_id__in=pids,
                                                 interaction__date__gt=first_help)
                .filter(Q(interaction__direction="inbound") | Q(interaction__direction="mutual"))
                .values_list("person_id", "interaction__date", "interaction__summary"))
        evidence += [rules.Evidence(pid, day, frozenset(rules.evidence_kinds(summary)))
                     for pid, day, summary in rows]
        favors = (Favor.objects.filter(account=account, direction="received", person_id__in=pids,
                                       date__gt=first_help).values_list("person_id", "date"))
        evidence += [rules.Evidence(pid, day, frozenset({"thanked"})) for pid, day in favors]
    return rules.closures(facts, [e for e in evidence if e.kinds])


def for_person(account, person) -> list[rules.Closure]:
    return closures(account, [person.id])


def toward_me(account, person) -> dict:
    """`closure_toward_me {asked, helped, thanked, reported}` for one person's page."""
    return rules.closure_counts(for_person(account, person))


def given_to(account, person) -> dict:
    """How much I have given this person: favors, weighted as in the ledger, estimated minutes."""
    kinds = list(Favor.objects.filter(account=account, person=person, direction="given").values_list("kind",
                                                                                                       flat=True))
    return {"favors": len(kinds), "weighted": sum(ledger_rules.weight(k) for k in kinds),
            "minutes": sum(rules.favor_minutes(k) for k in kinds)}


def givers_report(account, today: date | None = None) -> dict:
    """The Givers report: loop closure toward me (totals and per person), the people I have
    helped most, open promises, and who has left me without word for 30+ days - as facts."""
    today = today or clock.today(account)
    items = closures(account)
    per: dict[int, list[rules.Closure]] = defaultdict(list)
    for c in items:
        per[c.person_id].append(c)
    given = defaultdict(lambda: [0, 0.0])
    for pid, kind in Favor.objects.filter(account=account, direction="given").values_list("person_id", "kind"):
        given[pid][0] += 1
        given[pid][1] += ledger_rules.weight(kind)
    top = sorted(given, key=lambda p: (-given[p][1], -given[p][0], p))[:TOP_HELPED]
    names = dict(Person.objects.filter(account=account, id__in=set(per) | set(top))
                 .values_list("id", "display_name"))

    def who(pid):
        return {"id": pid, "name": names.get(pid, "?")}

    rows = []
    for pid, cs in per.items():
        counts = rules.closure_counts(cs)
        helped = [c.helped_on for c in cs if c.helped_on]
        waiting = [c.waiting_days(today) for c in cs if c.waiting_days(today) is not None]
        rows.append({"person": who(pid), **counts, "last_helped": max(helped).isoformat() if helped else None,
                     "waiting_days": max(waiting) if waiting else None})
    rows.sort(key=lambda r: (-r["helped"], -r["asked"], r["person"]["name"]))
    promises = (Loop.objects.filter(account=account, kind="promise", status="open").select_related("person", "ask")
                .order_by("due", "id"))
    return {
        "closure": rules.closure_counts(items),
        "people": rows,
        "closed_the_loop": [r["person"] for r in rows if r["helped"] and r["thanked"] == r["helped"]
                            and r["reported"] == r["helped"]],
        "no_word_back": [{"person": r["person"], "days": r["waiting_days"]} for r in rows
                         if r["helped"] and not r["thanked"] and not r["reported"]
                         and (r["waiting_days"] or 0) >= rules.NO_WORD_BACK_DAYS],
        "helped_most": [{"person": who(p), "favors": given[p][0], "weighted": given[p][1]} for p in top],
        "open_promises": [{"id": x.id, "request": x.ask_id, "person": who(x.person_id) | {"name":
                           x.person.display_name}, "due": x.due.isoformat(), "overdue": x.due < today,
                           "reason": x.reason} for x in promises],
    }

"""Read queries the giver's web pages need: requests made of me with the coach's reading and a
preview of each triage path's draft, this week's giving against the budget, open promises,
people in transition, and one person's giving page.

Every function takes the account explicitly; the number of SQL queries does not grow with
the size of the network (drafts and capacity checks are computed from rows fetched once).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q

from goodloop.core import giver as rules
from goodloop.core.giver_reading import stranger_vouching
from goodloop.core.rules import score_band
from goodloop.errors import NotFound
from goodloop.giving import capacity
from goodloop.giving import closure as closure_service
from goodloop.helploop.models import Ask, Favor, Loop, Transition
from goodloop.network.models import Person

PATHS = (
    ("accept", "Accept", "Promise to do it, with a due date"),
    ("smaller", "Offer something smaller", "A five-minute favor instead"),
    ("redirect", "Redirect", "Point them to someone better placed"),
    ("decline", "Decline kindly", "A brief, kind no that leaves the door open"),
)
TRIAGE_LABELS = {"accept": "Accepted", "smaller": "Offered something smaller", "redirect": "Redirected",
                 "decline": "Declined kindly"}
REDIRECT_PLACEHOLDER = "[someone better placed]"


# --------------------------------------------------------------------------- requests


def _open_promise():
    return Loop.objects.filter(ask=OuterRef("pk"), kind="promise", status="open")


def requests(account, open_only: bool = False, request_id: int | None = None):
    """Requests made of me, open ones (not answered, or a promise still to keep) first, newest first."""
    qs = (Ask.objects.filter(account=account, direction=Ask.RECEIVED)
          .annotate(has_open_promise=Exists(_open_promise()))
          .annotate(is_open=ExpressionWrapper(Q(status="sent") | Q(has_open_promise=True), output_field=BooleanField()))
          .select_related("person__organization", "redirect_to")
          .prefetch_related("organizations",
                            Prefetch("loops", queryset=Loop.objects.filter(kind="promise").order_by("id"),
                                     to_attr="promise_loops")))
    if open_only:
        qs = qs.filter(Q(status="sent") | Q(has_open_promise=True))
    if request_id is not None:
        qs = qs.filter(id=request_id)
    return qs.order_by("-is_open", "-date", "-id")


def request_row(account, request_id: int) -> Ask:
    ask = requests(account, request_id=request_id).first()
    if ask is None:
        raise NotFound(f"no request with id {request_id} (a request is something someone asked of you)")
    return ask


def what(ask: Ask) -> str:
    """A short phrase for what they asked, from prefetched organizations."""
    return rules.request_topic(ask.text, ask.kind, [o.name for o in ask.organizations.all()])


def reading(ask: Ask) -> dict:
    """The coach's reading as stored on the request: score, findings, vague?, questions."""
    findings = list(ask.findings or [])
    codes = [f.get("code", "") for f in findings]
    vague = rules.is_vague(ask.score, codes)
    questions = rules.clarifying_questions(codes, ask.kind) if vague else []
    if vague and not questions:
        questions = rules.clarifying_questions({"no_concrete_action"}, ask.kind)
    score = ask.score or 0
    stranger = "trust_gate" in codes and stranger_vouching(ask.kind, ask.person.trust_stage, ask.text)
    return {"score": ask.score, "findings": findings, "vague": vague, "questions": questions,
            "band": score_band(score),
            "suggestion": rules.suggestion(vague, codes), "stranger": stranger,
            "clarify_draft": rules.clarify_draft(ask.person.display_name, questions) if vague else ""}


@dataclass
class Path:
    action: str
    label: str
    hint: str
    draft: str
    due: date | None = None
    warning: str = ""
    suggested: bool = False
    ask_id: int = 0

    @property
    def dom_id(self) -> str:
        return f"{self.ask_id}-{self.action}"


@dataclass
class Card:
    ask: Ask
    reading: dict
    paths: list[Path] = field(default_factory=list)
    promise: Loop | None = None  # the promise loop, once accepted (or smaller)

    @property
    def key(self) -> str:
        return str(self.ask.id)

    @property
    def triaged(self) -> bool:
        return bool(self.ask.triage)

    @property
    def status_label(self) -> str:
        if not self.ask.triage:
            return "Waiting for your answer"
        if self.promise is not None and self.promise.status == "done":
            return "Promise kept"
        return TRIAGE_LABELS.get(self.ask.triage, self.ask.triage)


def _where(person: Person | None) -> str:
    if person is None or not person.organization_id:
        return ""
    return f"{person.title} at {person.organization.name}" if person.title else person.organization.name


def path_draft(ask: Ask, action: str, read: dict, today: date, *, due: date | None = None, to: Person | None = None,
               note: str = "", phrase: str | None = None) -> tuple[str, date | None]:
    """The draft reply one triage path would send (the same rules triage uses), and the promise deadline
    (`phrase`: what(ask), when the caller has it already)."""
    name, questions = ask.person.display_name, read["questions"]
    phrase = what(ask) if phrase is None else phrase
    if action == "accept":
        deadline = due or today + timedelta(days=rules.ACCEPT_DUE_DAYS)
        return rules.accept_draft(name, phrase, deadline, today, questions), deadline
    if action == "smaller":
        deadline = due or today + timedelta(days=rules.SMALLER_DUE_DAYS)
        offer = rules.five_minute_favor(ask.kind)[1]
        return rules.smaller_draft(name, phrase, offer, deadline, today, questions, read.get("stranger", False)), deadline
    if action == "redirect":
        to_name = to.display_name if to is not None else REDIRECT_PLACEHOLDER
        return rules.redirect_draft(name, phrase, to_name, _where(to), note), None
    return rules.decline_draft(name, phrase, note, read.get("stranger", False)), None


def path_cost(ask: Ask, action: str, minutes: int | None = None) -> int:
    if minutes:
        return minutes
    if action == "smaller":
        return rules.FIVE_MINUTE_FAVOR
    return rules.favor_minutes(rules.ASK_TO_FAVOR.get(ask.kind, "other"))


class CapacityView:
    """The budget and the commitments of the weeks a page looks at, fetched once."""

    def __init__(self, account, start: date, end: date, budget: rules.Budget | None = None):
        self.budget = budget or capacity.budget(account)
        self.start, self.end = rules.week_start(start), rules.week_start(end) + timedelta(days=6)
        self.commitments = capacity.commitments(account, self.start, self.end)

    def check(self, deadline: date, today: date, minutes: int) -> rules.CapacityCheck:
        day = rules.chunk_due(deadline, today, self.budget.days)
        return rules.capacity_check(self.budget, self.commitments, day, minutes, adding=True)


def cards(account, asks, today: date, budget: rules.Budget | None = None) -> list[Card]:
    """A card per request: its reading, and for an untriaged one each path's draft and capacity warning
    (`budget`: the account's giving budget, when the caller has fetched it already)."""
    asks = list(asks)
    pending = [a for a in asks if not a.triage]
    cap = CapacityView(account, today, today + timedelta(days=rules.ACCEPT_DUE_DAYS), budget) if pending else None
    out = []
    for ask in asks:
        read = reading(ask)
        promises = getattr(ask, "promise_loops", None)
        if promises is None:
            promises = list(ask.loops.filter(kind="promise").order_by("id"))
        card = Card(ask, read, promise=promises[-1] if promises else None)
        if not ask.triage:
            phrase = what(ask)
            for action, label, hint in PATHS:
                draft, deadline = path_draft(ask, action, read, today, phrase=phrase)
                warning = ""
                if deadline is not None:
                    check = cap.check(deadline, today, path_cost(ask, action))
                    warning = check.message if check.exceeds else ""
                card.paths.append(Path(action, label, hint, draft, deadline, warning, ask_id=ask.id))
            accept = card.paths[0]
            suggested = read["suggestion"]
            if suggested == "accept" and accept.warning:
                suggested = "smaller"  # over the giving budget
            for path in card.paths:
                path.suggested = path.action == suggested
        out.append(card)
    return out


def preview(account, ask: Ask, action: str, today: date, *, due=None, to=None, note: str = "",
            minutes: int | None = None) -> Path:
    """One path's draft and capacity warning for the values typed into its form (htmx)."""
    read = reading(ask)
    label, hint = next((x[1], x[2]) for x in PATHS if x[0] == action)
    draft, deadline = path_draft(ask, action, read, today, due=due, to=to, note=note)
    warning = ""
    if deadline is not None:
        check = capacity.check(account, capacity.chunk(account, deadline, today), path_cost(ask, action, minutes),
                               adding=True)
        warning = check.message if check.exceeds else ""
    return Path(action, label, hint, draft, deadline, warning, ask_id=ask.id)


# --------------------------------------------------------------------------- capacity, promises


def week(account, today: date, budget: rules.Budget | None = None) -> dict:
    """This week's giving against the budget: the check, and each commitment with who it is for."""
    b = budget or capacity.budget(account)
    start = rules.week_start(today)
    end = start + timedelta(days=6)
    given = list(Favor.objects.filter(account=account, direction="given", date__range=(start, end))
                 .select_related("person").order_by("date", "id"))
    promises = list(Loop.objects.filter(account=account, kind="promise", status="open", due__range=(start, end))
                    .select_related("person", "ask").order_by("due", "id"))
    # The week's check from these rows (what capacity.check reads with two more queries of its own).
    given_minutes = [rules.favor_minutes(f.kind) for f in given]
    promise_minutes = [rules.promise_minutes(x.ask.minutes, x.ask.promise_kind) if x.ask_id
                       else rules.favor_minutes(None) for x in promises]
    check = rules.capacity_check(b, [rules.Commitment(f.date, m) for f, m in zip(given, given_minutes, strict=True)]
                                 + [rules.Commitment(x.due, m) for x, m in zip(promises, promise_minutes, strict=True)],
                                 today)
    items = [{"day": f.date, "person": f.person, "what": f"{f.get_kind_display().lower()} given",
              "cost": b.cost(m), "kind": "given"} for f, m in zip(given, given_minutes, strict=True)]
    items += [{"day": x.due, "person": x.person, "what": "promise due", "cost": b.cost(m), "kind": "promise"}
              for x, m in zip(promises, promise_minutes, strict=True)]
    items.sort(key=lambda i: (i["day"], i["kind"]))
    percent = min(100, round(100 * check.used / check.amount)) if check.amount else 100
    return {"budget": b, "check": check, "end": end, "items": items, "percent": percent,
            "over": check.used > check.amount, "over_by": max(0, check.used - check.amount), "days": [rules.WEEKDAYS[d] for d in b.days],
            "day_labels": [rules._DAY_NAMES[d] for d in b.days]}


def open_promises(account):
    return (Loop.objects.filter(account=account, kind="promise", status="open")
            .select_related("person", "ask").order_by("due", "id"))


def promise_loop(account, loop_id: int) -> Loop:
    loop = Loop.objects.filter(account=account, id=loop_id, kind="promise").select_related("person", "ask").first()
    if loop is None:
        raise NotFound(f"no promise with id {loop_id}")
    return loop


# --------------------------------------------------------------------------- transitions


def transitions(account):
    """People in transition I help, longest-searching first, with their current check-in."""
    return (Transition.objects.filter(account=account, landed_on__isnull=True)
            .select_related("person__organization", "current_loop").order_by("started_on", "id"))


def landed(account, limit: int = 10):
    return (Transition.objects.filter(account=account, landed_on__isnull=False)
            .select_related("person").order_by("-landed_on", "-id")[:limit])


def loop_for_draft(account, loop_id: int) -> Loop | None:
    return Loop.objects.filter(account=account, id=loop_id).select_related("person").first()


# --------------------------------------------------------------------------- one person


def person(account, person_id: int) -> Person:
    found = (Person.objects.filter(account=account, id=person_id, is_me=False)
             .select_related("organization").first())
    if found is None:
        raise NotFound(f"no person with id {person_id}")
    return found


def person_giving(account, who: Person, today: date) -> dict:
    """What I have given them, whether they thanked me and reported back, per request, as facts."""
    asks = list(Ask.objects.filter(account=account, direction=Ask.RECEIVED, person=who)
                .select_related("redirect_to").prefetch_related("organizations", "closures")
                .order_by("-date", "-id"))
    by_request = {c.request_id: c for c in closure_service.closures(account, [who.id])} if asks else {}
    rows = []
    for ask in asks:
        recorded = {c.kind: c for c in ask.closures.all()}
        rows.append({"ask": ask, "closure": by_request.get(ask.id), "recorded": recorded,
                     "what": what(ask), "triage_label": TRIAGE_LABELS.get(ask.triage or "", "Not answered yet")})
    favors = list(Favor.objects.filter(account=account, person=who, direction="given").order_by("-date", "-id"))
    given = closure_service.given_to(account, who)
    return {"rows": rows, "favors": favors, "given": given,
            "closure": rules.closure_counts(by_request.values()),
            "transition": Transition.objects.filter(account=account, person=who).order_by("-started_on", "-id").first()}


def closure_row(account, request_id: int) -> dict:
    """One request's row on the person's giving page (after recording thanks or a report)."""
    ask = (Ask.objects.filter(account=account, id=request_id, direction=Ask.RECEIVED)
           .select_related("person", "redirect_to").prefetch_related("organizations", "closures").first())
    if ask is None:
        raise NotFound(f"no request with id {request_id} (a request is something someone asked of you)")
    found = [c for c in closure_service.closures(account, [ask.person_id]) if c.request_id == ask.id]
    return {"ask": ask, "closure": found[0] if found else None, "recorded": {c.kind: c for c in ask.closures.all()},
            "what": what(ask), "triage_label": TRIAGE_LABELS.get(ask.triage or "", "Not answered yet")}

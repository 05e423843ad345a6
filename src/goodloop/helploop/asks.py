"""Asks: scored by the coach, guarded against over-asking and the trust gate, followed up by 3B7."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from goodloop import clock
from goodloop.core import coach as coach_rules
from goodloop.core import guard as guard_rules
from goodloop.core import ledger as ledger_rules
from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop.models import Ask, Favor
from goodloop.network import interactions, organizations
from goodloop.network.deletion import delete_owned
from goodloop.network.models import Interaction, Organization, Role
from goodloop.search.models import Brief, Target

MAX_ASK_CHARS = 5000


@dataclass
class AskResult:
    ask: Ask | None
    coach: coach_rules.CoachResult
    guard: guard_rules.GuardResult | None
    new_organizations: tuple[str, ...] = ()  # organizations the ask named that did not exist yet

    def as_dict(self) -> dict:
        """`coach --json`; `ask --json` adds the id, status and person."""
        data = self.coach.as_dict()
        if self.guard is not None and self.guard.fired:
            data["guard"] = {"warnings": list(self.guard.reasons), "suggestion": self.guard.suggestion}
        if self.ask is not None:
            data.update(id=self.ask.id, status=self.ask.status, kind=self.ask.kind,
                        person={"id": self.ask.person_id, "name": self.ask.person.display_name})
        return data


def guard_for(account, person, today: date) -> guard_rules.GuardResult:
    """The over-asking guard for a new ask to `person` (P4)."""
    asks = [ledger_rules.AskRecord(a.date, a.kind, a.status, a.direction)
            for a in Ask.objects.filter(account=account, person=person, direction="made")]
    favors = [ledger_rules.FavorRecord(f.date, f.direction, f.kind)
              for f in Favor.objects.filter(account=account, person=person)]
    return guard_rules.check_over_asking(asks, favors, today, name=person.display_name, needs=person.needs or [])


def context_for(account, person=None, kind: str | None = None, today: date | None = None,
                guard: guard_rules.GuardResult | None = None) -> coach_rules.CoachContext:
    """What the coach knows from the store: targets, organizations, the brief, the person."""
    today = today or clock.today(account)
    targets = tuple(Target.objects.filter(account=account).exclude(status="closed").order_by("priority", "id")
                    .values_list("organization__name", flat=True))
    known = tuple(Organization.objects.filter(account=account).values_list("name", flat=True)[:5000])
    brief = Brief.objects.filter(account=account).first()
    person_ctx = None
    if person is not None:
        past = tuple(Role.objects.filter(account=account, person=person, current=False)
                     .values_list("organization__name", flat=True))
        first_contact = not Interaction.objects.filter(account=account, interactionperson__person=person).exists()
        person_ctx = coach_rules.PersonContext(
            name=person.display_name,
            organization=person.organization.name if person.organization_id else None,
            past_organizations=past, trust_stage=person.trust_stage, first_contact=first_contact)
    return coach_rules.CoachContext(
        target_organizations=targets, known_organizations=known,
        people_categories=tuple(brief.people_categories if brief else ()), person=person_ctx,
        guard_warnings=tuple(guard.reasons) if guard else (), ask_kind=kind)


def _check(text: str, kind: str | None):
    if not (text or "").strip():
        raise ServiceError("an ask needs some text", field="text")
    if len(text) > MAX_ASK_CHARS:
        raise ServiceError(f"an ask is at most {MAX_ASK_CHARS} characters", field="text")
    if kind is not None and kind not in rules.ASK_KINDS:
        raise ServiceError(f"ask kind must be one of: {', '.join(rules.ASK_KINDS)} (got {kind!r})", field="kind")


def coach(account, text: str, person=None, kind: str | None = None, today: date | None = None) -> AskResult:
    """Score an ask without saving anything."""
    _check(text, kind)
    today = today or clock.today(account)
    guard = guard_for(account, person, today) if person is not None else None
    result = coach_rules.coach(text, context_for(account, person, kind or coach_rules.detect_ask_kind(text),
                                                 today, guard))
    return AskResult(None, result, guard)


@transaction.atomic
def make(account, person, text: str, kind: str | None = None, org_names=(), status: str = "sent",
         when: date | None = None) -> AskResult:
    """Save an ask with its coach score and findings; a sent ask is a touch and starts 3B7."""
    _check(text, kind)
    if person.is_me:
        raise ServiceError("an ask goes to someone else", field="person")
    if status not in rules.ASK_STATUSES:
        raise ServiceError(f"status must be one of: {', '.join(rules.ASK_STATUSES)}", field="status")
    when = when or clock.today(account)
    kind = kind or coach_rules.detect_ask_kind(text)
    result = coach(account, text, person, kind, when)
    ask = Ask.objects.create(account=account, person=person, direction="made", text=text.strip(), kind=kind,
                             score=result.coach.score, findings=[f.as_dict() for f in result.coach.findings],
                             status=status, date=when, sent_on=when if status == "sent" else None)
    orgs = [organizations.resolve(account, n, create=True) for n in org_names if n.strip()]
    if not orgs:
        named = {o.lower() for o in result.coach.organizations}
        orgs = [o for o in Organization.objects.filter(account=account) if o.name.lower() in named][:5]
    ask.organizations.set(orgs)
    result.new_organizations = tuple(o.name for o in orgs if organizations.created_note(o))
    if status == "sent":
        interactions.touch(account, [person.id], when)
    result.ask = ask
    return result


def get(account, ask_id: int) -> Ask:
    ask = Ask.objects.filter(account=account, id=ask_id).select_related("person").first()
    if ask is None:
        raise NotFound(f"no ask with id {ask_id}")
    return ask


def get_mine(account, ask_id: int) -> Ask:
    """One of my own asks (direction "made"); a request made of me is not found here."""
    ask = Ask.objects.filter(account=account, id=ask_id, direction="made").select_related("person").first()
    if ask is None:
        raise NotFound(f"no ask of yours with id {ask_id} (requests made of you are under `goodloop requests`)")
    return ask


def mine(account, open_only: bool = False, person_id: int | None = None):
    """My asks, newest first (requests made of me live on the giving side)."""
    qs = Ask.objects.filter(account=account, direction="made").select_related("person")
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    if open_only:
        qs = qs.filter(status__in=rules.ASK_OPEN_STATUSES)
    return qs.order_by("-date", "-id")


def label(ask: Ask, with_person: bool = True) -> str:
    """An ask as a person recognises it: who, the start of its text, and the day ("not a number")."""
    words = ask.text.split()
    text = " ".join(words[:16]) + ("…" if len(words) > 16 else "")
    who = f"{ask.person.display_name}: " if with_person else ""
    return f"{who}“{text}” ({ask.date:%b} {ask.date.day}, {ask.date.year})"


def open_ask_of(account, person_id: int, on: date) -> Ask | None:
    """The person's latest open ask sent on or before `on`: the one their help answers."""
    return (Ask.objects.filter(account=account, person_id=person_id, direction="made",
                               status__in=rules.ASK_OPEN_STATUSES, sent_on__lte=on)
            .order_by("-sent_on", "-id").first())


def close(ask: Ask, status: str, when: date, reason: str) -> Ask:
    """Stop waiting on an ask: its status, the day, and why (shown wherever the ask is)."""
    ask.status, ask.closed_on, ask.closed_reason = status, when, reason[:300]
    if status == "answered" and ask.answered_on is None:
        ask.answered_on = when
    ask.save(update_fields=["status", "closed_on", "closed_reason", "answered_on", "updated"])
    return ask


@transaction.atomic
def set_status(account, ask_id: int, status: str, when: date | None = None) -> Ask:
    """Change an ask's status by hand; a closing status records the day and that I said so."""
    if status not in rules.ASK_STATUSES:
        raise ServiceError(f"status must be one of: {', '.join(rules.ASK_STATUSES)}", field="status")
    ask = get_mine(account, ask_id)
    when = when or clock.today(account)
    if status in rules.ASK_CLOSING_STATUSES or status in ("declined", "done"):
        if when < ask.date:
            raise ServiceError(f"ask #{ask.id} was made on {ask.date.isoformat()}; it cannot close before that",
                               field="date")
        return close(ask, status, when, f"marked {status.replace('_', ' ')}")
    ask.status = status
    ask.closed_on, ask.closed_reason = None, ""
    if status == "sent" and ask.sent_on is None:
        ask.sent_on = when
        interactions.touch(account, [ask.person_id], when)
    ask.save()
    return ask


@transaction.atomic
def record_follow_up(account, ask_id: int, action: str, when: date | None = None) -> Ask:
    """Record a 3B7 step: the one nudge, a second contact, or closing the ask as no_reply."""
    ask = get_mine(account, ask_id)
    when = when or clock.today(account)
    if action == "nudge":
        if ask.status not in rules.ASK_OPEN_STATUSES:
            raise ServiceError(f"ask #{ask.id} is {ask.status}: there is nothing to nudge about")
        if ask.nudges >= rules.MAX_NUDGES:
            raise ServiceError("you already nudged once; a second nudge makes you a pest (P4)")
        ask.nudges += 1
        ask.last_nudge = when
        interactions.touch(account, [ask.person_id], when)
    elif action == "second_contact":
        ask.second_contact_done = True
    elif action == "mark_no_reply":
        return close(ask, "no_reply", when, "no reply after the nudge")
    else:
        raise ServiceError("follow-up must be nudge, second_contact or mark_no_reply", field="action")
    ask.save()
    return ask


def as_dict(ask: Ask) -> dict:
    """One ask for the API and `asks --json`: what was asked of whom, and what became of it."""
    return {"id": ask.id, "direction": ask.direction,
            "person": {"id": ask.person_id, "name": ask.person.display_name}, "text": ask.text,
            "kind": ask.kind, "status": ask.status, "score": ask.score, "date": ask.date.isoformat(),
            "nudges": ask.nudges, "last_nudge": ask.last_nudge.isoformat() if ask.last_nudge else None,
            "closed_on": ask.closed_on.isoformat() if ask.closed_on else None,
            "closed_reason": ask.closed_reason or None, "findings": ask.findings}


@transaction.atomic
def delete_ask(account, ask_id: int) -> None:
    """Delete an ask and the loops it opened (favors that answered it stay, unlinked)."""
    delete_owned(Ask, account, ask_id, "ask")

"""Requests made of me (asks with direction "received"): record, read, triage, keep promises.

A request is read by the same coach as my own asks (how specific is it?), re-worded for
the person being asked; a vague one gets a draft with the questions that make it
actionable. Triage answers it: accept (a promise loop with a due date), something smaller
(a five-minute favor, also a promise), redirect to someone better placed, or decline
kindly. Keeping a promise records the favor given, so the ledger moves.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from goodloop import clock
from goodloop.core import coach as coach_rules
from goodloop.core import giver as rules
from goodloop.core import giver_reading as giving
from goodloop.core import rules as core_rules
from goodloop.errors import ServiceError
from goodloop.giving import capacity, closure, transition
from goodloop.giving.pasted import parse_message
from goodloop.giving.queries import get
from goodloop.helploop import favors
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import interactions
from goodloop.network import people as people_service
from goodloop.network.models import ContactPoint, Organization, Person

MAX_REQUEST_CHARS = 5000


@dataclass
class RequestResult:
    ask: Ask
    reading: dict
    draft: str
    capacity: rules.CapacityCheck | None = None

    def as_dict(self) -> dict:
        """`request --json`: {id, person, score, findings[], draft} plus the reading's details."""
        a = self.ask
        data = {"id": a.id, "person": {"id": a.person_id, "name": a.person.display_name}, "score": a.score,
                "findings": self.reading["findings"], "draft": self.draft, "kind": a.kind, "text": a.text,
                "date": a.date.isoformat(), "vague": self.reading["vague"],
                "questions": self.reading["questions"], "suggestion": self.reading["suggestion"]}
        if self.capacity is not None:
            data["capacity"] = self.capacity.as_dict()
        return data


@dataclass
class TriageResult:
    ask: Ask
    draft: str
    loops_opened: list[Loop] = field(default_factory=list)
    capacity: rules.CapacityCheck | None = None

    @property
    def warning(self) -> str | None:
        return self.capacity.message if self.capacity is not None and self.capacity.exceeds else None

    def as_dict(self) -> dict:
        """`triage --json`: {id, status, draft, loops_opened[]} plus the triage and any warning."""
        return {"id": self.ask.id, "status": self.ask.status, "triage": self.ask.triage, "draft": self.draft,
                "loops_opened": [{"id": x.id, "kind": x.kind, "due": x.due.isoformat()} for x in self.loops_opened],
                "promise_due": self.ask.promise_due.isoformat() if self.ask.promise_due else None,
                "warning": self.warning,
                "capacity": self.capacity.as_dict() if self.capacity is not None else None}


# --------------------------------------------------------------------------- reading


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError("a request needs some text: what did they ask?", field="text")
    if len(text) > MAX_REQUEST_CHARS:
        raise ServiceError(f"a request is at most {MAX_REQUEST_CHARS} characters", field="text")
    return text


def read(account, person, text: str, kind: str | None = None, when: date | None = None,
         exclude_id: int | None = None) -> dict:
    """The coach's reading of a request made of me: score, findings (worded for the giver,
    plus who is asking: vouching with no history or below rapport, repeated requests, no word
    back last time), whether it is too vague to act on, the questions that would fix that, and
    the suggested answer (clarify, accept, smaller or decline)."""
    when = when or clock.today(account)
    kind = kind or coach_rules.detect_ask_kind(text)
    known = tuple(Organization.objects.filter(account=account).values_list("name", flat=True)[:5000])
    result = coach_rules.coach(text, coach_rules.CoachContext(known_organizations=known, ask_kind=kind),
                               rewrite=False)
    codes = [f.code for f in result.findings if f.code != "trust_gate"]  # the giver's gate is below
    findings = rules.giver_findings(f.as_dict() for f in result.findings if f.code != "trust_gate")
    recent = (Ask.objects.filter(account=account, person=person, direction="received",
                                 date__gte=when - timedelta(days=core_rules.REQUEST_REPEAT_WINDOW_DAYS), date__lte=when)
              .exclude(id=exclude_id).count())
    waiting = [c for c in closure.for_person(account, person) if c.request_id != exclude_id
               and (c.waiting_days(when) or 0) >= rules.NO_WORD_BACK_DAYS and not c.thanked and not c.reported]
    asker = giving.Asker(person.display_name, person.trust_stage, recent, core_rules.REQUEST_REPEAT_WINDOW_DAYS,
                         max(c.helped_on for c in waiting) if waiting else None)
    shown = kind if kind != "introduction" or coach_rules.explicit_ask_kind(text) else "other"
    about = giving.asker_findings(shown, asker, giving.says_stranger(text))  # a guessed kind is no vouching
    findings += about
    codes += [f["code"] for f in about]
    vague = rules.is_vague(result.score, codes)
    questions = rules.clarifying_questions(codes, kind) if vague else []
    if vague and not questions:
        questions = rules.clarifying_questions({"no_concrete_action"}, kind)
    return {"score": result.score, "findings": findings, "codes": codes, "kind": kind, "vague": vague,
            "questions": questions, "organizations": list(result.organizations),
            "categories": list(result.categories), "suggestion": rules.suggestion(vague, codes)}


def _what(ask: Ask) -> str:
    return rules.request_topic(ask.text, ask.kind, [o.name for o in ask.organizations.all()])


# --------------------------------------------------------------------------- record


@transaction.atomic
def record(account, person, text: str, when: date | None = None, kind: str | None = None) -> RequestResult:
    """Record a request `person` made of me, with the coach's reading and a draft reply."""
    text = _check_text(text)
    if person.is_me:
        raise ServiceError("a request comes from someone else", field="person")
    if kind is not None and kind not in rules.ASK_TO_FAVOR:
        raise ServiceError(f"request kind must be one of: {', '.join(rules.ASK_TO_FAVOR)}", field="kind")
    when = when or clock.today(account)
    reading = read(account, person, text, kind, when)
    ask = Ask.objects.create(account=account, person=person, direction=Ask.RECEIVED, text=text,
                             kind=reading["kind"], score=reading["score"], findings=reading["findings"],
                             status="sent", date=when, sent_on=when)
    named = {o.lower() for o in reading["organizations"]}
    if named:
        ask.organizations.set([o for o in Organization.objects.filter(account=account) if o.name.lower() in named][:5])
    what = _what(ask)
    check = None
    stranger = giving.stranger_vouching(ask.kind, person.trust_stage, text)
    draft = rules.suggested_draft(reading["suggestion"], person.display_name, what, ask.kind, reading["questions"],
                                  stranger)
    if draft is None:
        deadline = when + timedelta(days=rules.ACCEPT_DUE_DAYS)
        check = capacity.check(account, capacity.chunk(account, deadline, when),
                               rules.favor_minutes(rules.ASK_TO_FAVOR[ask.kind]), adding=True)
        if check.exceeds:
            reading["suggestion"] = "smaller"
            draft = rules.smaller_draft(person.display_name, what, rules.five_minute_favor(ask.kind)[1])
        else:
            draft = rules.accept_draft(person.display_name, what, deadline, when)
    ask.reply_draft = draft
    ask.save(update_fields=["reply_draft"])
    interactions.touch(account, [person.id], when)
    return RequestResult(ask, reading, draft, check)


@transaction.atomic
def record_pasted(account, message: str, person=None, when: date | None = None) -> RequestResult:
    """Record a request from a pasted email or message: who (From: header, LinkedIn's "X sent
    the following message", the signature) and what (the body, greeting and signature
    dropped). A sender not yet in the network is added; `person` overrides the guess."""
    msg = parse_message(_check_text(message))
    if person is None:
        person = _find_sender(account, msg.name, msg.email)
    return record(account, person, msg.body or message, when or msg.sent)


def _find_sender(account, name: str, email: str) -> Person:
    if email:
        found = people_service.find_by_key(account, ContactPoint.EMAIL, email)
        if found is not None:
            return found
    if name:
        matches = list(Person.objects.filter(account=account, is_me=False, display_name__iexact=name)[:2])
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1 and not email:
            raise ServiceError(f"{name!r} matches several people: say who sent it", field="person")
    if not (name or email):
        raise ServiceError("couldn't tell who sent this message: say who it is from", field="person")
    return people_service.add_person(account, name or email.split("@")[0], email=email)


# --------------------------------------------------------------------------- triage


@transaction.atomic
def triage(account, request_id: int, action: str, *, due: date | None = None, to=None, note: str = "",
           when: date | None = None, minutes: int | None = None) -> TriageResult:
    """Answer a request: accept (promise due `due`, default a week), smaller (a five-minute
    favor, default 3 days), redirect (`to`: someone better placed) or decline kindly. A
    promise over the weekly budget is allowed, with the warning in the result."""
    if action not in rules.TRIAGES:
        raise ServiceError(f"triage must be one of: {', '.join(rules.TRIAGES)} (got {action!r})", field="action")
    ask = get(account, request_id)
    if ask.triage:
        raise ServiceError(f"request {ask.id} is already triaged ({ask.triage})")
    when = when or clock.today(account)
    if due is not None and action not in rules.PROMISE_TRIAGES:
        raise ServiceError("--due is for a promise: accept or smaller", field="due")
    if due is not None and due < when:
        raise ServiceError(f"a promise can't be due before today ({when.isoformat()})", field="due")
    if minutes is not None and not (0 < minutes <= 24 * 60):
        raise ServiceError("minutes is a number from 1 to 1440", field="minutes")
    if action == "redirect":
        if to is None:
            raise ServiceError("redirect to whom? name someone better placed (--to REF)", field="to")
        if to.id == ask.person_id or to.is_me:
            raise ServiceError("redirect to someone other than the requester and you", field="to")
    elif to is not None:
        raise ServiceError("--to is for a redirect", field="to")
    name, what = ask.person.display_name, _what(ask)
    codes = [f["code"] for f in ask.findings or []]
    stranger = "trust_gate" in codes and giving.stranger_vouching(ask.kind, ask.person.trust_stage, ask.text)
    questions = rules.clarifying_questions(codes, ask.kind) if rules.is_vague(ask.score, codes) else []
    ask.triage, ask.triage_note, ask.triaged_on = action, note or None, when
    ask.status, ask.answered_on = rules.TRIAGE_STATUS[action], when
    opened, check = [], None
    if action in rules.PROMISE_TRIAGES:
        if action == "accept":
            favor_kind, offer = rules.ASK_TO_FAVOR[ask.kind], what
            deadline = due or when + timedelta(days=rules.ACCEPT_DUE_DAYS)
            cost = minutes or rules.favor_minutes(favor_kind)
        else:
            favor_kind, offer = rules.five_minute_favor(ask.kind)
            deadline = due or when + timedelta(days=rules.SMALLER_DUE_DAYS)
            cost = minutes or rules.FIVE_MINUTE_FAVOR
        loop_due = capacity.chunk(account, deadline, when)
        check = capacity.check(account, loop_due, cost, adding=True)
        ask.promise_due, ask.promise_kind, ask.minutes = deadline, favor_kind, cost
        draft = rules.triage_draft(action, name, what, due=deadline, today=when, offer=offer, questions=questions,
                                   stranger=stranger)
        reason = f"You promised {name} {offer} by {deadline.isoformat()} (request #{ask.id})."
        opened.append(loop_service.open_loop(account, ask.person, "promise", loop_due, reason, when, ask=ask,
                                             draft=rules.promise_draft(name, offer)))
    elif action == "redirect":
        ask.redirect_to = to
        where = f"{to.title} at {to.organization.name}" if to.organization_id and to.title else (
            to.organization.name if to.organization_id else "")
        draft = rules.redirect_draft(name, what, to.display_name, where, note)
    else:
        draft = rules.decline_draft(name, what, note, stranger)
    ask.reply_draft = draft
    ask.save()
    interactions.touch(account, [ask.person_id], when)
    return TriageResult(ask, draft, opened, check)


# --------------------------------------------------------------------------- promises


def on_loop_closed(account, loop: Loop, when: date | None = None) -> Favor | None:
    """Call after a loop closes (idempotent). A promise kept records the favor given (the ledger
    moves) and the request is done; a kept transition check-in schedules next month's."""
    when = when or loop.closed_on or clock.today(account)
    if loop.kind == "check_in":
        transition.after_check_in(account, loop, when)
        return None
    if loop.kind != "promise" or loop.status != "done" or loop.ask_id is None:
        return None
    ask = Ask.objects.filter(account=account, id=loop.ask_id).first()
    if ask is None or Favor.objects.filter(account=account, ask=ask, direction="given").exists():
        return None
    kind = ask.promise_kind or rules.ASK_TO_FAVOR.get(ask.kind, "other")
    note = loop.note or f"Kept my promise: {_what(ask)}"
    favor = favors.record(account, loop.person, "given", kind, note, when, ask_id=ask.id).favor
    ask.status = "done"
    ask.save(update_fields=["status"])
    return favor


@transaction.atomic
def keep_promise(account, loop_id: int, when: date | None = None, note: str = "", skip: bool = False) -> Loop:
    """Close a promise loop: done records the favor given; skip (with a note) just closes it."""
    loop = loop_service.get(account, loop_id)
    if loop.kind != "promise":
        raise ServiceError(f"loop {loop_id} is a {loop.kind} loop, not a promise")
    # Closing emits LoopClosed; the giving handler records the favor (once).
    return loop_service.close(account, loop_id, when, note, skip=skip)

"""Favors given and received. A favor received opens the thank loop and, where the rules
say, the report loop (P2: close the loop)."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from goodloop import clock, events
from goodloop.core import loops as loop_rules
from goodloop.core import rules
from goodloop.core.draft_facts import Help
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import interactions
from goodloop.network.deletion import delete_owned
from goodloop.search.models import Introduction, Lead


@dataclass
class FavorResult:
    favor: Favor
    loops_opened: list[Loop]

    def as_dict(self) -> dict:
        """The `got/gave --json` shape: the favor and the loops it opened."""
        return {**as_dict(self.favor),
                "loops_opened": [{"id": x.id, "kind": x.kind, "due": x.due.isoformat()} for x in self.loops_opened]}


def as_dict(f: Favor) -> dict:
    """A favor as the API, `favors --json` and `got/gave --json` show it."""
    return {"id": f.id, "direction": f.direction, "kind": f.kind,
            "person": {"id": f.person_id, "name": f.person.display_name},
            "date": f.date.isoformat(), "note": f.note}


def _linked(account, model, obj_id, label):
    if obj_id is None:
        return None
    obj = model.objects.filter(account=account, id=obj_id).first()
    if obj is None:
        raise NotFound(f"no {label} with id {obj_id}", field=label)
    return obj


@transaction.atomic
def record(account, person, direction: str, kind: str, note: str = "", when: date | None = None,
           ask_id: int | None = None, lead_id: int | None = None, introduction_id: int | None = None) -> FavorResult:
    """Record a favor given or received, open the loops it calls for, and touch the person."""
    if direction not in rules.FAVOR_DIRECTIONS:
        raise ServiceError("direction must be received or given", field="direction")
    if kind not in rules.FAVOR_KINDS:
        raise ServiceError(f"favor kind must be one of: {', '.join(rules.FAVOR_KINDS)} (got {kind!r})", field="kind")
    if person.is_me:
        raise ServiceError("a favor is between you and someone else", field="person")
    when = when or clock.today(account)
    ask = _linked(account, Ask, ask_id, "ask")
    _check_answers(ask, person, direction)
    lead = _linked(account, Lead, lead_id, "lead")
    intro = _linked(account, Introduction, introduction_id, "introduction")
    favor = Favor.objects.create(account=account, person=person, direction=direction, kind=kind, date=when,
                                 note=note or "", ask=ask, lead=lead, introduction=intro)
    opened = []
    for spec in loop_rules.loops_for_favor(direction, kind, when, person_name=person.display_name,
                                           linked_lead=lead is not None, linked_introduction=intro is not None):
        due = spec.due
        if spec.kind == "report":
            changed = _stage_changed_after(lead, intro, when)
            due = loop_rules.report_due(when, changed, kind=kind, linked=lead is not None or intro is not None)
        opened.append(loop_service.open_loop(
            account, person, spec.kind, due, spec.reason, when, favor=favor, lead=lead, introduction=intro))
    if lead is not None and not lead.contributors.filter(id=person.id).exists():
        lead.contributors.add(person)
    interactions.touch(account, [person.id], when)
    events.emit(events.FavorRecorded(favor, when))  # trust follows the evidence; an ask it answers closes
    return FavorResult(favor, opened)


def _check_answers(ask, person, direction: str) -> None:
    """Help received answers one of my asks, made to the person who helped; help given answers
    a request that person made of me (a kept promise)."""
    if ask is None:
        return
    if direction == "received" and ask.direction != "made":
        raise ServiceError(f"ask #{ask.id} is a request {ask.person.display_name} made of you, not your ask; "
                           "record help you gave with `gave`", field="ask")
    if direction == "given" and ask.direction != "received":
        raise ServiceError(f"ask #{ask.id} is your ask of {ask.person.display_name}; help you gave answers "
                           "a request made of you", field="ask")
    if ask.person_id != person.id:
        raise ServiceError(f"ask #{ask.id} went to {ask.person.display_name}, not {person.display_name}"
                           if ask.direction == "made" else
                           f"ask #{ask.id} is {ask.person.display_name}'s request, not {person.display_name}'s",
                           field="ask")


def _stage_changed_after(lead, intro, when):
    dates = [d for d in ((lead.stage_changed_on if lead else None), (intro.status_changed_on if intro else None))
             if d and d > when]
    return max(dates) if dates else None


@transaction.atomic
def edit_note(account, favor_id: int, note: str) -> Favor:
    """Change what a favor's note says (the favor itself, its kind and date, stay as recorded)."""
    favor = Favor.objects.select_for_update().filter(account=account, id=favor_id).first()
    if favor is None:
        raise NotFound(f"no favor with id {favor_id}")
    favor.note = note
    favor.save(update_fields=["note"])
    return favor


def help_facts(favor: Favor, lead: Lead | None = None) -> Help:
    """What they did, as the facts a draft is written from: the kind of help, the person they
    introduced me to and where, the role it was about (never the free-text note)."""
    intro, lead = favor.introduction, lead or favor.lead
    whom = intro.introduced.display_name if intro is not None and not intro.introduced.is_me else ""
    org = (lead.organization.name if lead is not None else
           intro.introduced.organization.name if intro is not None and intro.introduced.organization_id else "")
    return Help(favor.kind, whom=whom, organization=org, role=lead.title if lead is not None else "")


def for_person(account, person):
    return Favor.objects.filter(account=account, person=person).order_by("-date", "-id")

@transaction.atomic
def delete_favor(account, favor_id: int) -> None:
    """Delete a favor and the thank/report loops it opened."""
    delete_owned(Favor, account, favor_id, "favor")

"""People in transition I help: while a contact is job-seeking, a monthly check-in asking what
they need now; when they land, the check-ins end and a congratulations draft is offered."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from goodloop import clock
from goodloop.core import giver as rules
from goodloop.errors import ServiceError
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Loop, Transition
from goodloop.network import people as people_service


@dataclass
class TransitionResult:
    transition: Transition
    loop: Loop | None  # the open check-in (seeking) or the congratulations (landed)
    draft: str
    created: bool = True
    retired_needs: list[str] = field(default_factory=list)  # what they were looking for, now landed

    def as_dict(self) -> dict:
        t = self.transition
        return {"id": t.id, "person": {"id": t.person_id, "name": t.person.display_name},
                "seeking": t.landed_on is None, "started_on": t.started_on.isoformat(),
                "landed_on": t.landed_on.isoformat() if t.landed_on else None, "landed_note": t.landed_note,
                "loop": ({"id": self.loop.id, "kind": self.loop.kind, "due": self.loop.due.isoformat()}
                         if self.loop else None),
                "draft": self.draft, "created": self.created, "retired_needs": list(self.retired_needs)}


def current(account, person) -> Transition | None:
    return (Transition.objects.filter(account=account, person=person, landed_on__isnull=True)
            .select_related("person", "current_loop").first())


def _check_in(account, t: Transition, due: date, opened_on: date) -> Loop:
    person = t.person
    months = rules.months_between(t.started_on, due)
    draft = rules.transition_check_in_draft(person.display_name, months, (person.needs or [""])[0])
    reason = (f"{person.display_name} is looking for work (since {t.started_on.isoformat()}): monthly check-in - "
              "ask what they need now.")
    loop = loop_service.open_loop(account, person, "check_in", due, reason, opened_on, draft=draft)
    t.current_loop = loop
    t.save(update_fields=["current_loop"])
    return loop


@transaction.atomic
def mark_seeking(account, person, when: date | None = None) -> TransitionResult:
    """Mark `person` as job-seeking; the first check-in is due at once, then monthly."""
    if person.is_me:
        raise ServiceError("mark a contact, not yourself", field="person")
    when = when or clock.today(account)
    t = current(account, person)
    if t is not None:
        loop = t.current_loop if t.current_loop and t.current_loop.status == "open" else None
        if loop is None:
            loop = _check_in(account, t, when, when)
        return TransitionResult(t, loop, loop.draft, created=False)
    t = Transition.objects.create(account=account, person=person, started_on=when)
    if not person.job_seeking:
        person.job_seeking = True
        person.save(update_fields=["job_seeking", "updated"])
    loop = _check_in(account, t, when, when)
    return TransitionResult(t, loop, loop.draft)


@transaction.atomic
def landed(account, person, when: date | None = None, note: str = "", organization: str = "",
           role: str = "") -> TransitionResult:
    """They landed: the monthly check-ins end, and a congratulations loop (due today) carries the draft."""
    when = when or clock.today(account)
    t = current(account, person)
    if t is None and not person.job_seeking:
        raise ServiceError(f"{person.display_name} isn't marked as job-seeking")
    if t is None:  # marked job-seeking elsewhere (person edit) with no check-ins yet
        t = Transition.objects.create(account=account, person=person, started_on=when)
    t.landed_on = when
    t.landed_note = (note or ", ".join(x for x in (role, organization) if x))[:300]
    if t.current_loop_id:
        Loop.objects.filter(account=account, id=t.current_loop_id, status="open").update(
            status="skipped", closed_on=when, note="They landed.")
    t.current_loop = None
    t.save(update_fields=["landed_on", "landed_note", "current_loop"])
    if organization.strip():  # where they work now: the old role becomes history
        people_service.set_current_role(account, person, organization.strip(), role.strip(), start=when)
    # What they needed while looking is no longer theirs to need: no more gives from it.
    retired = list(person.needs or [])
    Loop.objects.filter(account=account, person=person, kind="give", status="open").update(
        status="skipped", closed_on=when, note="They landed.")
    person.refresh_from_db()
    person.job_seeking, person.needs = False, []
    person.save(update_fields=["job_seeking", "needs", "updated"])
    draft = rules.congratulations_draft(person.display_name, organization, role)
    loop = loop_service.open_loop(account, person, "check_in", when,
                                  f"{person.display_name} landed{' at ' + organization if organization else ''}: "
                                  "send congratulations.", when, draft=draft)
    return TransitionResult(t, loop, draft, retired_needs=retired)


@transaction.atomic
def follow_job_seeking(account, person, seeking: bool, when: date | None = None) -> TransitionResult | None:
    """`person edit --job-seeking` / `--not-job-seeking`: start the monthly check-ins, or end
    them (they stopped looking, without landing: no congratulations). None when nothing changes."""
    if person.is_me:  # my own flag: the check-ins are for the people I help
        return None
    when = when or clock.today(account)
    if seeking:
        return mark_seeking(account, person, when)
    t = current(account, person)
    if t is None:
        return None
    if t.current_loop_id:
        Loop.objects.filter(account=account, id=t.current_loop_id, status="open").update(
            status="skipped", closed_on=when, note="No longer looking.")
    t.landed_on, t.landed_note, t.current_loop = when, "stopped looking", None
    t.save(update_fields=["landed_on", "landed_note", "current_loop"])
    return TransitionResult(t, None, "", created=False)


def after_check_in(account, loop: Loop, when: date) -> Loop | None:
    """A transition check-in was closed: while they are still looking, open next month's."""
    t = (Transition.objects.filter(account=account, current_loop=loop, landed_on__isnull=True)
         .select_related("person").first())
    if t is None or not t.person.job_seeking:
        return None
    return _check_in(account, t, rules.next_check_in(when), when)


def active(account):
    """People in transition I am helping, longest-searching first."""
    return (Transition.objects.filter(account=account, landed_on__isnull=True)
            .select_related("person", "current_loop").order_by("started_on", "id"))

"""Loops: what I owe people. Opened by the rules, closed (done) or skipped with a note."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Case, Q, When

from goodloop import clock, events
from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop.models import Loop
from goodloop.network import interactions


def open_loop(account, person, kind: str, due: date, reason: str, opened_on: date, draft: str = "",
              **links) -> Loop:
    """Open a loop of `kind` owed to `person` (links: favor, ask, lead, introduction)."""
    if kind not in rules.LOOP_KINDS:
        raise ServiceError(f"loop kind must be one of: {', '.join(rules.LOOP_KINDS)}", field="kind")
    return Loop.objects.create(account=account, person=person, kind=kind, due=due, reason=reason[:500],
                               opened_on=opened_on, draft=draft, **links)


def list_loops(account, open_only: bool = False, person=None):
    qs = Loop.objects.filter(account=account).select_related("person")
    if open_only:
        qs = qs.filter(status="open")
    if person is not None:
        qs = qs.filter(person=person)
    # What is still owed first, soonest due first; then the closed and skipped ones.
    return qs.order_by(Case(When(status="open", then=0), default=1), "due", "id")


def get(account, loop_id: int) -> Loop:
    loop = Loop.objects.filter(account=account, id=loop_id).select_related("person").first()
    if loop is None:
        raise NotFound(f"no loop with id {loop_id}")
    return loop


@transaction.atomic
def close(account, loop_id: int, when: date | None = None, note: str = "", skip: bool = False) -> Loop:
    """Mark a loop done (or skipped) with an optional note. Closing a thank or report loop is
    itself a touch, so it resets the keep-in-touch clock."""
    loop = get(account, loop_id)
    if loop.status != "open":
        raise ServiceError(f"loop {loop_id} is already {loop.status}")
    when = when or clock.today(account)
    loop.status = "skipped" if skip else "done"
    loop.closed_on = when
    loop.note = note or ""
    loop.save(update_fields=["status", "closed_on", "note"])
    if not skip:
        interactions.touch(account, [loop.person_id], when)
    # The giving side records a kept promise as a favor given and schedules check-ins.
    events.emit(events.LoopClosed(loop, when, loop.status))
    return loop


def reschedule_reports(account, changed_on: date, *, lead=None, introduction=None) -> int:
    """A linked lead or introduction moved: its open report loops fall due 3 days later."""
    due = changed_on + timedelta(days=rules.REPORT_AFTER_STAGE_CHANGE_DAYS)
    qs = Loop.objects.filter(account=account, kind="report", status="open")
    if lead is not None:
        qs = qs.filter(Q(lead=lead) | Q(favor__lead=lead))
    if introduction is not None:
        qs = qs.filter(Q(introduction=introduction) | Q(favor__introduction=introduction))
    return qs.update(due=due)


def as_dict(loop: Loop) -> dict:
    """The `loops --json` element."""
    return {"id": loop.id, "kind": loop.kind, "person": {"id": loop.person_id, "name": loop.person.display_name},
            "due": loop.due.isoformat(), "status": loop.status, "reason": loop.reason}

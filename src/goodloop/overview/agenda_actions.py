"""What "done" and "not now" mean for a Today item, for the web, the API and the CLI alike.

An item is named by its stable key (`today --json`): a loop is closed, a 3B7 step recorded on
the ask, a first step put away, and a check-in, give, lead step or reconnect logged as a
message I sent (which resets the person's keep-in-touch clock).
"""

from datetime import date

from django.db import transaction

from goodloop import clock
from goodloop.core import agenda as agenda_rules
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import asks, loops, snoozes
from goodloop.network import interactions
from goodloop.network import people as people_service
from goodloop.search.models import Lead

SUMMARIES = {"check_in": "Checked in", "give": "Offered help with something they need",
             "lead_step": "Asked about the next step on a lead", "reconnect": "Reconnected"}
STEPS = {"nudge": "nudge sent", "second_contact": "second contact made", "mark_no_reply": "marked no reply"}
FIRST_STEP_PUT_AWAY_DAYS = 3650  # a first step done does not come back


def parse(key: str) -> tuple[str, dict]:
    """The kind and ref of an item key, or a ServiceError naming the bad key."""
    try:
        return agenda_rules.parse_key(key)
    except ValueError as exc:
        raise ServiceError(str(exc), field="key") from None


@transaction.atomic
def done(account, key: str, when: date | None = None) -> str:
    """Do what "done" means for the item `key`; returns a sentence saying what was recorded."""
    kind, ref = parse(key)
    when = when or clock.today(account)
    if "loop" in ref:
        loop = loops.close(account, ref["loop"], when)
        return f"Done: {loop.get_kind_display().lower()} for {loop.person.display_name}."
    if kind == "follow_up":
        if ref["action"] not in STEPS:
            raise ServiceError("follow-up must be nudge, second_contact or mark_no_reply", field="action")
        ask = asks.record_follow_up(account, ref["ask"], ref["action"], when)
        return f"Follow-up recorded for {ask.person.display_name}: {STEPS[ref['action']]}."
    if kind == "first_step":
        snoozes.snooze(account, key, FIRST_STEP_PUT_AWAY_DAYS, when)
        return "First step done."
    if kind == "lead_step":
        lead = Lead.objects.filter(account=account, id=ref["lead"]).select_related("source_person").first()
        if lead is None or lead.source_person is None:
            raise NotFound(f"no lead with id {ref['lead']} and someone it came through")
        person = lead.source_person
    else:
        person = people_service.resolve(account, str(ref.get("person", "")))
    if person.is_me:
        raise ServiceError("that item is not about a contact")
    interactions.log(account, [person], "message", "outbound", SUMMARIES.get(kind, "Followed up"), when)
    return f"Logged a message to {person.display_name}; their keep-in-touch clock is reset."


def snooze(account, key: str, days: int | None = None, when: date | None = None) -> str:
    """Not now: hide the item until a later day; returns a sentence saying until when."""
    parse(key)
    found = snoozes.snooze(account, key, days, when)
    return f"Not now: it comes back on {found.until:%a} {found.until.isoformat()}."


def key_from_ref(kind: str, ref: dict) -> str:
    """The key for an item named by its ref fields (loop / ask + action / lead / person + kind)."""
    ref = {k: v for k, v in ref.items() if v not in (None, "")}
    if ref.get("ask"):
        kind = "follow_up"
    elif ref.get("lead") and not ref.get("loop"):
        kind = "lead_step"
    return agenda_rules.key_for(kind if kind in agenda_rules.AGENDA_KIND_ORDER else "check_in", ref)

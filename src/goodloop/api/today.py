"""/api/today: the ranked agenda — what I owe and what is due, each with a reason and a draft."""

import datetime as dt
from dataclasses import asdict

from ninja import Field, Query, Router, Schema

from goodloop.core import rules
from goodloop.errors import ServiceError
from goodloop.overview import agenda, agenda_actions, getting_started

from . import common

router = Router(tags=["today"])
MAX_AGENDA = 500
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(9000, 12, 31)


class AgendaItem(Schema):
    key: str
    kind: str
    person: dict
    due: str | None
    overdue_days: int | None
    reason: str
    draft: str
    ref: dict | None = None


@router.get("", response={200: common.page_of(AgendaItem), **common.ERRORS})
def today(request, date: common.Day | None = None,
          limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
          offset: int = Query(0, ge=0, le=MAX_AGENDA)):
    if date is not None and not EARLIEST <= date <= LATEST:  # the agenda looks weeks back and ahead
        raise ServiceError(f"date must be between {EARLIEST} and {LATEST}", field="date")
    items = agenda.as_dicts(agenda.today(request.auth, date, limit=min(offset + limit, MAX_AGENDA)))
    return common.paginate_list(items, limit, offset)


class ItemIn(common.In):
    key: str = Field(..., min_length=1, max_length=80)
    date: common.Day | None = None


class SnoozeIn(ItemIn):
    days: int = Field(rules.AGENDA_SNOOZE_DAYS, ge=1, le=3650)


class Done(Schema):
    message: str


@router.post("/done", response={200: Done, **common.ERRORS})
def done(request, payload: ItemIn):
    """Done: close the loop, record the 3B7 step, or log the message sent (by the item's `key`)."""
    return {"message": agenda_actions.done(request.auth, payload.key, payload.date)}


@router.post("/snooze", response={200: Done, **common.ERRORS})
def snooze(request, payload: SnoozeIn):
    """Not now: hide the item for `days` (a week by default)."""
    return {"message": agenda_actions.snooze(request.auth, payload.key, payload.days, payload.date)}


class Step(Schema):
    key: str
    title: str
    done: bool
    detail: str


class GettingStarted(Schema):
    done: bool
    steps: list[Step]


@router.get("/getting-started", response={200: GettingStarted, **common.ERRORS})
def getting_started_steps(request):
    """The first-run checklist: your name, your contacts, three targets, the brief (`done` once all are)."""
    steps = getting_started.checklist(request.auth)
    return {"done": all(step.done for step in steps), "steps": [asdict(step) for step in steps]}

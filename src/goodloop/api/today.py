"""/api/today: the ranked agenda — what I owe and what is due, each with a reason and a draft."""

import datetime as dt

from ninja import Query, Router, Schema

from goodloop.errors import ServiceError
from goodloop.overview import agenda

from . import common

router = Router(tags=["today"])
MAX_AGENDA = 500
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(9000, 12, 31)


class AgendaItem(Schema):
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

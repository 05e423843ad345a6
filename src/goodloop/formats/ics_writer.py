"""iCalendar export of open loops (RFC 5545) with the ``icalendar`` library.

One VTODO (default) or one all-day VEVENT per loop that has a due date. The
UID is stable per loop id (``loop-<id>@goodloop``) so calendar apps update
rather than duplicate entries on re-import.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, Todo

from .records import ExportLoop

KIND_LABELS = {
    "thank": "Thank",
    "report": "Report back to",
    "follow_up": "Follow up with",
    "check_in": "Check in with",
    "give": "Give to",
    "promise": "Keep promise to",
}


def loop_uid(loop_id: int | str) -> str:
    return f"loop-{loop_id}@goodloop"


def summary(loop: ExportLoop) -> str:
    label = KIND_LABELS.get(loop.kind, loop.kind.replace("_", " ").capitalize())
    return f"{label} {loop.person_name}".strip()


def write_ics(
    loops: Iterable[ExportLoop],
    *,
    as_events: bool = False,
    dtstamp: datetime | None = None,
    calendar_name: str = "goodloop open loops",
) -> bytes:
    """The calendar as bytes. Loops without a due date are left out.

    ``dtstamp`` (default: now, UTC) is written as every component's DTSTAMP;
    pass a fixed value for byte-identical output.
    """
    stamp = dtstamp or datetime.now(UTC).replace(microsecond=0)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", "-//goodloop//goodloop open loops//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)
    for loop in loops:
        if loop.due is None:
            continue
        comp = Event() if as_events else Todo()
        comp.add("uid", loop_uid(loop.id))
        comp.add("dtstamp", stamp)
        comp.add("summary", summary(loop))
        description = "\n".join(x for x in (loop.reason, loop.description) if x)
        if description:
            comp.add("description", description)
        comp.add("categories", [loop.kind])
        if as_events:
            comp.add("dtstart", loop.due)
            comp.add("dtend", loop.due + timedelta(days=1))
            comp.add("transp", "TRANSPARENT")
        else:
            comp.add("dtstart", loop.due)
            comp.add("due", loop.due)
            comp.add("status", "COMPLETED" if loop.status == "done" else "NEEDS-ACTION")
        cal.add_component(comp)
    return cal.to_ical()

"""iCalendar export of open loops (RFC 5545) with the ``icalendar`` library.

One all-day VEVENT per loop that has a due date (what Google Calendar, iOS Calendar and Fastmail
show), with a reminder at 9:00 that day, or one VTODO (``todo=True``: tasks apps; its DUE is the end
of the due day, after DTSTART as RFC 5545 wants). A loop's UID is ``ExportLoop.uid`` when given
(the exporter derives one unique to the store), else ``loop-<id>@goodloop``: stable, so a calendar
app updates an entry on the next import or poll instead of duplicating it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, Todo

from .records import ExportLoop

KIND_LABELS = {
    "thank": "Thank",
    "report": "Report back to",
    "follow_up": "Follow up with",
    "check_in": "Check in with",
    "give": "Give to",
    "promise": "Keep promise to",
}


REMINDER = timedelta(hours=9)


def loop_uid(loop_id: int | str) -> str:
    return f"loop-{loop_id}@goodloop"


def summary(loop: ExportLoop) -> str:
    label = KIND_LABELS.get(loop.kind, loop.kind.replace("_", " ").capitalize())
    return f"{label} {loop.person_name}".strip()


def write_ics(
    loops: Iterable[ExportLoop],
    *,
    todo: bool = False,
    dtstamp: datetime | None = None,
    calendar_name: str = "goodloop open loops",
) -> bytes:
    """The calendar as bytes: all-day events with a reminder, or to-dos (`todo`). Loops without a
    due date are left out.

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
        comp = Todo() if todo else Event()
        comp.add("uid", loop.uid or loop_uid(loop.id))
        comp.add("dtstamp", stamp)
        comp.add("summary", summary(loop))
        description = "\n".join(x for x in (loop.reason, loop.description) if x)
        if description:
            comp.add("description", description)
        comp.add("categories", [loop.kind])
        comp.add("dtstart", loop.due)
        if todo:
            comp.add("due", loop.due + timedelta(days=1))
            comp.add("status", "COMPLETED" if loop.status == "done" else "NEEDS-ACTION")
        else:
            comp.add("dtend", loop.due + timedelta(days=1))
            comp.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not block the day
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary(loop))
            alarm.add("trigger", REMINDER)  # from the start of the all-day event: 9:00 that day
            comp.add_component(alarm)
        cal.add_component(comp)
    return cal.to_ical()

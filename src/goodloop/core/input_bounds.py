"""Bounds on what a request may say (issue 17): ids and dates, parsed one way by every face.

`"²".isdigit()` is true and `int("²")` fails; a year-9999 date overflows the first `+ timedelta`.
So ids are ASCII digits within a database integer, and dates lie in DATE_MIN..DATE_MAX.
"""

import re
from datetime import date

MAX_ID = 2**63 - 1  # the largest id any database column here can hold
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2200, 12, 31)
DATE_RANGE = f"dates run from {DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def parse_id(text) -> int | None:
    """An id from text: ASCII digits, 1..MAX_ID; None for anything else."""
    s = str(text if text is not None else "").strip()
    if not s or len(s) > 19 or not s.isascii() or not s.isdigit():
        return None
    n = int(s)
    return n if 1 <= n <= MAX_ID else None


def date_problem(day: date | None) -> str | None:
    """Why `day` is out of bounds, or None when it is fine (or absent)."""
    if day is not None and not DATE_MIN <= day <= DATE_MAX:
        return f"{day.isoformat()} is out of range: {DATE_RANGE}"
    return None


def parse_day(text: str) -> date:
    """A YYYY-MM-DD day within bounds; ValueError with a one-line reason otherwise."""
    s = (text or "").strip()
    if not _ISO_DAY.fullmatch(s):
        raise ValueError(f"{s[:40]!r} is not a date: use YYYY-MM-DD")
    try:
        day = date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"{s!r} is not a date on the calendar") from None
    problem = date_problem(day)
    if problem:
        raise ValueError(problem)
    return day

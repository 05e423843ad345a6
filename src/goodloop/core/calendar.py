"""Business-day arithmetic for the 3B7 follow-up rule.

Only weekends are skipped by default; a caller may pass a set of holidays. Dates are
plain :class:`datetime.date` values (a ``datetime`` is reduced to its date).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta

_NO_HOLIDAYS: frozenset[date] = frozenset()


def as_date(value: date | datetime) -> date:
    """Reduce a datetime to its date; a date passes through."""
    return value.date() if isinstance(value, datetime) else value


def is_business_day(day: date, holidays: Collection[date] = _NO_HOLIDAYS) -> bool:
    """True for Monday-Friday that is not one of ``holidays``."""
    return day.weekday() < 5 and day not in holidays


def add_business_days(start: date, days: int, holidays: Collection[date] = _NO_HOLIDAYS) -> date:
    """The date ``days`` business days after ``start`` (before it when negative).

    ``start`` itself never counts, so Friday + 1 is Monday and Saturday + 1 is Monday.
    ``days == 0`` returns ``start`` unchanged even on a weekend.
    """
    start = as_date(start)
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    current = start
    while remaining:
        current += timedelta(days=step)
        if is_business_day(current, holidays):
            remaining -= 1
    return current


def business_days_between(start: date, end: date, holidays: Collection[date] = _NO_HOLIDAYS) -> int:
    """Business days elapsed from ``start`` to ``end``: days in (start, end] that are business days.

    Monday -> Thursday is 3; Friday -> Monday is 1; Saturday -> Sunday is 0. Negative
    when ``end`` is before ``start`` (the count of (end, start] negated).
    """
    start, end = as_date(start), as_date(end)
    if end < start:
        return -business_days_between(end, start, holidays)
    total_days = (end - start).days
    full_weeks, rest = divmod(total_days, 7)
    # Whole weeks contribute five business days each; then walk the remainder.
    count = full_weeks * 5
    day = start + timedelta(days=full_weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    if holidays:
        count -= sum(1 for h in holidays if start < h <= end and h.weekday() < 5)
    return count

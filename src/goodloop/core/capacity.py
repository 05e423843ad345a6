"""The giver's weekly capacity: a budget in favors or minutes, the weekdays gives are batched
into, and whether one more commitment fits (P7).

Pure rules, no Django. Its own module because Today asks "is this a giving day?" on every
run and should not load the rest of the giver's rules (drafts, triage, closure) to know.
Grant (Give and Take): "otherish" givers protect their capacity and chunk their gives into
a day or two a week.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

BUDGET_UNITS: tuple[str, ...] = ("favors", "minutes")
# Default weekly budget: two hours, the low end of the 2-11 hours a week Grant found rewarding.
DEFAULT_BUDGET_UNIT = "minutes"
DEFAULT_BUDGET_AMOUNT = 120
# My estimated cost of a favor by kind, in minutes (used when the budget is in minutes).
FAVOR_MINUTES = {
    "introduction": 15, "referral": 30, "reference": 30, "resume_feedback": 30, "advice": 30,
    "insight": 30, "lead": 5, "encouragement": 5, "share": 5, "other": 15,
}
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def favor_minutes(kind: str | None) -> int:
    return FAVOR_MINUTES.get(kind or "other", FAVOR_MINUTES["other"])


def promise_minutes(minutes: int | None, kind: str | None) -> int:
    """A promise's cost: the minutes given when it was accepted, else its favor kind's estimate."""
    return minutes if minutes is not None else favor_minutes(kind)


def parse_days(value: str | Iterable[str] | None) -> tuple[int, ...]:
    """"mon,thu" (or names, or full day names) -> (0, 3). Raises ValueError on an unknown day."""
    if value is None:
        return ()
    items = value.replace(" ", ",").split(",") if isinstance(value, str) else list(value)
    out = set()
    for item in items:
        key = str(item).strip().lower()[:3]
        if not key:
            continue
        if key not in WEEKDAYS:
            raise ValueError(f"unknown weekday {item!r}: use mon, tue, wed, thu, fri, sat, sun")
        out.add(WEEKDAYS.index(key))
    return tuple(sorted(out))


def day_names(days: Iterable[int]) -> list[str]:
    return [WEEKDAYS[d] for d in sorted(days)]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def is_giving_day(day: date, days: Sequence[int]) -> bool:
    """With no chosen days every day is a giving day."""
    return not days or day.weekday() in days


def chunk_due(deadline: date, today: date, days: Sequence[int]) -> date:
    """Batch a promise onto a chosen giving day: the latest chosen weekday from today up to the
    deadline; when none falls in that window the deadline itself (a promise is never late
    because of chunking)."""
    if not days or deadline < today:
        return deadline
    d = deadline
    while d >= today:
        if d.weekday() in days:
            return d
        d -= timedelta(days=1)
    return deadline


@dataclass(frozen=True)
class Budget:
    unit: str = DEFAULT_BUDGET_UNIT
    amount: int = DEFAULT_BUDGET_AMOUNT
    days: tuple[int, ...] = ()
    is_default: bool = False

    def cost(self, minutes: int) -> int:
        """What one commitment costs in this budget's unit."""
        return 1 if self.unit == "favors" else minutes


@dataclass(frozen=True)
class Commitment:
    """A favor given or a promise due, in the week it lands, with its estimated minutes."""

    day: date
    minutes: int


@dataclass(frozen=True)
class CapacityCheck:
    week_of: date
    unit: str
    amount: int
    used: int
    adding: int
    exceeds: bool
    message: str = ""

    @property
    def remaining(self) -> int:
        return self.amount - self.used

    def as_dict(self) -> dict:
        return {"week_of": self.week_of.isoformat(), "unit": self.unit, "budget": self.amount, "used": self.used,
                "adding": self.adding, "remaining": self.remaining, "exceeds": self.exceeds,
                "warning": self.message or None}


def capacity_check(budget: Budget, commitments: Iterable[Commitment], day: date, new_minutes: int = 0,
                   adding: bool = False) -> CapacityCheck:
    """How much of the week's budget (the week containing ``day``) is used, and whether one
    more commitment of ``new_minutes`` would exceed it."""
    start = week_start(day)
    end = start + timedelta(days=6)
    used = sum(budget.cost(c.minutes) for c in commitments if start <= c.day <= end)
    add = budget.cost(new_minutes) if adding else 0
    exceeds = adding and used + add > budget.amount
    msg = ""
    if exceeds:
        msg = (f"This goes over your giving budget for the week of {start.isoformat()}: {used} of "
               f"{budget.amount} {budget.unit} already committed, and this adds {add}. Givers burn out "
               "when spread thin - consider offering something smaller, or a later date.")
    return CapacityCheck(start, budget.unit, budget.amount, used, add, exceeds, msg)

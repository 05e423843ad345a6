"""The reciprocity ledger (P3): what has flowed each way with one person, weighted.

Favors are weighted by kind (:data:`goodloop.core.rules.LEDGER_WEIGHTS`): an
introduction counts 3, a shared post 0.5. The balance is *received minus given*, so a
positive balance means the user owes this person; the over-asking guard warns above 4
over the last 180 days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from goodloop.core.rules import LEDGER_WEIGHTS, LEDGER_WINDOW_DAYS


@dataclass(frozen=True)
class FavorRecord:
    """One favor: ``direction`` is "received" or "given" (from the user's point of view)."""

    date: date
    direction: str
    kind: str


@dataclass(frozen=True)
class AskRecord:
    """One ask: ``direction`` "made" (the user asked them) or "received" (they asked the user)."""

    date: date
    kind: str = "other"
    status: str = "sent"
    direction: str = "made"


@dataclass(frozen=True)
class LedgerTotals:
    """Weighted sums. ``balance`` = received - given (positive: the user is in their debt)."""

    given: float
    received: float
    asks_made: float
    asks_received: float

    @property
    def balance(self) -> float:
        return round(self.received - self.given, 2)

    def as_dict(self) -> dict[str, float]:
        return {
            "given": self.given,
            "received": self.received,
            "balance": self.balance,
            "asks_made": self.asks_made,
            "asks_received": self.asks_received,
        }


@dataclass(frozen=True)
class Ledger:
    """All-time totals and the same over the last ``window_days`` (180 by default)."""

    all_time: LedgerTotals
    recent: LedgerTotals
    window_days: int

    @property
    def given(self) -> float:
        return self.all_time.given

    @property
    def received(self) -> float:
        return self.all_time.received

    @property
    def balance(self) -> float:
        return self.all_time.balance

    def as_dict(self) -> dict:
        """The shape of ``person show --json``'s ``ledger``: all-time figures plus ``recent``."""
        out = self.all_time.as_dict()
        out["recent"] = self.recent.as_dict()
        out["window_days"] = self.window_days
        return out


def weight(kind: str, weights: Mapping[str, float] = LEDGER_WEIGHTS) -> float:
    """Weight of a favor or ask kind; unknown kinds count like "other"."""
    return float(weights.get(kind, weights.get("other", 1.0)))


def _totals(favors: Iterable[FavorRecord], asks: Iterable[AskRecord], weights: Mapping[str, float]) -> LedgerTotals:
    given = received = made = asked = 0.0
    for f in favors:
        if f.direction == "given":
            given += weight(f.kind, weights)
        elif f.direction == "received":
            received += weight(f.kind, weights)
    for a in asks:
        if a.status == "draft":  # an unsent draft has not cost them anything
            continue
        if a.direction == "received":
            asked += weight(a.kind, weights)
        else:
            made += weight(a.kind, weights)
    return LedgerTotals(round(given, 2), round(received, 2), round(made, 2), round(asked, 2))


def ledger(
    favors: Iterable[FavorRecord],
    today: date,
    asks: Iterable[AskRecord] = (),
    window_days: int = LEDGER_WINDOW_DAYS,
    weights: Mapping[str, float] = LEDGER_WEIGHTS,
) -> Ledger:
    """Weighted ledger with one person, all-time and over ``(today - window_days, today]``.

    Records dated after ``today`` are ignored in both views, so "pretend today is" works.
    """
    favors = [f for f in favors if f.date <= today]
    asks = [a for a in asks if a.date <= today]
    start = today - timedelta(days=window_days)
    recent_f = [f for f in favors if f.date > start]
    recent_a = [a for a in asks if a.date > start]
    return Ledger(_totals(favors, asks, weights), _totals(recent_f, recent_a, weights), window_days)


def balance(
    favors: Iterable[FavorRecord],
    today: date | None = None,
    window_days: int | None = None,
    weights: Mapping[str, float] = LEDGER_WEIGHTS,
) -> float:
    """Weighted received - given; over the last ``window_days`` before ``today`` when both are given."""
    items = list(favors)
    if today is not None:
        items = [f for f in items if f.date <= today]
        if window_days is not None:
            start = today - timedelta(days=window_days)
            items = [f for f in items if f.date > start]
    return _totals(items, (), weights).balance

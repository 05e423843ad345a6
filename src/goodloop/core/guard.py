"""The over-asking guard (P4): warn before one more ask burns a contact out.

Three checks, each a documented default in :mod:`goodloop.core.rules`:

* an earlier ask to them is still open (sent, no reply yet);
* the new ask would be the 2nd+ in the last 30 days;
* over the last 180 days the user has received more than they gave (weighted) by > 4.

Every warning suggests a give instead ("career karma", P3), using the person's recorded
needs when there are any.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from goodloop.core.ledger import AskRecord, FavorRecord, balance
from goodloop.core.rules import (
    ASK_OPEN_STATUSES,
    GUARD_BALANCE_WINDOW_DAYS,
    GUARD_MAX_ASKS_IN_WINDOW,
    GUARD_MAX_BALANCE,
    GUARD_WINDOW_DAYS,
)


@dataclass(frozen=True)
class GuardWarning:
    """One reason not to ask right now. ``code`` is open_ask, ask_frequency or ledger_balance."""

    code: str
    reason: str


@dataclass(frozen=True)
class GuardResult:
    """The warnings (empty when it is fine to ask), a give suggestion, and the 180-day balance."""

    warnings: tuple[GuardWarning, ...] = ()
    suggestion: str | None = None
    recent_balance: float = 0.0
    asks_in_window: int = 0
    open_asks: int = 0
    reasons: tuple[str, ...] = field(default=())

    @property
    def fired(self) -> bool:
        return bool(self.warnings)


def _give_suggestion(name: str, needs: Sequence[str]) -> str:
    who = name or "them"
    if needs:
        return f"Give before you ask: help {who} with something they need ({needs[0]})."
    return (
        f"Give before you ask: send {who} something useful - an article, an introduction, "
        "congratulations on news - or ask what they are working on."
    )


def check_over_asking(
    asks: Iterable[AskRecord],
    favors: Iterable[FavorRecord],
    today: date,
    *,
    name: str = "",
    needs: Sequence[str] = (),
    counting_new_ask: bool = True,
    window_days: int = GUARD_WINDOW_DAYS,
    max_asks: int = GUARD_MAX_ASKS_IN_WINDOW,
    balance_window_days: int = GUARD_BALANCE_WINDOW_DAYS,
    max_balance: float = GUARD_MAX_BALANCE,
) -> GuardResult:
    """Run the guard for one person before a new ask (the asks/favors are the existing ones).

    ``asks`` are the asks the user already *made* to this person (drafts are ignored;
    asks they made of the user should be filtered out by the caller or carry
    ``direction="received"``). ``counting_new_ask`` adds the ask about to be made to the
    30-day count, so a second ask within 30 days warns; pass False to audit the history
    without a new ask.
    """
    made = [a for a in asks if a.direction == "made" and a.status != "draft" and a.date <= today]
    open_asks = [a for a in made if a.status in ASK_OPEN_STATUSES]
    start = today - timedelta(days=window_days)
    in_window = [a for a in made if a.date > start]
    count = len(in_window) + (1 if counting_new_ask else 0)
    recent = balance(favors, today=today, window_days=balance_window_days)

    warnings: list[GuardWarning] = []
    if open_asks:
        oldest = min(a.date for a in open_asks)
        warnings.append(
            GuardWarning(
                "open_ask",
                f"{len(open_asks)} earlier ask(s) still without a reply (sent {oldest.isoformat()}).",
            )
        )
    if count >= max_asks:
        what = "this would be ask" if counting_new_ask else "asks"
        warnings.append(
            GuardWarning(
                "ask_frequency",
                f"{what} #{count} in the last {window_days} days (warns at {max_asks}).",
            )
        )
    if recent > max_balance:
        warnings.append(
            GuardWarning(
                "ledger_balance",
                f"You have received {recent:g} more (weighted) than you gave in the last "
                f"{balance_window_days} days (warns above {max_balance:g}).",
            )
        )
    suggestion = _give_suggestion(name, needs) if warnings else None
    return GuardResult(
        warnings=tuple(warnings),
        suggestion=suggestion,
        recent_balance=recent,
        asks_in_window=count,
        open_asks=len(open_asks),
        reasons=tuple(w.reason for w in warnings),
    )

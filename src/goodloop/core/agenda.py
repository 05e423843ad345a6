"""The Today agenda: rank what the user owes, most urgent first (DESIGN.md section 3).

Order of groups: thank loops (overdue ones first: they are time-critical), report loops,
ask follow-ups, promises, gives suggested by a contact's need, check-ins, lead next steps.
Within check-ins a priority weighs tier, tie strength and target proximity; within every
other group the most overdue comes first.

Input is plain :class:`Candidate` items the service layer builds from open loops, asks
(via :mod:`goodloop.core.followup`), needs, cadence and leads; output is
:class:`AgendaItem` in rank order with ``overdue_days`` and a ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from goodloop.core.rules import AGENDA_KIND_ORDER, TIERS

# Check-in weights per tier: closer tiers matter more (dormant never produces check-ins).
TIER_WEIGHTS = {"core": 4.0, "close": 3.0, "active": 2.0, "wide": 1.0, "dormant": 0.0}
NEAR_TARGET_BONUS = 15.0
OVERDUE_CAP_DAYS = 60  # beyond two months, more overdue is not more urgent

_KIND_LABELS = {
    "thank": "Thank-you",
    "report": "Report back",
    "follow_up": "Follow up",
    "promise": "Promise",
    "give": "Give",
    "check_in": "Check in",
    "lead_step": "Lead next step",
}


@dataclass(frozen=True)
class Candidate:
    """Something that could go on the agenda.

    ``kind``: thank, report, follow_up, promise, give, check_in or lead_step. ``due`` None
    means "whenever" (treated as due today). ``ref`` is opaque to the core (a loop id, an
    ask id...) and handed back untouched.
    """

    kind: str
    person_name: str
    due: date | None = None
    person_id: int | None = None
    tier: str | None = None
    strength: float = 0.0
    near_target: bool = False
    reason: str = ""
    draft: str = ""
    ref: Any = None


@dataclass(frozen=True)
class AgendaItem:
    """A ranked agenda row; ``priority`` is the within-group score (higher first)."""

    kind: str
    person_name: str
    person_id: int | None
    due: date | None
    overdue_days: int
    reason: str
    draft: str
    priority: float
    ref: Any = field(default=None, compare=False)

    def as_dict(self) -> dict:
        """The ``today --json`` row shape (person id/name, ISO due date)."""
        return {
            "kind": self.kind,
            "person": {"id": self.person_id, "name": self.person_name},
            "due": self.due.isoformat() if self.due else None,
            "overdue_days": self.overdue_days,
            "reason": self.reason,
            "draft": self.draft,
        }


def check_in_priority(tier: str | None, strength: float, near_target: bool, overdue_days: int) -> float:
    """Weight of a check-in: tier (x10), tie strength (0-100 x0.2), +15 at/near a target, overdue days /4."""
    tier_w = TIER_WEIGHTS.get(tier if tier in TIERS else "wide", 1.0)
    return (
        tier_w * 10.0
        + max(0.0, min(strength, 100.0)) * 0.2
        + (NEAR_TARGET_BONUS if near_target else 0.0)
        + min(max(overdue_days, 0), OVERDUE_CAP_DAYS) / 4.0
    )


def _default_reason(c: Candidate, overdue: int, due: date) -> str:
    label = _KIND_LABELS.get(c.kind, c.kind)
    if overdue > 0:
        return f"{label} for {c.person_name}: {overdue} day(s) overdue (due {due.isoformat()})."
    return f"{label} for {c.person_name}: due {due.isoformat()}."


def rank(
    candidates: Iterable[Candidate],
    today: date,
    *,
    horizon_days: int = 0,
    limit: int | None = None,
) -> list[AgendaItem]:
    """Rank candidates due on or before ``today + horizon_days``; later ones are dropped.

    Sort key: group (kind order), then for thank loops overdue ones before not-yet-due,
    then priority (check-ins: :func:`check_in_priority`; others: days overdue, then tie
    strength), then person name for a stable order. Unknown kinds rank last.
    """
    cutoff = today + timedelta(days=horizon_days)
    rows: list[tuple[tuple, AgendaItem]] = []
    for c in candidates:
        due = c.due or today
        if due > cutoff:
            continue
        overdue = max(0, (today - due).days)
        if c.kind == "check_in":
            priority = check_in_priority(c.tier, c.strength, c.near_target, overdue)
        else:
            # Overdue dominates; strength only breaks ties (a day is worth 100 strength points).
            priority = overdue + max(0.0, min(c.strength, 100.0)) / 100.0
        group = AGENDA_KIND_ORDER.get(c.kind, len(AGENDA_KIND_ORDER))
        item = AgendaItem(
            kind=c.kind,
            person_name=c.person_name,
            person_id=c.person_id,
            due=due,
            overdue_days=overdue,
            reason=c.reason or _default_reason(c, overdue, due),
            draft=c.draft,
            priority=round(priority, 3),
            ref=c.ref,
        )
        rows.append(((group, -priority, c.person_name.casefold(), due), item))
    rows.sort(key=lambda r: r[0])
    items = [item for _, item in rows]
    return items[:limit] if limit is not None else items

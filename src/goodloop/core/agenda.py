"""The Today agenda: rank what the user owes, most urgent first (DESIGN.md section 3).

Order of groups: first steps (a new store only), thank loops, report loops, ask follow-ups,
promises, gives suggested by a contact's need, check-ins, lead next steps, reconnects.
Within a group the earliest due comes first; a priority (check-ins: tier, tie strength and
target proximity; others: tie strength) only breaks ties. One item per person a day (the
highest group wins, so never a nudge and a check-in to one person), at most
``AGENDA_DAILY_CHECK_INS`` check-ins and ``AGENDA_DAILY_RECONNECTS`` reconnects.

Input is plain :class:`Candidate` items the service layer builds from open loops, asks
(via :mod:`goodloop.core.followup`), needs, cadence and leads; output is
:class:`AgendaItem` in rank order with ``overdue_days`` and a ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from goodloop.core.rules import AGENDA_DAILY_CHECK_INS, AGENDA_DAILY_RECONNECTS, AGENDA_KIND_ORDER, TIERS

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
    "reconnect": "Reconnect",
    "first_step": "First step",
}
# The ref field that names what an item is about, per kind, for its stable key.
_KEY_FIELDS = {"follow_up": ("ask", "action"), "lead_step": ("lead",), "first_step": ("step",)}


def key_for(kind: str, ref: Any, person_id: int | None = None) -> str:
    """A stable key for an agenda item ("loop:12", "follow_up:7:nudge", "check_in:31"): the
    same item on another day has the same key, so it can be snoozed or done by key."""
    ref = {"person": person_id if person_id is not None else "", **(ref if isinstance(ref, Mapping) else {})}
    if "loop" in ref:
        return f"loop:{ref['loop']}"
    fields = _KEY_FIELDS.get(kind, ("person",))
    return ":".join([kind, *(str(ref.get(f, "")) for f in fields)])


def parse_key(key: str) -> tuple[str, dict]:
    """The kind and ref a key stands for; ValueError when it is not one :func:`key_for` makes."""
    kind, _, rest = (key or "").strip().partition(":")
    parts = rest.split(":") if rest else []
    if kind == "loop":
        fields: tuple[str, ...] = ("loop",)
    elif kind in AGENDA_KIND_ORDER:
        fields = _KEY_FIELDS.get(kind, ("person",))
    else:
        raise ValueError(f"{key!r} is not an agenda item key (see `today --json`)")
    if len(parts) != len(fields) or not all(parts):
        raise ValueError(f"{key!r} is not an agenda item key (see `today --json`)")
    ref: dict[str, Any] = {}
    for name, value in zip(fields, parts, strict=False):
        if name in ("action", "step"):
            ref[name] = value
        elif value.isdigit() and len(value) < 19:
            ref[name] = int(value)
        else:
            raise ValueError(f"{key!r} is not an agenda item key (see `today --json`)")
    return kind, ref


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
    key: str = ""

    def as_dict(self) -> dict:
        """The ``today --json`` row shape (stable key, person id/name, ISO due date)."""
        return {
            "key": self.key,
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


def _key_order(key: str) -> tuple:
    """A key's sort order with its ids compared as numbers ("loop:99" before "loop:100"): as text the
    tie went one way or the other depending on how many digits the ids had, so on where the database's
    sequences happened to be."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in key.split(":"))


def rank(
    candidates: Iterable[Candidate],
    today: date,
    *,
    horizon_days: int = 0,
    limit: int | None = None,
    max_check_ins: int = AGENDA_DAILY_CHECK_INS,
    max_reconnects: int = AGENDA_DAILY_RECONNECTS,
    skip_keys: frozenset[str] | set[str] = frozenset(),
) -> list[AgendaItem]:
    """Rank candidates due on or before ``today + horizon_days``; later ones are dropped, and
    so are items whose key is in ``skip_keys`` (snoozed).

    Sort key: group (kind order), then due date (earliest first), then priority (check-ins:
    :func:`check_in_priority`; others: tie strength), then person name and the item's key (ids as
    numbers) for a stable order.
    Then one item per person (the first), and the daily caps on check-ins and reconnects.
    Unknown kinds rank last.
    """
    cutoff = today + timedelta(days=horizon_days)
    rows: list[tuple[tuple, AgendaItem]] = []
    for c in candidates:
        due = c.due or today
        if due > cutoff:
            continue
        key = key_for(c.kind, c.ref, c.person_id)
        if key in skip_keys:
            continue
        overdue = max(0, (today - due).days)
        if c.kind == "check_in":
            priority = check_in_priority(c.tier, c.strength, c.near_target, overdue)
        else:
            priority = max(0.0, min(c.strength, 100.0)) + (NEAR_TARGET_BONUS if c.near_target else 0.0)
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
            key=key,
        )
        rows.append(((group, due, -priority, c.person_name.casefold(), _key_order(key)), item))
    rows.sort(key=lambda r: r[0])
    caps = {"check_in": max_check_ins, "reconnect": max_reconnects}
    seen: set[int] = set()
    items = []
    for _, item in rows:
        if item.person_id is not None:
            if item.person_id in seen:
                continue
        if item.kind in caps:
            if caps[item.kind] <= 0:
                continue
            caps[item.kind] -= 1
        if item.person_id is not None:
            seen.add(item.person_id)
        items.append(item)
    return items[:limit] if limit is not None else items

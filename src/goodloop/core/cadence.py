"""Rhythm (P4): when is a person due for a check-in?

A person's cadence is their per-person override, else their tier's default
(:data:`goodloop.core.rules.CADENCE_DAYS`). **Any** interaction, favor or ask resets the
clock (Monica's most-asked fix, issue #1814): the caller passes the latest of those dates
as ``last_touch``, or all of them to :func:`latest_touch`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from goodloop.core.rules import (
    BUILDING_FIRST_FOLLOW_UP_DAYS,
    BUILDING_MONTHLY_DAYS,
    BUILDING_MONTHS,
    CADENCE_DAYS,
    TIERS,
)


def cadence_days(tier: str | None, override_days: int | None = None) -> int | None:
    """Days between touches: the override when set (> 0), else the tier default; None = never due.

    An unknown or empty tier falls back to the default tier ("wide") rather than failing,
    because imported people may not have a tier yet.
    """
    if override_days is not None and override_days > 0:
        return int(override_days)
    if tier not in TIERS:
        tier = "wide"
    return CADENCE_DAYS[tier]


def latest_touch(*dates: Iterable[date | None] | date | None) -> date | None:
    """The latest date among interactions, favors and asks (any iterables or single dates)."""
    best: date | None = None
    for item in dates:
        values = [item] if item is None or isinstance(item, date) else item
        for value in values:
            if value is not None and (best is None or value > best):
                best = value
    return best


@dataclass(frozen=True)
class CadenceStatus:
    """Where a person stands in their rhythm. ``next_due`` None means no check-ins (dormant)."""

    cadence_days: int | None
    last_touch: date | None
    next_due: date | None
    due: bool
    overdue_days: int
    reason: str


def next_check_in(
    tier: str | None,
    last_touch: date | None,
    override_days: int | None = None,
    known_since: date | None = None,
) -> date | None:
    """The date the next check-in falls due, or None when there is none to plan.

    Measured from ``last_touch`` only. A connection or import date (``known_since``) is not
    contact: someone never contacted has no rhythm to fall behind on, so no check-in is ever
    "overdue" for them; Today offers a few of them a day as "reconnect" instead.
    """
    days = cadence_days(tier, override_days)
    if days is None or last_touch is None:
        return None
    return last_touch + timedelta(days=days)


def cadence_status(
    tier: str | None,
    last_touch: date | None,
    today: date,
    override_days: int | None = None,
    known_since: date | None = None,
) -> CadenceStatus:
    """Is a check-in due on ``today``, by how many days, and why (a sentence for the UI)."""
    days = cadence_days(tier, override_days)
    source = "override" if override_days and override_days > 0 else f"{tier if tier in TIERS else 'wide'} tier"
    if days is None:
        return CadenceStatus(None, last_touch, None, False, 0, "Dormant tier: no check-ins scheduled.")
    if last_touch is None:
        known = f" (known since {known_since.isoformat()})" if known_since else ""
        return CadenceStatus(days, None, None, False, 0,
                             f"No contact recorded yet{known}: the {source} rhythm of every {days} days "
                             "starts when you first reach out.")
    due_on = last_touch + timedelta(days=days)
    overdue = (today - due_on).days
    since = (today - last_touch).days
    if overdue >= 0:
        reason = (
            f"{since} days since your last contact ({last_touch.isoformat()}); "
            f"{source} cadence is every {days} days, due {due_on.isoformat()}."
        )
        return CadenceStatus(days, last_touch, due_on, True, overdue, reason)
    reason = f"Next check-in {due_on.isoformat()} ({source}: every {days} days from the last contact)."
    return CadenceStatus(days, last_touch, due_on, False, 0, reason)


def building_window_days() -> int:
    """How long after a meeting the relationship-building rhythm can still have a step due."""
    return BUILDING_FIRST_FOLLOW_UP_DAYS + BUILDING_MONTHLY_DAYS * BUILDING_MONTHS


def building_status(met_on: date, last_touch: date | None, today: date, introducer: str = "") -> CadenceStatus | None:
    """The relationship-building rhythm for someone met through an introduction, or None once it
    is over (the person has settled into their tier's cadence).

    A follow-up falls due a week after the meeting; after that, a month after the last touch,
    for three months. Any touch resets the monthly clock, as with a tier.
    """
    first = met_on + timedelta(days=BUILDING_FIRST_FOLLOW_UP_DAYS)
    end = met_on + timedelta(days=building_window_days())
    if last_touch is None or last_touch < first:
        due_on, step = first, "a follow-up a week after meeting"
    else:
        due_on, step = last_touch + timedelta(days=BUILDING_MONTHLY_DAYS), "the monthly check-in"
    if due_on > end:
        return None
    via = f" through {introducer}'s introduction" if introducer else " through an introduction"
    reason = (f"Building the relationship: met{via} on {met_on.isoformat()}; {step} "
              f"(then monthly until {end.isoformat()}), due {due_on.isoformat()}.")
    overdue = (today - due_on).days
    return CadenceStatus(BUILDING_MONTHLY_DAYS, last_touch, due_on, overdue >= 0, max(overdue, 0), reason)

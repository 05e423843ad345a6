"""Which loops a favor opens and when they are due (P2: close the loop).

* Every favor received opens a **thank** loop due 2 days after it.
* A favor that relates to a lead or introduction, or is a referral, introduction, lead
  or resume feedback, opens a **report** loop: due 3 days after the linked lead or
  introduction changes stage, else 30 days after the favor.
* Advice and insight open a report loop due 14 days after (unless linked to a lead or
  introduction: then as above): tell them how their advice panned out.
* Landing a job opens a report loop to every contributor and everyone who gave a favor
  during the search (the "thank everyone" campaign).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from goodloop.core.rules import (
    ADVICE_REPORT_DUE_DAYS,
    ADVICE_REPORT_KINDS,
    REPORT_AFTER_STAGE_CHANGE_DAYS,
    REPORT_DUE_DAYS,
    REPORT_FAVOR_KINDS,
    THANK_DUE_DAYS,
)

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class LoopSpec:
    """A loop to open: kind, due date and the reason shown to the user."""

    kind: str
    due: date
    reason: str


def thank_due(favor_date: date, days: int = THANK_DUE_DAYS) -> date:
    """When the thank-you for a favor is due (calendar days: Monday's favor -> Wednesday)."""
    return favor_date + timedelta(days=days)


def report_due(
    favor_date: date,
    stage_changed_on: date | None = None,
    *,
    after_change_days: int = REPORT_AFTER_STAGE_CHANGE_DAYS,
    default_days: int | None = None,
    kind: str = "",
    linked: bool = False,
) -> date:
    """When the report on a favor is due: 3 days after the linked stage change, else 30 days after
    (14 for advice and insight that are not linked to a lead or introduction)."""
    if stage_changed_on is not None:
        return stage_changed_on + timedelta(days=after_change_days)
    if default_days is None:
        default_days = ADVICE_REPORT_DUE_DAYS if kind in ADVICE_REPORT_KINDS and not linked else REPORT_DUE_DAYS
    return favor_date + timedelta(days=default_days)


def needs_report(kind: str, linked_lead: bool = False, linked_introduction: bool = False) -> bool:
    """True when a received favor opens a report loop."""
    return linked_lead or linked_introduction or kind in REPORT_FAVOR_KINDS or kind in ADVICE_REPORT_KINDS


def loops_for_favor(
    direction: str,
    kind: str,
    favor_date: date,
    *,
    person_name: str = "",
    linked_lead: bool = False,
    linked_introduction: bool = False,
) -> list[LoopSpec]:
    """The loops a newly recorded favor opens (none for a favor the user gave)."""
    if direction != "received":
        return []
    who = person_name or "them"
    what = kind.replace("_", " ")
    loops = [
        LoopSpec(
            "thank",
            thank_due(favor_date),
            f"{who} helped with {what} on {favor_date.isoformat()}; thank within {THANK_DUE_DAYS} days.",
        )
    ]
    if needs_report(kind, linked_lead, linked_introduction):
        linked = linked_lead or linked_introduction
        due = report_due(favor_date, kind=kind, linked=linked)
        if linked:
            when = (f"due {REPORT_DUE_DAYS} days after, or {REPORT_AFTER_STAGE_CHANGE_DAYS} days after "
                    "the linked lead/introduction moves")
        else:
            when = f"due {(due - favor_date).days} days after"
        loops.append(LoopSpec("report", due, f"Tell {who} how their {what} panned out ({when})."))
    return loops


def landed_job_recipients(contributors: Iterable[K], favor_givers: Iterable[K]) -> list[K]:
    """Everyone owed a "I landed" report: contributors then favor givers, once each, order kept."""
    seen: set[K] = set()
    out: list[K] = []
    for key in [*contributors, *favor_givers]:
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out

"""The 3B7 follow-up rule for an ask (Dalton, The 2-Hour Job Search).

No reply after 3 business days: suggest a *second contact at the same organization*
(a different person; don't pester the first). After 7 business days: *one* polite nudge
to the first person. After that, no more nudges: the ask becomes ``no_reply``. Never more
than one nudge - this module has no path that suggests a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from goodloop.core.calendar import add_business_days, business_days_between
from goodloop.core.rules import (
    ASK_OPEN_STATUSES,
    MAX_NUDGES,
    NO_REPLY_AFTER_NUDGE_BUSINESS_DAYS,
    NUDGE_BUSINESS_DAYS,
    SECOND_CONTACT_BUSINESS_DAYS,
)

# Actions, in the order they can happen.
WAIT = "wait"
SECOND_CONTACT = "second_contact"
NUDGE = "nudge"
MARK_NO_REPLY = "mark_no_reply"
NONE = "none"


@dataclass(frozen=True)
class FollowUp:
    """What to do about an ask today.

    ``action``: wait, second_contact, nudge, mark_no_reply or none. ``due`` is when the
    action is (or was) due; for ``wait`` it is when the next step will be due.
    ``business_days`` have elapsed since sending.
    """

    action: str
    due: date | None
    business_days: int
    reason: str

    @property
    def actionable(self) -> bool:
        return self.action in (SECOND_CONTACT, NUDGE, MARK_NO_REPLY)


def follow_up(
    sent: date | None,
    status: str,
    today: date,
    *,
    nudges_sent: int = 0,
    last_nudge: date | None = None,
    second_contact_done: bool = False,
    organization: str | None = None,
) -> FollowUp:
    """Suggest the next 3B7 step for an ask.

    ``organization`` is what the ask is about; without one there is no "same
    organization" to find a second contact at, so that step is skipped.
    ``second_contact_done`` is True once the user has contacted (or dismissed) a second
    person. ``last_nudge`` defaults to the day the nudge fell due when unknown.
    """
    if sent is None or status not in ASK_OPEN_STATUSES:
        return FollowUp(NONE, None, 0, f"Nothing to follow up: the ask is {status}.")
    elapsed = business_days_between(sent, today)
    nudge_due = add_business_days(sent, NUDGE_BUSINESS_DAYS)

    if nudges_sent >= MAX_NUDGES:
        # The one nudge is spent. Never suggest another; close the ask after a fair wait.
        nudged_on = last_nudge or nudge_due
        close_on = add_business_days(nudged_on, NO_REPLY_AFTER_NUDGE_BUSINESS_DAYS)
        if today >= close_on:
            return FollowUp(
                MARK_NO_REPLY,
                close_on,
                elapsed,
                f"No reply {business_days_between(nudged_on, today)} business days after your nudge; "
                "mark it no_reply and let it go (never a second nudge).",
            )
        return FollowUp(WAIT, close_on, elapsed, "You already nudged once; waiting for a reply, no more nudges.")

    if elapsed >= NUDGE_BUSINESS_DAYS:
        return FollowUp(
            NUDGE,
            nudge_due,
            elapsed,
            f"No reply after {elapsed} business days (sent {sent.isoformat()}): send one polite nudge.",
        )
    second_due = add_business_days(sent, SECOND_CONTACT_BUSINESS_DAYS)
    if organization and not second_contact_done:
        if elapsed >= SECOND_CONTACT_BUSINESS_DAYS:
            return FollowUp(
                SECOND_CONTACT,
                second_due,
                elapsed,
                f"No reply after {elapsed} business days: reach out to a second person at {organization}.",
            )
        return FollowUp(WAIT, second_due, elapsed, f"Sent {elapsed} business day(s) ago; give it until day 3.")
    return FollowUp(WAIT, nudge_due, elapsed, f"Sent {elapsed} business day(s) ago; a nudge is due on day 7.")

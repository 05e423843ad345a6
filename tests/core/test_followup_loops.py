from datetime import date, timedelta

import pytest

from goodloop.core.followup import MARK_NO_REPLY, NONE, NUDGE, SECOND_CONTACT, WAIT, follow_up
from goodloop.core.loops import landed_job_recipients, loops_for_favor, needs_report, report_due, thank_due

MON = date(2025, 3, 3)


def test_3b7_timeline_with_organization():
    org = "Stripe"
    assert follow_up(MON, "sent", MON, organization=org).action == WAIT
    assert follow_up(MON, "sent", date(2025, 3, 5), organization=org).action == WAIT  # 2 business days
    fu = follow_up(MON, "sent", date(2025, 3, 6), organization=org)  # Thursday: 3 business days
    assert fu.action == SECOND_CONTACT and fu.due == date(2025, 3, 6) and "Stripe" in fu.reason
    # The weekend does not count: Sunday is still only 4 business days.
    assert follow_up(MON, "sent", date(2025, 3, 9), organization=org).action == SECOND_CONTACT
    # Second contact done: wait for the nudge.
    fu = follow_up(MON, "sent", date(2025, 3, 10), organization=org, second_contact_done=True)
    assert fu.action == WAIT and fu.due == date(2025, 3, 12)
    fu = follow_up(MON, "sent", date(2025, 3, 12), organization=org, second_contact_done=True)
    assert fu.action == NUDGE and fu.due == date(2025, 3, 12) and fu.business_days == 7


def test_nudge_even_if_second_contact_never_made():
    assert follow_up(MON, "sent", date(2025, 3, 20), organization="Acme").action == NUDGE


def test_no_organization_skips_second_contact():
    fu = follow_up(MON, "sent", date(2025, 3, 6))
    assert fu.action == WAIT and fu.due == date(2025, 3, 12)


@pytest.mark.parametrize("days_later", [0, 1, 5, 10, 20, 60, 365])
def test_never_a_second_nudge(days_later):
    nudged = date(2025, 3, 12)
    fu = follow_up(MON, "sent", nudged + timedelta(days=days_later), nudges_sent=1, last_nudge=nudged, organization="X")
    assert fu.action in (WAIT, MARK_NO_REPLY)
    fu = follow_up(MON, "sent", nudged + timedelta(days=days_later), nudges_sent=3, organization="X")
    assert fu.action != NUDGE


def test_mark_no_reply_after_nudge():
    nudged = date(2025, 3, 12)  # Wednesday
    assert follow_up(MON, "sent", date(2025, 3, 20), nudges_sent=1, last_nudge=nudged).action == WAIT
    fu = follow_up(MON, "sent", date(2025, 3, 21), nudges_sent=1, last_nudge=nudged)  # 7 business days later
    assert fu.action == MARK_NO_REPLY and "never a second nudge" in fu.reason


@pytest.mark.parametrize("status", ["draft", "answered", "declined", "no_reply", "done"])
def test_no_follow_up_unless_sent(status):
    assert follow_up(MON, status, date(2025, 4, 1)).action == NONE
    assert not follow_up(MON, status, date(2025, 4, 1)).actionable


def test_unsent_ask_has_no_follow_up():
    assert follow_up(None, "sent", MON).action == NONE


def test_thank_due_monday_to_wednesday():
    assert thank_due(MON) == date(2025, 3, 5)


def test_report_due():
    assert report_due(MON) == date(2025, 4, 2)
    assert report_due(MON, stage_changed_on=date(2025, 3, 20)) == date(2025, 3, 23)
    assert report_due(MON, kind="advice") == date(2025, 3, 17)
    assert report_due(MON, kind="advice", linked=True) == date(2025, 4, 2)


def test_loops_for_favor():
    loops = loops_for_favor("received", "encouragement", MON, person_name="Ana")
    assert [(lp.kind, lp.due) for lp in loops] == [("thank", date(2025, 3, 5))]
    assert "Ana" in loops[0].reason
    # Advice and insight: tell them how it panned out, two weeks on (issue 13, item 6).
    for kind in ("advice", "insight"):
        loops = loops_for_favor("received", kind, MON, person_name="Ana")
        assert [(lp.kind, lp.due) for lp in loops] == [("thank", date(2025, 3, 5)), ("report", date(2025, 3, 17))]
        assert "due 14 days after" in loops[1].reason
    linked = loops_for_favor("received", "advice", MON, linked_lead=True)
    assert linked[1].due == date(2025, 4, 2) and "lead/introduction moves" in linked[1].reason
    loops = loops_for_favor("received", "introduction", MON)
    assert [lp.kind for lp in loops] == ["thank", "report"]
    assert loops[1].due == date(2025, 4, 2)
    assert [lp.kind for lp in loops_for_favor("received", "advice", MON, linked_lead=True)] == ["thank", "report"]
    assert [lp.kind for lp in loops_for_favor("received", "share", MON, linked_introduction=True)] == [
        "thank",
        "report",
    ]
    assert loops_for_favor("given", "introduction", MON) == []


@pytest.mark.parametrize("kind", ["referral", "introduction", "lead", "resume_feedback"])
def test_report_kinds(kind):
    assert needs_report(kind)


def test_report_not_for_small_favors():
    assert not needs_report("encouragement") and not needs_report("share")
    assert needs_report("advice") and needs_report("insight")


def test_landed_job_reports_to_every_contributor_and_giver():
    assert landed_job_recipients([3, 1], [1, 5, 3, 7]) == [3, 1, 5, 7]
    assert landed_job_recipients([], []) == []

"""Credit along the chain: everyone a lead came through - the person, whoever introduced me to
them, and so on - is told when it moves (P6), before the landing as well as at it."""

from datetime import date, timedelta

from django.db.models import Q

from goodloop.core import rules
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Favor, Loop
from goodloop.search.models import Lead


def _their_part(account, lead: Lead, person, contributors) -> tuple[str, Favor | None]:
    """What this contributor did for the lead, in words, and the favor it was (when recorded)."""
    introduced = [p for p in contributors if p.met_through_id == person.id and p.id != person.id]
    favor = None
    if introduced:
        favor = (Favor.objects.filter(account=account, person=person, direction="received", kind="introduction",
                                      introduction__introduced__in=introduced).order_by("-date", "-id").first())
        return f"your introduction to {introduced[0].display_name} led to it", favor
    favor = (Favor.objects.filter(account=account, person=person, direction="received", lead=lead)
             .order_by("-date", "-id").first())
    return "you helped with it", favor


def reports_for_move(account, lead: Lead, when: date) -> list[Loop]:
    """A lead moved: each contributor is owed a report 3 days later. A report they are already owed
    for this lead moves (done by ``reschedule_reports``); an open report not tied to another lead
    (their advice, or the introduction that led here) becomes this one, so each person gets one
    update."""
    due = when + timedelta(days=rules.REPORT_AFTER_STAGE_CHANGE_DAYS)
    contributors = list(lead.contributors.all())
    opened = []
    for person in contributors:
        owed = Loop.objects.filter(account=account, person=person, kind="report", status="open")
        if owed.filter(Q(lead=lead) | Q(favor__lead=lead)).exists():
            continue
        part, favor = _their_part(account, lead, person, contributors)
        reason = (f"The {lead.title} lead at {lead.organization.name} moved to {lead.stage} on {when.isoformat()} "
                  f"({part}): tell {person.display_name} how it is going.")
        # Not about another lead: their advice, or the introduction that led here.
        loose = owed.filter(lead__isnull=True, favor__lead__isnull=True).order_by("due", "id").first()
        if loose is not None:
            loose.lead, loose.due, loose.reason = lead, min(loose.due, due), reason[:500]
            loose.save(update_fields=["lead", "due", "reason"])
            opened.append(loose)
            continue
        opened.append(loop_service.open_loop(account, person, "report", due, reason, when, lead=lead, favor=favor))
    return opened

"""The search landed: accepting a lead closes the rest of the search, and can be undone.

Accepting an offer withdraws the other active leads, closes the targets and withdraws the asks
still waiting for an answer (so Today stops nudging about them), records what it closed on a
:class:`~goodloop.search.models.Landing`, and then the thank-everyone campaign
(:mod:`goodloop.helploop.landing`) tells each contributor. Moving the accepted lead back to any
other stage undoes the landing: each lead, target and ask returns to what it was.
"""

from dataclasses import dataclass, field
from datetime import date

from goodloop.core import rules
from goodloop.helploop import asks as ask_service
from goodloop.helploop.models import Ask, Loop
from goodloop.search.models import Landing, Lead, LeadStageChange, Target

ACTIVE_LEAD_STAGES = tuple(s for s in rules.LEAD_STAGES if s not in rules.LEAD_CLOSED_STAGES)


@dataclass
class Landed:
    """What landing closed (or undoing it restored), for the caller to list."""

    landing: Landing
    leads: list[Lead] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)

    def as_dict(self) -> dict:
        was = {x["id"]: x["stage"] for x in self.landing.withdrawn_leads}
        return {"landing": self.landing.id, "on": self.landing.on.isoformat(),
                "undone_on": self.landing.undone_on.isoformat() if self.landing.undone_on else None,
                "leads": [{"id": x.id, "title": x.title, "organization": x.organization.name, "stage": x.stage,
                           "was": was.get(x.id)} for x in self.leads],
                "targets": [{"id": t.id, "organization": t.organization.name, "status": t.status}
                            for t in self.targets],
                "asks": [{"id": a.id, "person": a.person.display_name, "status": a.status} for a in self.asks]}


def current(account) -> Landing | None:
    """The landing in force (not undone), latest first."""
    return (Landing.objects.filter(account=account, undone_on__isnull=True)
            .select_related("lead__organization").first())


def latest_for(account, lead: Lead) -> Landed | None:
    """The latest landing of this lead (in force or undone), described, or None."""
    landing = Landing.objects.filter(account=account, lead=lead).order_by("-id").first()
    return describe(landing) if landing else None


def describe(landing: Landing) -> Landed:
    """A landing with the leads, targets and asks it closed (as they are now), for listing."""
    account = landing.account_id
    return Landed(
        landing,
        list(Lead.objects.filter(account=account, id__in=[x["id"] for x in landing.withdrawn_leads])
             .select_related("organization").order_by("id")),
        list(Target.objects.filter(account=account, id__in=[x["id"] for x in landing.closed_targets])
             .select_related("organization").order_by("priority", "id")),
        list(Ask.objects.filter(account=account, id__in=[x["id"] for x in landing.withdrawn_asks])
             .select_related("person").order_by("id")))


def land(account, lead: Lead, when: date) -> Landed:
    """Close the rest of the search around the accepted `lead` (see the module docstring)."""
    others = list(Lead.objects.filter(account=account, stage__in=ACTIVE_LEAD_STAGES).exclude(id=lead.id)
                  .select_related("organization").order_by("id"))
    targets = list(Target.objects.filter(account=account).exclude(status="closed")
                   .select_related("organization").order_by("priority", "id"))
    waiting = list(Ask.objects.filter(account=account, direction="made", status__in=rules.ASK_OPEN_STATUSES)
                   .select_related("person").order_by("id"))
    landing = Landing.objects.create(
        account=account, lead=lead, on=when,
        withdrawn_leads=[{"id": x.id, "stage": x.stage} for x in others],
        closed_targets=[{"id": t.id, "status": t.status} for t in targets],
        withdrawn_asks=[{"id": a.id, "status": a.status} for a in waiting])
    for other in others:
        # Without LeadMoved: the landing report, not a "withdrawn" report, is what they are owed.
        _set_stage(account, other, "withdrawn", when)
    for target in targets:
        target.status = "closed"
        target.save(update_fields=["status", "updated"])
    for ask in waiting:
        ask_service.close(ask, "withdrawn", when, f"You landed {lead.title} at {lead.organization.name}")
    # The 3B7 follow-up loops of the withdrawn asks stop too.
    Loop.objects.filter(account=account, status="open", kind="follow_up", ask__in=waiting).update(
        status="skipped", closed_on=when, note="The search landed.")
    return Landed(landing, others, targets, waiting)


def undo(account, lead: Lead, when: date) -> Landed | None:
    """The accepted lead moved back: restore what its landing closed (None if there was none)."""
    landing = Landing.objects.filter(account=account, lead=lead, undone_on__isnull=True).first()
    if landing is None:
        return None
    restored = Landed(landing)
    leads = Lead.objects.filter(account=account, id__in=[x["id"] for x in landing.withdrawn_leads])
    by_id = {x.id: x for x in leads.select_related("organization")}
    for row in landing.withdrawn_leads:
        other = by_id.get(row["id"])
        if other is not None and other.stage == "withdrawn":  # untouched since the landing
            _set_stage(account, other, row["stage"], when)
            restored.leads.append(other)
    targets = {t.id: t for t in Target.objects.filter(account=account, id__in=[x["id"] for x in
                                                                                landing.closed_targets])}
    for row in landing.closed_targets:
        target = targets.get(row["id"])
        if target is not None and target.status == "closed":
            target.status = row["status"]
            target.save(update_fields=["status", "updated"])
            restored.targets.append(target)
    asks = {a.id: a for a in Ask.objects.filter(account=account, id__in=[x["id"] for x in landing.withdrawn_asks])
            .select_related("person")}
    for row in landing.withdrawn_asks:
        ask = asks.get(row["id"])
        if ask is not None and ask.status == "withdrawn":
            ask.status, ask.closed_on, ask.closed_reason = row["status"], None, ""
            ask.save(update_fields=["status", "closed_on", "closed_reason", "updated"])
            restored.asks.append(ask)
    # The thank-everyone reports about this landing are no longer true.
    Loop.objects.filter(account=account, status="open", kind="report", lead=lead).update(
        status="skipped", closed_on=when, note="The landing was undone.")
    landing.undone_on = when
    landing.save(update_fields=["undone_on"])
    return restored


def _set_stage(account, lead: Lead, stage: str, when: date) -> None:
    lead.stage, lead.stage_changed_on = stage, when
    lead.save(update_fields=["stage", "stage_changed_on", "updated"])
    LeadStageChange.objects.create(account=account, lead=lead, stage=stage, date=when)

"""Leads: job opportunities, attributed to the people and introductions that produced them (P6)."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Min

from goodloop.core import loops as loop_rules
from goodloop.core import rules
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.leads.models import Lead, LeadStageChange

from . import loops as loop_service
from . import organizations
from .errors import NotFound, ServiceError
from .people import web_url


@transaction.atomic
def add(account, org_name: str, title: str, via=None, when: date | None = None, url: str = "",
        source: str | None = None, stage: str = "identified") -> Lead:
    """A new lead at an organization; `via` is the person it came through (a contributor)."""
    title = (title or "").strip()
    if not title:
        raise ServiceError("a lead needs a role title", field="title")
    if stage not in rules.LEAD_STAGES:
        raise ServiceError(f"stage must be one of: {', '.join(rules.LEAD_STAGES)}", field="stage")
    source = source or ("person" if via is not None else "other")
    if source not in rules.LEAD_SOURCES:
        raise ServiceError(f"source must be one of: {', '.join(rules.LEAD_SOURCES)}", field="source")
    url = web_url(url) if (url or "").strip() else ""
    when = when or date.today()
    org = organizations.get_or_create(account, org_name)
    lead = Lead.objects.create(account=account, organization=org, title=title[:300], url=url, stage=stage,
                               source=source, source_person=via, created_on=when, stage_changed_on=when)
    LeadStageChange.objects.create(account=account, lead=lead, stage=stage, date=when)
    if via is not None:
        lead.contributors.add(via)
    return lead


def get(account, lead_id: int) -> Lead:
    lead = Lead.objects.filter(account=account, id=lead_id).select_related("organization").first()
    if lead is None:
        raise NotFound(f"no lead with id {lead_id}")
    return lead


@transaction.atomic
def move(account, lead_id: int, stage: str, when: date | None = None) -> tuple[Lead, list[Loop]]:
    """Move a lead to a new stage. Every contributor is owed a report 3 days later; reaching
    `accepted` starts the thank-everyone campaign. Returns the lead and the loops opened."""
    if stage not in rules.LEAD_STAGES:
        raise ServiceError(f"stage must be one of: {', '.join(rules.LEAD_STAGES)} (got {stage!r})", field="stage")
    lead = get(account, lead_id)
    when = when or date.today()
    if stage == lead.stage:
        return lead, []
    lead.stage, lead.stage_changed_on = stage, when
    lead.save(update_fields=["stage", "stage_changed_on"])
    LeadStageChange.objects.create(account=account, lead=lead, stage=stage, date=when)
    loop_service.reschedule_reports(account, when, lead=lead)
    if stage == "accepted":
        return lead, thank_everyone(account, lead, when)
    opened = []
    due = when + timedelta(days=rules.REPORT_AFTER_STAGE_CHANGE_DAYS)
    for person in lead.contributors.all():
        if not Loop.objects.filter(account=account, person=person, kind="report", status="open", lead=lead).exists():
            opened.append(loop_service.open_loop(
                account, person, "report", due,
                f"The {lead.title} lead at {lead.organization.name} you helped with moved to {stage} on "
                f"{when.isoformat()}: tell {person.display_name} how it is going.", when, lead=lead))
    return lead, opened


def search_started(account, lead: Lead) -> date:
    """The search began at the first ask, lead or favor received, whichever came first."""
    firsts = [
        Ask.objects.filter(account=account, direction="made").aggregate(d=Min("date"))["d"],
        Lead.objects.filter(account=account).aggregate(d=Min("created_on"))["d"],
        Favor.objects.filter(account=account, direction="received").aggregate(d=Min("date"))["d"],
    ]
    return min([d for d in firsts if d] or [lead.created_on])


def thank_everyone(account, lead: Lead, when: date) -> list[Loop]:
    """Landing a job: one report loop per contributor and per person who did me a favor
    during the search, each with a draft naming what they did."""
    from goodloop.core import drafts

    since = search_started(account, lead)
    favors = Favor.objects.filter(account=account, direction="received", date__gte=since, date__lte=when)
    helped: dict[int, list[str]] = {}
    people = {}
    for f in favors.select_related("person").order_by("date", "id"):
        helped.setdefault(f.person_id, []).append(f.note or f.kind.replace("_", " "))
        people[f.person_id] = f.person
    contributors = list(lead.contributors.all())
    for p in contributors:
        people[p.id] = p
    recipients = loop_rules.landed_job_recipients([p.id for p in contributors], list(helped))
    opened = []
    due = when + timedelta(days=rules.REPORT_AFTER_STAGE_CHANGE_DAYS)
    for pid in recipients:
        person = people[pid]
        did = helped.get(pid) or [f"help with the {lead.title} role"]
        what = "; ".join(dict.fromkeys(did))
        draft = drafts.landed(person.display_name, lead.organization.name, lead.title, helped_with=what)
        reason = f"You landed {lead.title} at {lead.organization.name}: tell {person.display_name}, who helped with {what}."
        existing = Loop.objects.filter(account=account, person=person, kind="report", status="open").order_by("id")
        first = existing.first()
        if first is not None:
            # One report per person: fold the campaign into the report they are already owed.
            existing.exclude(id=first.id).update(status="done", closed_on=when, note="folded into the landing report")
            first.due, first.reason, first.draft, first.lead = due, reason[:500], draft, lead
            first.save(update_fields=["due", "reason", "draft", "lead"])
            opened.append(first)
        else:
            opened.append(loop_service.open_loop(account, person, "report", due, reason, when, draft=draft, lead=lead))
    return opened


def as_dict(lead: Lead) -> dict:
    """A lead as the API and `leads --json` show it, with the people credited for it."""
    contributors = sorted(lead.contributors.all(), key=lambda p: p.id)  # prefetched by lists
    return {"id": lead.id, "stage": lead.stage, "organization": lead.organization.name, "title": lead.title,
            "contributors": [{"id": p.id, "name": p.display_name} for p in contributors]}

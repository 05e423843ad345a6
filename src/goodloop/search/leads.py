"""Leads: job opportunities, attributed to the people and introductions that produced them (P6)."""

from datetime import date

from django.db import transaction
from django.db.models import Q

from goodloop import clock, events
from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.network import organizations
from goodloop.network.deletion import delete_owned
from goodloop.network.people import web_url
from goodloop.search.models import Introduction, Lead, LeadStageChange

MAX_CHAIN = 5  # introductions of introductions: a handful of links at most (and no loops)


def introduction_chain(account, person) -> list[tuple]:
    """Who introduced `person` to me, and who introduced them, and so on: ``[(introducer,
    introduction or None), ...]``, nearest first. An introduction made for me (made or met)
    counts first; else the person's "met through"."""
    chain, seen, current = [], {person.id}, person
    while len(chain) < MAX_CHAIN:
        intro = (Introduction.objects.filter(account=account, introduced=current, introducee__is_me=True,
                                             status__in=("made", "met"))
                 .select_related("introducer").order_by("-made_on", "-id").first())
        introducer = intro.introducer if intro else current.met_through if current.met_through_id else None
        if introducer is None or introducer.id in seen or introducer.is_me:
            break
        chain.append((introducer, intro))
        seen.add(introducer.id)
        current = introducer
    return chain


@transaction.atomic
def add(account, org_name: str, title: str, via=None, when: date | None = None, url: str = "",
        source: str | None = None, stage: str = "identified") -> Lead:
    """A new lead at an organization; `via` is the person it came through (a contributor). When
    `via` was met through an introduction, the introducer is credited too, and theirs, up the
    chain (P6: credit every link)."""
    title = (title or "").strip()
    if not title:
        raise ServiceError("a lead needs a role title", field="title")
    if stage not in rules.LEAD_STAGES:
        raise ServiceError(f"stage must be one of: {', '.join(rules.LEAD_STAGES)}", field="stage")
    source = source or ("person" if via is not None else "other")
    if source not in rules.LEAD_SOURCES:
        raise ServiceError(f"source must be one of: {', '.join(rules.LEAD_SOURCES)}", field="source")
    url = web_url(url) if (url or "").strip() else ""
    when = when or clock.today(account)
    org = organizations.resolve(account, org_name, create=True)
    chain = introduction_chain(account, via) if via is not None else []
    lead = Lead.objects.create(account=account, organization=org, title=title[:300], url=url, stage=stage,
                               source=source, source_person=via, created_on=when, stage_changed_on=when,
                               source_introduction=next((i for _, i in chain if i is not None), None))
    LeadStageChange.objects.create(account=account, lead=lead, stage=stage, date=when)
    if via is not None:
        lead.contributors.add(via, *(p for p, _ in chain))
    return lead


def get(account, lead_id: int) -> Lead:
    lead = Lead.objects.filter(account=account, id=lead_id).select_related("organization").first()
    if lead is None:
        raise NotFound(f"no lead with id {lead_id}")
    return lead


@transaction.atomic
def move(account, lead_id: int, stage: str, when: date | None = None) -> tuple[Lead, list]:
    """Move a lead to a new stage and say so (``LeadMoved``): the help loop owes every
    contributor a report, and `accepted` starts the thank-everyone campaign. Returns the lead
    and the loops the handlers opened."""
    if stage not in rules.LEAD_STAGES:
        raise ServiceError(f"stage must be one of: {', '.join(rules.LEAD_STAGES)} (got {stage!r})", field="stage")
    lead = get(account, lead_id)
    when = when or clock.today(account)
    if stage == lead.stage:
        return lead, []
    old = lead.stage
    lead.stage, lead.stage_changed_on = stage, when
    lead.save(update_fields=["stage", "stage_changed_on"])
    LeadStageChange.objects.create(account=account, lead=lead, stage=stage, date=when)
    moved = events.LeadMoved(lead, old, when)
    events.emit(moved)
    return lead, moved.opened


def list_leads(account, stage: str | None = None, open_only: bool = False, person_id: int | None = None,
               organization_id: int | None = None):
    """Leads, most recently moved first, for the API, `goodloop leads` and their filters: a stage;
    open (not accepted, rejected or withdrawn); a person credited for it or who brought it; an
    organization."""
    qs = Lead.objects.filter(account=account)
    if stage:
        qs = qs.filter(stage=stage)
    if open_only:
        qs = qs.exclude(stage__in=rules.LEAD_CLOSED_STAGES)
    if person_id is not None:
        credited = Lead.contributors.through.objects.filter(person_id=person_id).values("lead_id")
        qs = qs.filter(Q(source_person_id=person_id) | Q(id__in=credited))
    if organization_id is not None:
        qs = qs.filter(organization_id=organization_id)
    return (qs.select_related("organization").prefetch_related("contributors")
            .order_by("-stage_changed_on", "-id"))


def credit(lead: Lead, person, contributors) -> str:
    """Why `person` is credited for the lead, in words ("introduced you to Tess Moreau")."""
    if person.id == lead.source_person_id:
        return "the lead came through them"
    introduced = [p.display_name for p in contributors if p.met_through_id == person.id and p.id != person.id]
    if introduced:
        return f"introduced you to {', '.join(introduced)}"
    return "helped with it"


def as_dict(lead: Lead) -> dict:
    """A lead as the API and `leads --json` show it, with the people credited for it and why."""
    contributors = sorted(lead.contributors.all(), key=lambda p: p.id)  # prefetched by lists
    return {"id": lead.id, "stage": lead.stage, "organization": lead.organization.name, "title": lead.title,
            "contributors": [{"id": p.id, "name": p.display_name, "credit": credit(lead, p, contributors)}
                             for p in contributors]}

@transaction.atomic
def delete_lead(account, lead_id: int) -> None:
    """Delete a lead, its stage history and its loops (favors credited to it stay, unlinked)."""
    delete_owned(Lead, account, lead_id, "lead")

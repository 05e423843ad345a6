"""Landing a job: the thank-everyone campaign that closes the search's loops (essay 004)."""

from dataclasses import replace
from datetime import date, timedelta

from django.db.models import Min

from goodloop.core import drafts, rules
from goodloop.core import loops as loop_rules
from goodloop.core.draft_facts import Help
from goodloop.helploop import favors as favor_service
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.search.models import Landing, Lead


def search_started(account, lead: Lead) -> date:
    """The search began at the first ask, lead or favor received, whichever came first."""
    firsts = [
        Ask.objects.filter(account=account, direction="made").aggregate(d=Min("date"))["d"],
        Lead.objects.filter(account=account).aggregate(d=Min("created_on"))["d"],
        Favor.objects.filter(account=account, direction="received").aggregate(d=Min("date"))["d"],
    ]
    return min([d for d in firsts if d] or [lead.created_on])


def _contributors(account, lead: Lead) -> tuple[list, dict]:
    """Everyone credited in the search: the accepted lead's contributors first, then those of the
    leads its landing withdrew; and, for each, the lead they helped with."""
    people, their_lead = list(lead.contributors.all()), {}
    landing = Landing.objects.filter(account=account, lead=lead, undone_on__isnull=True).first()
    withdrawn = [x["id"] for x in landing.withdrawn_leads] if landing else []
    for other in (Lead.objects.filter(account=account, id__in=withdrawn).select_related("organization")
                  .prefetch_related("contributors").order_by("id")):
        for p in other.contributors.all():
            if p.id not in their_lead and all(p.id != q.id for q in people):
                people.append(p)
                their_lead[p.id] = other
    return people, their_lead


def thank_everyone(account, lead: Lead, when: date) -> list[Loop]:
    """Landing a job: one report loop per contributor and per person who did me a favor
    during the search, each with a draft naming what they did."""
    since = search_started(account, lead)
    favors = Favor.objects.filter(account=account, direction="received", date__gte=since, date__lte=when)
    helped: dict[int, list[str]] = {}
    facts: dict[int, list] = {}  # what each did, as facts the draft is written from
    people = {}
    for f in favors.select_related("person", "lead__organization", "introduction__introduced__organization"
                                   ).order_by("date", "id"):
        helped.setdefault(f.person_id, []).append(f.note or f.kind.replace("_", " "))
        facts.setdefault(f.person_id, []).append(favor_service.help_facts(f))
        people[f.person_id] = f.person
    contributors, their_lead = _contributors(account, lead)
    for p in contributors:
        people[p.id] = p
    for p in contributors:
        # Their part in the lead they are credited on. On the accepted lead, a favor of theirs tied to
        # no organization was part of it; on a withdrawn lead it is named apart, as that lead is.
        other = their_lead.get(p.id, lead)
        did = facts.get(p.id, [])
        if other is lead:
            did = [h if h.organization else replace(h, organization=lead.organization.name) for h in did]
        if not any(h.organization == other.organization.name for h in did):
            did = [Help("other", organization=other.organization.name, role=other.title), *did]
        facts[p.id] = did
    recipients = loop_rules.landed_job_recipients([p.id for p in contributors], list(helped))
    opened = []
    due = when + timedelta(days=rules.REPORT_AFTER_STAGE_CHANGE_DAYS)
    for pid in recipients:
        person = people[pid]
        other = their_lead.get(pid, lead)
        did = helped.get(pid) or [f"help with the {other.title} role at {other.organization.name}"]
        what = "; ".join(dict.fromkeys(did))
        draft = drafts.landed(person.display_name, lead.organization.name, lead.title, helped=facts.get(pid, []))
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

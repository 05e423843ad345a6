"""Read queries for the search pages (Targets, Introductions, Leads): each in a fixed number
of SQL queries, however large the network is."""

from collections import defaultdict

from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber

from goodloop.core import intro_drafts
from goodloop.core import rules as v
from goodloop.errors import NotFound
from goodloop.helploop.models import Ask, Loop
from goodloop.network.models import Person, Role
from goodloop.search import introductions as intro_service
from goodloop.search.models import Brief, Introduction, Lead, Target

OPEN_ASK_STATUSES = ("draft", "sent")


def coach_brief_asks(account, lines: list[str], people_categories: list[str]) -> list[dict]:
    """The brief coach's reading of unsaved "how you can help" lines, with the context
    brief.content uses (targets in priority order; the categories as typed). One query; saves nothing."""
    from goodloop.core import brief_coach

    targets = tuple(Target.objects.filter(account=account).exclude(status="closed").order_by("priority", "id")
                    .values_list("organization__name", flat=True))
    return [dict(item, text=text) for text, item in
            zip(lines[:20], brief_coach.read_items([t[:2000] for t in lines[:20]], targets, people_categories), strict=True)]


def target_for_page(account, pk: int) -> Target:
    from goodloop.search import targets

    target = targets.list_targets(account).filter(pk=pk).first()
    if target is None:
        raise NotFound(f"no target with id {pk}")
    return target


def target_extras(account, targets, per_org: int = 5) -> dict[int, dict]:
    """For each target's organization: people who used to work there, open asks about it, and
    open leads there — at most `per_org` of each, in three queries."""
    org_ids = [t.organization_id for t in targets]
    out: dict[int, dict] = {o: {"former": [], "asks": [], "leads": []} for o in org_ids}
    if not org_ids:
        return out
    former = (Role.objects.filter(account=account, organization_id__in=org_ids, current=False, person__is_me=False)
              .exclude(person__organization_id=F("organization_id"))
              .annotate(row=Window(RowNumber(), partition_by=[F("organization_id")],
                                   order_by=[F("end").desc(nulls_last=True), F("person__display_name").asc(),
                                             F("id").asc()]))
              .filter(row__lte=per_org).order_by("organization_id", "row")
              .values("organization_id", "person_id", "person__display_name", "title", "end"))
    for r in former:
        out[r["organization_id"]]["former"].append(
            {"id": r["person_id"], "name": r["person__display_name"], "title": r["title"], "end": r["end"]})
    through = Ask.organizations.through
    asks = (through.objects.filter(organization_id__in=org_ids, ask__account=account, ask__direction="made",
                                   ask__status__in=OPEN_ASK_STATUSES)
            .annotate(row=Window(RowNumber(), partition_by=[F("organization_id")],
                                 order_by=[F("ask__date").desc(), F("ask_id").desc()]))
            .filter(row__lte=per_org).order_by("organization_id", "row")
            .values("organization_id", "ask_id", "ask__text", "ask__status", "ask__date", "ask__person_id",
                    "ask__person__display_name"))
    for r in asks:
        out[r["organization_id"]]["asks"].append(
            {"id": r["ask_id"], "text": r["ask__text"], "status": r["ask__status"], "date": r["ask__date"],
             "person": {"id": r["ask__person_id"], "name": r["ask__person__display_name"]}})
    leads = (Lead.objects.filter(account=account, organization_id__in=org_ids)
             .exclude(stage__in=v.LEAD_CLOSED_STAGES)
             .annotate(row=Window(RowNumber(), partition_by=[F("organization_id")],
                                  order_by=[F("stage_changed_on").desc(), F("id").desc()]))
             .filter(row__lte=per_org).order_by("organization_id", "row")
             .values("organization_id", "id", "title", "stage"))
    for r in leads:
        out[r["organization_id"]]["leads"].append({"id": r["id"], "title": r["title"], "stage": r["stage"]})
    return out


# Introductions ---------------------------------------------------------------------------

INTRO_NEXT = {"requested": "opt_in_asked", "opt_in_asked": "made", "made": "met"}


def introductions(account):
    return (Introduction.objects.filter(account=account)
            .select_related("introducer", "introducee", "introduced", "introduced__organization")
            .order_by("-requested_on", "-id"))


def introduction_for_page(account, pk: int) -> Introduction:
    intro = introductions(account).filter(pk=pk).first()
    if intro is None:
        raise NotFound(f"no introduction with id {pk}")
    return intro


def introduction_rows(account, intros) -> list[dict]:
    """Each introduction with its three double opt-in drafts (the same as
    introductions.drafts_for, with the brief read once) and the loops it opened: two queries."""
    intros = list(intros)
    brief = Brief.objects.filter(account=account).first()
    headline = brief.headline if brief else ""
    loops = defaultdict(list)
    for loop in (Loop.objects.filter(account=account, introduction_id__in=[i.id for i in intros])
                 .select_related("person").order_by("due", "id")):
        loops[loop.introduction_id].append(loop)
    rows = []
    for intro in intros:
        blurb, drafts = intro_drafts.all_drafts(intro_service.facts_for(intro, headline))
        rows.append({"intro": intro, "drafts": drafts, "blurb": blurb, "loops": loops[intro.id],
                     "next": INTRO_NEXT.get(intro.status),
                     "mine": intro.introducee.is_me, "giver": intro.introducer.is_me,
                     "steps": _steps(intro.status)})
    return rows


def _steps(status: str) -> list[dict]:
    order = ("requested", "opt_in_asked", "made", "met")
    reached = order.index(status) if status in order else -1
    return [{"status": s, "done": i <= reached, "current": s == status} for i, s in enumerate(order)]


def intro_counts(account) -> dict[str, int]:
    counts = dict(Introduction.objects.filter(account=account).values_list("status").annotate(n=Count("id")))
    return {s: counts.get(s, 0) for s in v.INTRO_STATUSES}


# Leads -------------------------------------------------------------------------------------

CARDS_PER_STAGE = 60


def lead_board(account) -> list[dict]:
    """A column per stage, newest move first, at most CARDS_PER_STAGE cards each (three queries)."""
    counts = dict(Lead.objects.filter(account=account).values_list("stage").annotate(n=Count("id")))
    others = Person.objects.filter(account=account).only("id", "display_name").order_by("display_name")
    leads = (Lead.objects.filter(account=account)
             .annotate(row=Window(RowNumber(), partition_by=[F("stage")],
                                  order_by=[F("stage_changed_on").desc(), F("id").desc()]))
             .filter(row__lte=CARDS_PER_STAGE)
             .select_related("organization", "source_person")
             .prefetch_related(Prefetch("contributors", queryset=others))
             .order_by("stage", "row"))
    by_stage = defaultdict(list)
    for lead in leads:
        by_stage[lead.stage].append(lead)
    return [{"stage": s, "label": s.replace("_", " "), "leads": by_stage[s], "count": counts.get(s, 0),
             "closed": s in v.LEAD_CLOSED_STAGES} for s in v.LEAD_STAGES]


def lead_for_page(account, pk: int) -> Lead:
    others = Person.objects.filter(account=account).only("id", "display_name").order_by("display_name")
    lead = (Lead.objects.filter(account=account, pk=pk).select_related("organization", "source_person")
            .prefetch_related(Prefetch("contributors", queryset=others)).first())
    if lead is None:
        raise NotFound(f"no lead with id {pk}")
    return lead

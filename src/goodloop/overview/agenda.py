"""Today: the ranked agenda of what I owe and what is due, each with a reason and a draft."""

from datetime import date, timedelta
from typing import NamedTuple

from django.db.models import Q

from goodloop import clock
from goodloop.core import agenda as agenda_rules
from goodloop.core import cadence, drafts, rules
from goodloop.core.draft_facts import Help, intro_outcome, lead_outcome
from goodloop.helploop import rhythm, snoozes
from goodloop.helploop import strength as strength_service
from goodloop.helploop.favors import help_facts
from goodloop.helploop.models import Loop
from goodloop.network.models import Person
from goodloop.overview import first_steps, followups
from goodloop.search.models import Brief, Lead, Target

LOOP_HORIZON_DAYS = rules.AGENDA_LOOP_HORIZON_DAYS
CHECK_IN_POOL = 60  # check-ins considered per day, picked in SQL before strength is computed
STALE_LEAD_DAYS = 14  # a lead untouched this long gets a next-step suggestion
MAX_GIVES = 5
ACTIVE_LEAD_STAGES = ("identified", "networking", "referred", "applied", "interviewing", "offer")


def today(account, when: date | None = None, limit: int | None = 50, *,
          check_ins: int = rules.AGENDA_DAILY_CHECK_INS,
          reconnects: int = rules.AGENDA_DAILY_RECONNECTS) -> list[agenda_rules.AgendaItem]:
    """The ranked agenda for `when` (default today): loops, 3B7 follow-ups, gives, check-ins, lead
    steps and a few people to reconnect with (first steps too on a store with no history yet);
    one item per person, snoozed items hidden, at most `check_ins` check-ins and `reconnects`."""
    when = when or clock.today(account)
    targets = list(Target.objects.filter(account=account).exclude(status="closed").order_by("priority", "id")
                   .values_list("organization_id", "organization__name"))
    target_orgs = {org_id for org_id, _ in targets}
    from goodloop.giving import capacity

    loop_items = list(_loop_candidates(account, when, target_orgs))
    looped = {c.person_id for c in loop_items if c.kind == "check_in"}  # a check-in loop wins over cadence
    fresh = first_steps.is_day_one(account)
    building = [c for c in _building_candidates(account, when, target_orgs) if c.person_id not in looped]
    looped |= {c.person_id for c in building}  # met through an introduction: the building rhythm, not the tier
    candidates = [
        *(first_steps.first_step_candidates(account, when, targets) if fresh else ()),
        *loop_items,
        *followups.candidates(account, when),
        # Gives are batched into the chosen giving days (chunking); every day when none are chosen.
        *(_give_candidates(account, when) if capacity.is_giving_day(account, when) else ()),
        *building,
        *(c for c in _check_in_candidates(account, when, target_orgs) if c.person_id not in looped),
        *_lead_step_candidates(account, when),
        *(first_steps.reconnect_candidates(account, when, targets) if reconnects > 0 else ()),
    ]
    return agenda_rules.rank(candidates, when, horizon_days=LOOP_HORIZON_DAYS, limit=limit,
                             max_check_ins=check_ins, max_reconnects=reconnects,
                             skip_keys=snoozes.hidden_keys(account, when))


def _loop_candidates(account, when, target_orgs):
    loops = (Loop.objects.filter(account=account, status="open", due__lte=when + timedelta(days=LOOP_HORIZON_DAYS))
             .select_related("person", "favor__lead__organization", "favor__introduction__introduced__organization",
                             "lead__organization", "introduction__introduced__organization"))
    for loop in loops:
        yield agenda_rules.Candidate(
            kind=loop.kind, person_name=loop.person.display_name, person_id=loop.person_id, due=loop.due,
            tier=loop.person.tier, near_target=loop.person.organization_id in target_orgs,
            reason=loop.reason, draft=loop.draft or _loop_draft(loop, when), ref={"loop": loop.id},
        )


def _loop_draft(loop: Loop, when: date) -> str:
    """A thank-you or report written from the facts: what they did (the favor's kind, whom,
    where) and what came of it (the lead's stage or the introduction's status)."""
    name, favor = loop.person.display_name, loop.favor
    lead = loop.lead or (favor.lead if favor else None)
    if favor is not None:
        what = help_facts(favor, lead)
    elif lead is not None:
        what = Help("lead", organization=lead.organization.name, role=lead.title)
    else:
        what = Help("other")
    helped_on = favor.date if favor else None
    if loop.kind == "thank":
        return drafts.thank_you(name, what, helped_on, when)
    if loop.kind == "report":
        intro = loop.introduction or (favor.introduction if favor else None)
        if lead is not None:
            outcome = lead_outcome(lead.stage, lead.title, lead.organization.name)
        elif intro is not None:
            target = intro.introduced
            outcome = intro_outcome(intro.status, target.display_name,
                                    target.organization.name if target.organization_id else "")
        else:
            outcome = None
        return drafts.report(name, what, outcome, when=helped_on, today=when)
    return ""


def _give_candidates(account, when):
    """A recorded need that matches what I offer (the brief) or an organization where I know someone."""
    brief = Brief.objects.filter(account=account).first()
    offers = [o for o in (brief.offers if brief else []) if o]
    needy = list(Person.objects.filter(account=account).exclude(id=account.me_id).exclude(needs=[])
                 .exclude(tier="dormant").only("id", "display_name", "tier", "needs")[:200])
    if not needy:
        return
    open_gives = set(Loop.objects.filter(account=account, kind="give", status="open").values_list("person_id",
                                                                                                   flat=True))
    from goodloop.giving import gives

    found = gives.suggestions(account, [p for p in needy if p.id not in open_gives], offers)
    # A few gives a day, closest tiers first: giving in chunks beats spreading thin.
    chosen = sorted((p for p in needy if p.id in found), key=lambda p: (rules.TIERS.index(p.tier), p.id))
    for person in chosen[:MAX_GIVES]:
        give = found[person.id]
        yield agenda_rules.Candidate(
            kind="give", person_name=person.display_name, person_id=person.id, due=when, tier=person.tier,
            reason=f"{person.display_name} is looking for {give.need}. {give.reason}",
            draft=drafts.give(person.display_name, give.need, give.offer), ref={"person": person.id})


class _Due(NamedTuple):
    """A person in the check-in pool: a few hundred are read for sixty kept, so tuples, not models."""

    id: int
    display_name: str
    tier: str
    last_touch: date | None
    cadence_days: int | None
    connected_on: date | None
    organization_id: int | None
    needs: list


def _check_in_pool(account, when) -> list:
    """Up to CHECK_IN_POOL people due a check-in: closest tiers first, then longest unseen.

    One query made of small index walks: per tier, the longest-unseen people past the tier's
    cadence ((account, tier, last_touch)), and the few people with a cadence set by hand
    (checked against their own cadence below). People never contacted have no rhythm yet:
    they come as reconnects, a few a day, not as overdue check-ins.
    """
    people = Person.objects.filter(account=account).exclude(id=account.me_id).exclude(tier="dormant")
    walks = [people.filter(cadence_days__isnull=False, last_touch__isnull=False)]
    for tier in rules.TIERS:
        days = rules.CADENCE_DAYS.get(tier)
        if days is None:
            continue
        cutoff = when - timedelta(days=days)
        by_default = people.filter(tier=tier, cadence_days__isnull=True)
        walks.append(by_default.filter(last_touch__lte=cutoff).order_by("last_touch", "id")[:CHECK_IN_POOL])
    found = Q()
    for walk in walks:
        found |= Q(id__in=walk.values("id"))
    rank = {t: i for i, t in enumerate(rules.TIERS)}
    pool = []
    for row in Person.objects.filter(found).order_by().values_list(*_Due._fields):
        p = _Due(*row)
        st = cadence.cadence_status(p.tier, p.last_touch, when, p.cadence_days, p.connected_on)
        if st.due:
            pool.append((p, st))
    # Earliest due first (Today orders by due date); the closer tier breaks a tie.
    pool.sort(key=lambda ps: (ps[1].next_due, rank.get(ps[0].tier, 9), ps[0].id))
    del pool[CHECK_IN_POOL:]
    return pool


def _check_in_candidates(account, when, target_orgs):
    statuses = _check_in_pool(account, when)
    scores = strength_service.scores(account, [p.id for p, _ in statuses], when)
    for p, st in statuses:
        days_since = (when - p.last_touch).days if p.last_touch else None
        yield agenda_rules.Candidate(
            kind="check_in", person_name=p.display_name, person_id=p.id, due=st.next_due, tier=p.tier,
            strength=scores.get(p.id, 0), near_target=p.organization_id in target_orgs, reason=st.reason,
            draft=drafts.check_in(p.display_name, their_need=(p.needs or [""])[0], days_since=days_since),
            ref={"person": p.id},
        )


def _building_candidates(account, when, target_orgs):
    """People met through an introduction: a follow-up a week after, then monthly for three months."""
    for b in rhythm.building(account, when):
        if not b.status.due:
            continue
        p = b.person
        yield agenda_rules.Candidate(
            kind="check_in", person_name=p.display_name, person_id=p.id, due=b.status.next_due, tier=p.tier,
            near_target=p.organization_id in target_orgs, reason=b.status.reason, draft=b.draft(when),
            ref={"person": p.id},
        )


def _lead_step_candidates(account, when):
    stale = when - timedelta(days=STALE_LEAD_DAYS)
    leads = (Lead.objects.filter(account=account, stage__in=ACTIVE_LEAD_STAGES, stage_changed_on__lte=stale)
             .exclude(source_person__isnull=True).select_related("organization", "source_person")[:50])
    for lead in leads:
        p = lead.source_person
        days = (when - lead.stage_changed_on).days
        yield agenda_rules.Candidate(
            kind="lead_step", person_name=p.display_name, person_id=p.id,
            due=lead.stage_changed_on + timedelta(days=STALE_LEAD_DAYS), tier=p.tier,
            reason=f"The {lead.title} lead at {lead.organization.name} has been {lead.stage} for {days} days: "
                   f"ask {p.display_name} for the next step.",
            draft=drafts.lead_step(p.display_name, lead.title, lead.organization.name, lead.stage),
            ref={"lead": lead.id},
        )


def as_dicts(items) -> list[dict]:
    """The `today --json` list, with what one-click "done" needs (`ref`)."""
    out = []
    for item in items:
        d = item.as_dict()
        d["ref"] = item.ref
        out.append(d)
    return out

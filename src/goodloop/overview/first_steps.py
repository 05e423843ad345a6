"""Today for people never contacted, and for a store with no history yet.

A connection or import date is not contact (issue 13): nobody imported from LinkedIn is
"2242 days overdue". Instead Today offers a short "reconnect" list, best placed first
(works at a target, then closer tiers, then the most recent connections), each with an
honest reason. On a store with people and targets but nothing recorded yet, it also
proposes first steps: your name and brief, and the warm path to your #1 target.
"""

from datetime import date

from django.db.models import F

from goodloop.core import agenda as agenda_rules
from goodloop.core import drafts
from goodloop.helploop import paths
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network.models import Interaction, Person, SourceRecord
from goodloop.search.models import Brief

POOL = 12  # never-contacted people read per group; the daily cap keeps three
FORMAT_NAMES = {"linkedin": "LinkedIn", "google": "Google Contacts", "outlook": "Outlook", "vcard": "your contacts"}
_FIELDS = ("id", "display_name", "tier", "connected_on", "organization_id", "organization__name")


def reconnect_candidates(account, when: date, targets: list[tuple[int, str]]):
    """People never contacted, best placed first: at a target (by priority), core and close tiers,
    then the most recent connections. `targets` is [(organization id, name)] in priority order."""
    never = (Person.objects.filter(account=account, last_touch__isnull=True).exclude(id=account.me_id)
             .exclude(tier="dormant"))
    target_rank = {org_id: n for n, (org_id, _) in enumerate(targets, 1)}
    rows = {}
    groups = (never.filter(organization_id__in=list(target_rank)).order_by("id"),
              never.filter(tier__in=("core", "close")).order_by("id"),
              never.filter(tier__in=("active", "wide")).order_by(F("connected_on").desc(nulls_last=True), "id"))
    for qs in groups:
        for row in qs.values_list(*_FIELDS)[:POOL]:
            rows[row[0]] = row
    sources = {}
    for pid, fmt in (SourceRecord.objects.filter(account=account, person_id__in=list(rows))
                     .order_by("id").values_list("person_id", "format")):
        sources.setdefault(pid, fmt)
    tier_points = {"core": 30, "close": 20, "active": 10}
    for pid, name, tier, connected, org_id, org_name in rows.values():
        rank = target_rank.get(org_id)
        # Higher first within the group: a target (the #1 most), then tier, then a recent connection.
        score = (60 - 5 * min(rank, 6) if rank else 0) + tier_points.get(tier, 0)
        yield agenda_rules.Candidate(
            kind="reconnect", person_name=name, person_id=pid, due=when, tier=tier,
            strength=min(score + _recency(connected, when), 100), near_target=False,
            reason=_reason(name, tier, connected, sources.get(pid), org_name, rank),
            draft=drafts.check_in(name, days_since=(when - connected).days if connected else None),
            ref={"person": pid})


def _recency(connected: date | None, when: date) -> float:
    """Up to 9 points for a recent connection: they are more likely to remember you."""
    if connected is None:
        return 0.0
    return max(0.0, 9.0 - (when - connected).days / 365.0)


def _reason(name, tier, connected, fmt, org_name, rank) -> str:
    where = FORMAT_NAMES.get(fmt or "", "")
    if connected:
        first = f"Connected{' on ' + where if where else ''} in {connected.year}"
    elif where:
        first = f"Imported from {where}"
    else:
        first = "Added to your network"
    parts = [first, "no contact recorded"]
    if rank and org_name:
        parts.append(f"works at {org_name}, your #{rank} target")
    elif tier in ("core", "close"):
        parts.append(f"in your {tier} circle")
    elif org_name:
        parts.append(f"works at {org_name}")
    return "; ".join(parts) + f". Say hello to {name} before you need anything."


def is_day_one(account) -> bool:
    """People in the store but nothing recorded with them yet: no interaction, ask, favor or loop."""
    if not Person.objects.filter(account=account).exclude(id=account.me_id).exists():
        return False  # an empty store gets the "getting started" page instead
    return not any(model.objects.filter(account=account).exists() for model in (Interaction, Ask, Favor, Loop))


def first_step_candidates(account, when: date, targets: list[tuple[int, str]]):
    """Day one on a store with people and targets: your name and brief, then a warm path to
    your #1 target (the reconnect list brings the core and close people)."""
    me = account.me
    if me is None or me.display_name.strip() in ("", "Me"):
        yield agenda_rules.Candidate(
            kind="first_step", person_name="You", due=when, ref={"step": "name"}, strength=100,
            reason="Drafts, introductions and your brief sign with your name: set it on the You page "
                   "(or `goodloop person edit me --name \"Your Name\"`).")
    brief = Brief.objects.filter(account=account).first()
    if brief is None or not brief.headline.strip():
        yield agenda_rules.Candidate(
            kind="first_step", person_name="You", due=when, ref={"step": "brief"}, strength=90,
            reason="Write your brief (`goodloop brief`): a one-line headline, the roles you want and how people "
                   "can help, so every ask and introduction can point to it.")
    if not targets:
        return
    org_id, org_name = targets[0]
    found = paths.who(account, org_name, when, limit=3)
    if not found:
        return
    best = found[0]
    yield agenda_rules.Candidate(
        kind="first_step", person_name=best["person"]["name"], person_id=best["person"]["id"], due=when,
        ref={"step": f"path{org_id}"},
        reason=f"{org_name} is your #1 target. Warm path: {best['note']}",
        draft=drafts.second_contact(org_name, new_person=best["person"]["name"]))

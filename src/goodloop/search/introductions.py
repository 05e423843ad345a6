"""Introductions: introducer → introducee → introduced, with double opt-in (P5)."""

from datetime import date

from django.db import transaction
from django.db.models import Q

from goodloop import clock, events
from goodloop.core import intro_drafts, rules
from goodloop.errors import NotFound, ServiceError
from goodloop.search.models import Brief, Introduction


@transaction.atomic
def record(account, introducer, introducee, introduced, purpose: str = "", status: str = "requested",
           when: date | None = None) -> Introduction:
    """Record an introduction (me being introduced, or me introducing two people as a giver)."""
    if status not in rules.INTRO_STATUSES:
        raise ServiceError(f"status must be one of: {', '.join(rules.INTRO_STATUSES)} (got {status!r})",
                           field="status")
    trio = {introducer.id, introducee.id, introduced.id}
    if len(trio) < 3:
        raise ServiceError("an introduction needs three different people (introducer, introducee, introduced)")
    when = when or clock.today(account)
    intro = Introduction.objects.create(account=account, introducer=introducer, introducee=introducee,
                                        introduced=introduced, purpose=purpose or "", status="requested",
                                        requested_on=when, status_changed_on=when)
    if status != "requested":
        intro = move(account, intro.id, status, when)
    return intro


def get(account, intro_id: int) -> Introduction:
    intro = (Introduction.objects.filter(account=account, id=intro_id)
             .select_related("introducer", "introducee", "introduced").first())
    if intro is None:
        raise NotFound(f"no introduction with id {intro_id}")
    return intro


@transaction.atomic
def move(account, intro_id: int, status: str, when: date | None = None) -> Introduction:
    """Advance an introduction. When I am introduced and it is made, the introducer did me a
    favor (thank and report loops open); the introduced person becomes "introduced" and met
    me through the introducer. Every change moves the report loop's due date. The help loop
    does that work on ``IntroductionMoved``."""
    if status not in rules.INTRO_STATUSES:
        raise ServiceError(f"status must be one of: {', '.join(rules.INTRO_STATUSES)} (got {status!r})",
                           field="status")
    intro = get(account, intro_id)
    when = when or clock.today(account)
    if status == intro.status:
        return intro
    old = intro.status
    intro.status, intro.status_changed_on = status, when
    if status in ("made", "met") and intro.made_on is None:
        intro.made_on = when
    if status == "met":
        intro.met_on = when
    intro.save()
    events.emit(events.IntroductionMoved(intro, old, when))
    return intro


def facts_for(intro: Introduction, headline: str = "") -> intro_drafts.IntroFacts:
    """The facts an introduction's drafts are written from: who is who, and which of them I am
    (my brief's headline goes only into a blurb about me)."""
    target = intro.introduced
    i_am = (intro_drafts.SEEKER if intro.introducee.is_me else
            intro_drafts.INTRODUCER if intro.introducer.is_me else intro_drafts.NEITHER)
    return intro_drafts.IntroFacts(
        introducer=intro.introducer.display_name, seeker=intro.introducee.display_name, target=target.display_name,
        organization=target.organization.name if target.organization_id else "", purpose=intro.purpose,
        headline=headline if i_am == intro_drafts.SEEKER else "", i_am=i_am)


def drafts_for(account, intro: Introduction) -> dict[str, str]:
    """The three double opt-in drafts for an introduction."""
    brief = Brief.objects.filter(account=account).first()
    return intro_drafts.all_drafts(facts_for(intro, brief.headline if brief else ""))[1]


def as_dict(intro: Introduction) -> dict:
    return {"id": intro.id, "status": intro.status,
            "introducer": {"id": intro.introducer_id, "name": intro.introducer.display_name},
            "introducee": {"id": intro.introducee_id, "name": intro.introducee.display_name},
            "introduced": {"id": intro.introduced_id, "name": intro.introduced.display_name},
            "purpose": intro.purpose, "requested_on": intro.requested_on.isoformat()}


def list_introductions(account, status: str | None = None, open_only: bool = False, person_id: int | None = None,
                       organization_id: int | None = None):
    """Introductions, newest first, for the API, `goodloop intros` and their filters: a status;
    open (not yet met, nor declined); a person in any of the three places; the organization of
    the person introduced (where the introduction leads)."""
    qs = Introduction.objects.filter(account=account)
    if status:
        qs = qs.filter(status=status)
    if open_only:
        qs = qs.exclude(status__in=rules.INTRO_CLOSED_STATUSES)
    if person_id is not None:
        qs = qs.filter(Q(introducer_id=person_id) | Q(introducee_id=person_id) | Q(introduced_id=person_id))
    if organization_id is not None:
        qs = qs.filter(introduced__organization_id=organization_id)
    return (qs.select_related("introducer", "introducee", "introduced", "introduced__organization")
            .order_by("-requested_on", "-id"))

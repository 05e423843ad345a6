"""Trust stages from all the evidence (and by hand), with the reason shown.

One stage per person, stored on the person and shown everywhere: every writer of evidence
(interactions either way, meetings and calls, favors, introductions) recomputes it through the
events it emits (:mod:`goodloop.helploop.trust_handlers`), so nothing reads a stale stage.
"""

from django.db.models import Count

from goodloop.core import rules
from goodloop.core import trust as trust_rules
from goodloop.errors import ServiceError
from goodloop.helploop.models import Favor
from goodloop.helploop.strength import links_of
from goodloop.network.models import Person
from goodloop.search.models import Introduction


def evidence(account, person) -> trust_rules.TrustEvidence:
    """What the store knows about the relationship: interactions, favors, introductions."""
    # (channel, direction, count) from the person's link rows (the (person, interaction) index),
    # without the interactions' default ordering, which would split every group.
    interactions = links_of(person.id).values_list("interaction__channel", "interaction__direction").order_by() \
        .annotate(n=Count("id"))
    favors = Favor.objects.filter(account=account, person=person).values_list("direction", "kind")
    introduced = Introduction.objects.filter(account=account, introduced=person).exclude(
        status="declined").exists()
    return trust_rules.evidence_from(list(interactions), list(favors), introduced)


def evaluate(account, person) -> trust_rules.TrustResult:
    """The person's stage (the one stored and shown), the stage evidence alone supports, and why."""
    return trust_rules.current_stage(evidence(account, person), person.trust_stage, person.trust_set_by_hand)


def refresh(account, person) -> str:
    """Recompute and store the person's stage from all the evidence; a hand-set stage the evidence
    has passed stops being "by hand". Returns the stage."""
    result = evaluate(account, person)
    if result.stage != person.trust_stage or result.manual != person.trust_set_by_hand:
        person.trust_stage, person.trust_set_by_hand = result.stage, result.manual
        person.save(update_fields=["trust_stage", "trust_set_by_hand", "updated"])
    return person.trust_stage


def refresh_ids(account, person_ids) -> None:
    """:func:`refresh` for each of these people (an interaction with several people)."""
    for person in Person.objects.filter(account=account, id__in=list(person_ids), is_me=False):
        refresh(account, person)


def set_by_hand(account, person, stage: str) -> None:
    """Set the stage by hand; it holds until the evidence passes it (never below the evidence)."""
    if stage not in rules.TRUST_STAGES:
        raise ServiceError(f"trust stage must be one of: {', '.join(rules.TRUST_STAGES)}", field="trust_stage")
    refusal = trust_rules.hand_set_refusal(stage, evidence(account, person))
    if refusal:
        raise ServiceError(refusal, field="trust_stage")
    person.trust_stage = stage
    person.trust_set_by_hand = True
    person.save(update_fields=["trust_stage", "trust_set_by_hand", "updated"])


__all__ = ["evaluate", "evidence", "refresh", "refresh_ids", "set_by_hand"]

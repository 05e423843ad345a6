"""Trust stages from all the evidence (and by hand), with the reason shown.

One stage per person, stored on the person and shown everywhere: every writer of evidence
(interactions either way, meetings and calls, favors, introductions) recomputes it through the
events it emits (:mod:`goodloop.helploop.trust_handlers`), so nothing reads a stale stage.
"""

import operator
from collections import defaultdict
from functools import reduce

from django.db.models import Count, Exists, OuterRef

from goodloop.core import rules
from goodloop.core import trust as trust_rules
from goodloop.errors import ServiceError
from goodloop.helploop.models import Favor
from goodloop.helploop.strength import links_of
from goodloop.network.models import Person
from goodloop.search.models import Introduction


def _interactions_of(person_ids) -> dict[int, list[tuple[str, str, int]]]:
    """Each person's (channel, direction, count) of interactions, in one query for them all."""
    # From the people's own link rows (the (person, interaction) index, each planned as
    # `links_of` plans it), without the interactions' default ordering, which would split
    # every group.
    links = reduce(operator.or_, (links_of(pid) for pid in person_ids))
    found: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for pid, channel, direction, n in links.values_list(
            "person_id", "interaction__channel", "interaction__direction").order_by().annotate(n=Count("id")):
        found[pid].append((channel, direction, n))
    return found


def _favors_of(account, person_ids) -> dict[int, list[tuple[str, str]]]:
    """Each person's (direction, kind) favors, in one query for them all."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pid, direction, kind in Favor.objects.filter(account=account, person_id__in=person_ids).order_by() \
            .values_list("person_id", "direction", "kind"):
        found[pid].append((direction, kind))
    return found


def _introductions(account):
    """Introductions that are evidence: any not declined."""
    return Introduction.objects.filter(account=account).exclude(status="declined")


def evidence(account, person) -> trust_rules.TrustEvidence:
    """What the store knows about the relationship: interactions, favors, introductions."""
    introduced = _introductions(account).filter(introduced=person).exists()
    return trust_rules.evidence_from(_interactions_of([person.id])[person.id], _favors_of(account, [person.id])[person.id],
                                     introduced)


def evaluate(account, person) -> trust_rules.TrustResult:
    """The person's stage (the one stored and shown), the stage evidence alone supports, and why."""
    return trust_rules.current_stage(evidence(account, person), person.trust_stage, person.trust_set_by_hand)


def _store(person, result: trust_rules.TrustResult) -> None:
    if result.stage != person.trust_stage or result.manual != person.trust_set_by_hand:
        person.trust_stage, person.trust_set_by_hand = result.stage, result.manual
        person.save(update_fields=["trust_stage", "trust_set_by_hand", "updated"])


def refresh(account, person) -> str:
    """Recompute and store the person's stage from all the evidence; a hand-set stage the evidence
    has passed stops being "by hand". Returns the stage."""
    _store(person, evaluate(account, person))
    return person.trust_stage


def refresh_ids(account, person_ids) -> None:
    """:func:`refresh` for each of these people (an interaction with several people), with one
    query for all their stored stages (and whether an introduction brought them, and whether
    any favor was exchanged with them), one for their interactions and, only when some have
    favors, one for those; then one UPDATE for each person whose stage moved."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return
    people = list(Person.objects.filter(account=account, id__in=ids, is_me=False).annotate(
        was_introduced=Exists(_introductions(account).filter(introduced=OuterRef("pk"))),
        has_favors=Exists(Favor.objects.filter(account=account, person=OuterRef("pk"))),
    ).only("id", "trust_stage", "trust_set_by_hand").order_by("id"))
    if not people:
        return
    interactions = _interactions_of([p.id for p in people])
    favored = [p.id for p in people if p.has_favors]
    favors = _favors_of(account, favored) if favored else defaultdict(list)
    for person in people:
        found = trust_rules.evidence_from(interactions[person.id], favors[person.id], person.was_introduced)
        _store(person, trust_rules.current_stage(found, person.trust_stage, person.trust_set_by_hand))


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

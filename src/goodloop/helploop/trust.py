"""Trust stages moved by evidence (and by hand), with the reason shown."""


from goodloop.core import rules
from goodloop.core import trust as trust_rules
from goodloop.errors import ServiceError
from goodloop.helploop.models import Favor
from goodloop.helploop.strength import links_of
from goodloop.search.models import Introduction


def evaluate(account, person) -> trust_rules.TrustResult:
    """The person's trust stage from the evidence in the store, never below a hand-set stage."""
    # The distinct (channel, direction) pairs, from the person's link rows (the (person, interaction)
    # index) and without the interactions' default ordering, which made every interaction distinct.
    interactions = links_of(person.id).values_list(
        "interaction__channel", "interaction__direction").order_by().distinct()
    favors = Favor.objects.filter(account=account, person=person).values_list("direction", "kind")
    introduced = Introduction.objects.filter(account=account, introduced=person).exclude(
        status="declined").exists()
    evidence = trust_rules.evidence_from(list(interactions), list(favors), introduced)
    manual = person.trust_stage if person.trust_set_by_hand else None
    return trust_rules.trust_stage(evidence, manual)


def refresh(account, person) -> str:
    """Move the stored stage up to what the evidence supports (never down)."""
    result = evaluate(account, person)
    if rules.TRUST_STAGES.index(result.stage) > rules.TRUST_STAGES.index(person.trust_stage):
        person.trust_stage = result.stage
        person.save(update_fields=["trust_stage", "updated"])
    return person.trust_stage


def set_by_hand(account, person, stage: str) -> None:
    if stage not in rules.TRUST_STAGES:
        raise ServiceError(f"trust stage must be one of: {', '.join(rules.TRUST_STAGES)}", field="trust_stage")
    person.trust_stage = stage
    person.trust_set_by_hand = True
    person.save(update_fields=["trust_stage", "trust_set_by_hand", "updated"])


__all__ = ["evaluate", "refresh", "set_by_hand"]

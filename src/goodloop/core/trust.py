"""Trust stages (P5): an introduction transfers access, not trust.

stranger -> introduced -> acquainted -> rapport -> advocate. Evidence moves a person up;
the user can set a stage by hand, and evidence never lowers a stage set by hand. A
referral or reference ask to someone below rapport gets a warning that says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from goodloop.core.rules import (
    TRUST_DEEP_CHANNELS,
    TRUST_GATE_MIN_STAGE,
    TRUST_GATED_ASK_KINDS,
    TRUST_RAPPORT_DEEP_CONTACTS,
    TRUST_STAGES,
)


def stage_rank(stage: str | None) -> int:
    """Position of a stage in :data:`TRUST_STAGES` (unknown/None ranks as stranger, 0)."""
    return TRUST_STAGES.index(stage) if stage in TRUST_STAGES else 0


@dataclass(frozen=True)
class TrustEvidence:
    """What the store knows about the relationship, reduced to the facts the rules need.

    ``two_way``: at least one mutual interaction, or both inbound and outbound ones.
    ``deep_contact``: a call, meeting or video call happened; ``deep_contacts``: how many.
    ``favors_exchanged``: favors either way. ``vouched``: they gave a referral or
    reference for the user. ``introduced``: the person came through an introduction.
    """

    two_way: bool = False
    deep_contact: bool = False
    favors_exchanged: int = 0
    vouched: bool = False
    introduced: bool = False
    deep_contacts: int = 0


def evidence_from(
    interactions: Iterable[tuple[str, str] | tuple[str, str, int]] = (),
    favors: Iterable[tuple[str, str]] = (),
    introduced: bool = False,
) -> TrustEvidence:
    """Build evidence from ``(channel, direction[, count])`` interactions and ``(direction, kind)`` favors."""
    directions: set[str] = set()
    deep = 0
    for channel, direction, *count in interactions:
        directions.add(direction)
        if channel in TRUST_DEEP_CHANNELS:
            deep += count[0] if count else 1
    favors = list(favors)
    vouched = any(d == "received" and k in ("referral", "reference") for d, k in favors)
    two_way = "mutual" in directions or {"inbound", "outbound"} <= directions
    return TrustEvidence(two_way, deep > 0, len(favors), vouched, introduced, deep)


@dataclass(frozen=True)
class TrustResult:
    """The stage to show, the stage evidence alone supports, and why."""

    stage: str
    evidence_stage: str
    reason: str
    manual: bool


def infer_stage(evidence: TrustEvidence) -> tuple[str, str]:
    """The highest stage the evidence supports, with the sentence that justifies it."""
    if evidence.vouched:
        return "advocate", "They gave you a referral or reference."
    if evidence.deep_contact and evidence.favors_exchanged:
        return "rapport", "You have had a call or meeting and exchanged a favor."
    if evidence.two_way and evidence.deep_contacts >= TRUST_RAPPORT_DEEP_CONTACTS:
        return "rapport", f"You have had {evidence.deep_contacts} calls or meetings and are in touch both ways."
    if evidence.two_way or evidence.deep_contact:
        return "acquainted", "You have been in touch both ways."
    if evidence.introduced:
        return "introduced", "You were introduced, but have not been in touch both ways yet."
    return "stranger", "No two-way contact recorded yet."


def trust_stage(evidence: TrustEvidence, manual_stage: str | None = None) -> TrustResult:
    """The person's trust stage: the higher of the hand-set stage and the evidence."""
    inferred, why = infer_stage(evidence)
    if manual_stage in TRUST_STAGES and stage_rank(manual_stage) >= stage_rank(inferred):
        reason = f"Set by hand to {manual_stage}."
        if manual_stage != inferred:
            reason += f" Evidence alone supports {inferred}: {why}"
        return TrustResult(manual_stage, inferred, reason, True)
    return TrustResult(inferred, inferred, why, False)


def current_stage(evidence: TrustEvidence, stored: str | None, set_by_hand: bool) -> TrustResult:
    """The one stage to store and show everywhere, from all the evidence and what is stored.

    A stage set by hand wins until the evidence passes it (then the evidence takes over and the
    stage is no longer "by hand"). A stage stored earlier without a hand (an import, evidence since
    deleted) is never lowered by a recompute: evidence only moves people up.
    """
    result = trust_stage(evidence, stored if set_by_hand else None)
    if not set_by_hand and stage_rank(stored) > stage_rank(result.stage) and stored in TRUST_STAGES:
        _, why = infer_stage(evidence)
        return TrustResult(stored, result.evidence_stage,
                           f"Recorded as {stored}. Evidence alone supports {result.evidence_stage}: {why}", False)
    return result


def hand_set_refusal(stage: str, evidence: TrustEvidence) -> str | None:
    """Why a stage can't be set by hand (it is below what the evidence already shows), else None."""
    inferred, why = infer_stage(evidence)
    if stage_rank(stage) >= stage_rank(inferred):
        return None
    return (f"the evidence already supports {inferred} ({why.rstrip('.')}); a stage set by hand holds until "
            f"the evidence passes it, so it can be {inferred} or higher")


def trust_gate(ask_kind: str | None, stage: str | None, name: str = "") -> str | None:
    """A warning when a referral/reference ask goes to someone below rapport, else None."""
    if ask_kind not in TRUST_GATED_ASK_KINDS:
        return None
    stage = stage if stage in TRUST_STAGES else "stranger"
    if stage_rank(stage) >= stage_rank(TRUST_GATE_MIN_STAGE):
        return None
    who = name or "This person"
    return (
        f"{who} is at trust stage '{stage}', below {TRUST_GATE_MIN_STAGE}. A {ask_kind.replace('_', ' ')} "
        "puts their reputation on the line; an introduction transfers access, not trust. "
        "Build the relationship first (a call, a favor either way), or ask for 20 minutes of insight instead."
    )

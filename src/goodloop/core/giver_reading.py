"""Requests made of me, read the way the seeker's coach reads asks (issue 14.4, issue 13.9).

The same reading (:func:`goodloop.core.coach.coach`) says how specific a request is; the
giver adds who is asking. A request to vouch - an introduction, a referral, a reference -
from someone with no history with me is a trust gate: essay 004's strangers asking for
introductions, essay 002's "an introduction transfers access, not trust". A hit-and-run
asker (I helped, and never heard how it went) lowers the suggestion one step. Pure rules:
the service passes the facts in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from goodloop.core.coach_detect import explicit_ask_kind
from goodloop.core.coach_signals import STRANGER_TEXT
from goodloop.core.rules import TRUST_STAGES
from goodloop.core.trust import trust_gate

VOUCHING_KINDS = ("introduction", "referral", "reference")
LADDER = ("accept", "smaller", "decline")
VAGUE_CODES = frozenset({"vague_chestnut", "whole_network"})
VAGUE_SCORE = 50


def no_history(stage: str | None) -> bool:
    return (stage if stage in TRUST_STAGES else "stranger") == "stranger"


def says_stranger(text: str) -> bool:
    """Their own words say we haven't met ("we haven't met", "found you on LinkedIn")."""
    return bool(STRANGER_TEXT.search((text or "").replace("\u2019", "'")))


def stranger_vouching(kind: str, stage: str | None, text: str) -> bool:
    """Vouching asked by someone with no history with me: the drafts say so, kindly."""
    shown = kind in VOUCHING_KINDS and (kind != "introduction" or explicit_ask_kind(text))
    return bool(shown) and (no_history(stage) or says_stranger(text))


def vouching_gate(kind: str, stage: str | None, name: str, says_stranger: bool = False) -> str | None:
    """The giver's trust gate: vouching asked by someone with no history with me, or a
    referral or reference asked below rapport. None when the request may be accepted."""
    if kind not in VOUCHING_KINDS:
        return None
    who = name or "They"
    if no_history(stage) or says_stranger:
        return (f"{who} has no history with you yet and asks you to vouch for them ({kind.replace('_', ' ')}): "
                "an introduction transfers access, not trust. Offer something smaller, or decline kindly.")
    if trust_gate(kind, stage, name):
        return (f"{who} asks you to vouch for them ({kind}) but you are at trust stage '{stage}': an introduction "
                "transfers access, not trust. Something smaller may fit better.")
    return None


def is_vague(score: int | None, codes: Iterable[str]) -> bool:
    """Too vague to act on: one of the classic vague shapes or a low score. A gated request's
    score is held down by trust, so it is judged by what it lacks: an action, or who and where."""
    codes = set(codes)
    if codes & VAGUE_CODES:
        return True
    if "trust_gate" in codes:
        return "no_concrete_action" in codes or {"no_org", "no_people_category"} <= codes
    return score is not None and score < VAGUE_SCORE


def suggestion(vague: bool, codes: Iterable[str]) -> str:
    """clarify / accept / smaller / decline: trust first (a gate suggests something smaller),
    then no word back from last time lowers it one step."""
    codes = set(codes)
    step = "clarify" if vague else "accept"
    if "trust_gate" in codes:
        step = "smaller"
    if "no_word_back" in codes:
        step = {"clarify": "smaller", "accept": "smaller", "smaller": "decline"}.get(step, step)
    return step


@dataclass(frozen=True)
class Asker:
    """What the store knows about the person asking, at the time of the request."""

    name: str
    stage: str | None = None
    recent_requests: int = 0  # other requests from them inside the repeat window
    window_days: int = 30
    helped_without_word: date | None = None  # the last time I helped with no thanks or report since


def asker_findings(kind: str, asker: Asker, says_stranger: bool) -> list[dict]:
    """Findings about who is asking: the trust gate, repeated requests, no word back."""
    out = []
    gate = vouching_gate(kind, asker.stage, asker.name, says_stranger)
    if gate:
        out.append({"code": "trust_gate", "principle": "P5", "message": gate})
    if asker.recent_requests:
        out.append({"code": "over_asking", "principle": "P4", "message": (
            f"{asker.name} has asked you {asker.recent_requests} other time(s) in the last {asker.window_days} days.")})
    if asker.helped_without_word:
        out.append({"code": "no_word_back", "principle": "P2", "message": (
            f"You helped {asker.name} on {asker.helped_without_word.isoformat()} and haven't heard how it went.")})
    return out


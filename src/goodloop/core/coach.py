"""The ask coach (P1): score an ask, say what is wrong with it, and improve it.

Deterministic and offline. :mod:`goodloop.core.coach_reading` reads the dimensions a helper
needs (something specific to act on: an organization, team, person or concrete topic; one
small bounded action; why them; thanks and an easy out) and what the caller knows (targets,
known organizations, the brief's categories of people, the person, the over-asking guard).
``coach(text, context) -> CoachResult(score, findings, rewrite)``.

Scoring: start at 100 and subtract a weight per finding (:data:`PENALTIES`). Some asks are
capped at 45 whatever else they do well (:data:`CAP`), because the helper cannot act on
them: nothing specific named; a request for people with neither a place nor a kind of
people; an organization alone with no action; a classic vague ask with no bounded action;
a job or the whole network asked of a contact; vouching asked by the asker's own account of
a stranger. An ask to one person for a concrete small thing (15 minutes on five slides) is
specific without naming an organization.

The rewrite edits the ask (:mod:`goodloop.core.coach_rewrite`); none for an ask scoring
:data:`LOOKS_GOOD` or more.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from goodloop.core import coach_lexicon as lx  # noqa: F401 (callers read patterns through the coach)
from goodloop.core.coach_detect import (  # noqa: F401 (re-exported for callers)
    detect_ask_kind,
    explicit_ask_kind,
    find_categories,
    find_organizations,
    is_question,
    normalize_org,
)
from goodloop.core.coach_reading import VOUCHING_KINDS, Reading, read
from goodloop.core.coach_rewrite import edit
from goodloop.core.rules import COACH_MAX_WORDS, COACH_MAX_WORDS_FIRST_CONTACT, TRUST_STAGES
from goodloop.core.trust import trust_gate

# Principle each finding comes from (DESIGN.md section 1).
PRINCIPLES: Mapping[str, str] = {
    "no_org": "P1",
    "no_people_category": "P1",
    "no_concrete_action": "P1",
    "vague_chestnut": "P1",
    "whole_network": "P1",
    "asks_for_job": "P1",
    "not_a_question": "P1",
    "too_long": "P1",
    "negative_tone": "P1",
    "no_why_you": "P1",
    "no_gratitude": "P2",
    "trust_gate": "P5",
    "over_asking": "P4",
}
FINDING_CODES: tuple[str, ...] = tuple(PRINCIPLES)

PENALTIES: Mapping[str, int] = {
    "no_org": 25,
    "no_people_category": 15,
    "no_concrete_action": 20,
    "vague_chestnut": 20,
    "whole_network": 20,
    "asks_for_job": 20,
    "not_a_question": 10,
    "too_long": 10,
    "negative_tone": 15,
    "no_why_you": 10,
    "no_gratitude": 10,
    "trust_gate": 20,  # a reputation risk for them: enough to offer the smaller alternative
    "over_asking": 10,
}
SELF_CONTAINED_NO_ORG = 10  # a reference or resume look still helps more when it says for which role
CAP = 45  # the most an ask the helper cannot act on can score
LOOKS_GOOD = 85  # no rewrite at or above this score
# Kept for callers that read the old name.
NOTHING_TO_ACT_ON_CAP = CAP

MESSAGES: Mapping[str, str] = {
    "no_org": "Name what this is about: an organization, a team, a person or a concrete topic. "
              "'A fintech' or 'startups' gives them nothing to search their memory for.",
    "no_people_category": "Say which people you'd like to meet: a role, a team or a function, "
                          "e.g. 'someone in product marketing'.",
    "no_concrete_action": "Ask for one small, bounded thing they can say yes to: an introduction to one or two "
                          "people, 20 minutes, a look at three slides, an answer to one question.",
    "vague_chestnut": "This is one of the classic vague asks ('anyone I should talk to', 'keep me in mind'): "
                      "people want to help but can't act on it.",
    "whole_network": "Don't ask for their whole network; ask for one or two specific people.",
    "asks_for_job": "Don't ask a contact for a job or openings; ask for insight or an introduction instead.",
    "not_a_question": "End with a direct question so it is easy to answer yes.",
    "too_long": "Too long: keep it under {limit} words so it gets read on a phone.",
    "negative_tone": "Keep it light: a confident, specific ask is easier to help with than a hard-luck story.",
    "no_why_you": "Say why you're asking this person: a shared employer, their talk, who suggested them.",
    "no_gratitude": "Add thanks and an easy out ('no worries if not').",
    "trust_gate": "",  # filled from goodloop.core.trust.trust_gate or the text
    "over_asking": "",  # filled from the guard's reasons
}
STRANGER_MESSAGE = ("You say you haven't met: an introduction, referral or reference from a stranger puts their "
                    "reputation on the line. Ask for something smaller first (15 minutes, one question), or "
                    "build the relationship, then ask.")


@dataclass(frozen=True)
class PersonContext:
    """The person an ask goes to, as far as the coach needs to know."""

    name: str = ""
    organization: str | None = None
    past_organizations: tuple[str, ...] = ()
    connected_organizations: tuple[str, ...] = ()  # organizations where they know someone
    trust_stage: str | None = None
    first_contact: bool = False


@dataclass(frozen=True)
class CoachContext:
    """Optional account data: targets in priority order, other known organizations, the
    brief's categories of people, the person, over-asking guard reasons, the ask kind."""

    target_organizations: tuple[str, ...] = ()
    known_organizations: tuple[str, ...] = ()
    people_categories: tuple[str, ...] = ()
    person: PersonContext | None = None
    guard_warnings: tuple[str, ...] = ()
    ask_kind: str | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    principle: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "principle": self.principle}


@dataclass(frozen=True)
class CoachResult:
    """Score 0-100 (higher is a better ask), findings, and a suggested rewrite ("" when the
    ask already looks good).

    ``organizations`` and ``categories`` are what the coach recognised in the text;
    ``explanation`` maps each finding (and any cap, as ``cap``) to the points it cost;
    ``dimensions`` says which dimensions of a good ask the text has.
    """

    score: int
    findings: tuple[Finding, ...]
    rewrite: str
    organizations: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    words: int = 0
    ask_kind: str = "introduction"
    explanation: dict[str, int] = field(default_factory=dict)
    dimensions: dict[str, bool] = field(default_factory=dict)
    people: tuple[str, ...] = ()
    caps: tuple[str, ...] = ()  # why the score is capped, if it is (see cap_reasons)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    @property
    def looks_good(self) -> bool:
        return self.score >= LOOKS_GOOD

    def as_dict(self) -> dict:
        """The ``coach --json`` shape: ``{score, findings[{code, message, principle}], rewrite}``."""
        return {"score": self.score, "findings": [f.as_dict() for f in self.findings], "rewrite": self.rewrite}


def context_from_dict(data: Mapping | None) -> CoachContext | None:
    """Build a :class:`CoachContext` from plain dicts/lists (JSON-friendly callers and tests)."""
    if data is None:
        return None
    person = data.get("person")
    pc = None
    if person is not None:
        pc = PersonContext(
            name=person.get("name", ""),
            organization=person.get("organization"),
            past_organizations=tuple(person.get("past_organizations", ())),
            connected_organizations=tuple(person.get("connected_organizations", ())),
            trust_stage=person.get("trust_stage"),
            first_contact=bool(person.get("first_contact", False)),
        )
    return CoachContext(
        target_organizations=tuple(data.get("target_organizations", ())),
        known_organizations=tuple(data.get("known_organizations", ())),
        people_categories=tuple(data.get("people_categories", ())),
        person=pc,
        guard_warnings=tuple(getattr(w, "reason", str(w)) for w in data.get("guard_warnings", ())),
        ask_kind=data.get("ask_kind"),
    )


def _known(ctx: CoachContext) -> list[str]:
    known = [*ctx.target_organizations, *ctx.known_organizations]
    if ctx.person:
        p = ctx.person
        known += [o for o in (p.organization, *p.past_organizations, *p.connected_organizations) if o]
    return known


def findings_for(r: Reading, ctx: CoachContext) -> tuple[list[str], str | None, bool]:
    """The finding codes for a reading, the trust-gate message, and whether the asker's own
    words make the person a stranger being asked to vouch."""
    person = ctx.person
    codes: list[str] = []
    roleish = any(o.lower().startswith("the ") for o in r.objects)  # "the backend engineer role"
    if not r.where and (r.needs_people or not r.target or (r.self_contained and not roleish)):
        codes.append("no_org")
    if not r.who and ((r.needs_people and not roleish) or not r.target):
        codes.append("no_people_category")
    if not r.action:
        codes.append("no_concrete_action")
    for code, hit in (("vague_chestnut", r.chestnut), ("whole_network", r.whole_network),
                      ("asks_for_job", r.asks_for_job)):
        if hit:
            codes.append(code)
    if not r.question:
        codes.append("not_a_question")
    first = bool(person and person.first_contact)
    if r.words > (COACH_MAX_WORDS_FIRST_CONTACT if first else COACH_MAX_WORDS):
        codes.append("too_long")
    if r.negative:
        codes.append("negative_tone")
    if (first or r.stranger) and not r.why_you:
        codes.append("no_why_you")
    if not (r.gratitude or r.easy_out):
        codes.append("no_gratitude")
    gate = None
    text_gate = r.stranger and r.kind in VOUCHING_KINDS and (r.kind != "introduction" or r.explicit_kind)
    if person is not None:
        stage = person.trust_stage if person.trust_stage in TRUST_STAGES else "stranger"
        gate = trust_gate(r.kind, stage, person.name)
    if text_gate and not gate:
        gate = STRANGER_MESSAGE
    if gate:
        codes.append("trust_gate")
    if ctx.guard_warnings:
        codes.append("over_asking")
    return codes, gate, text_gate


def cap_reasons(r: Reading, text_gate: bool) -> list[str]:
    """Why the helper cannot act on the ask, whatever else it does well (empty: not capped)."""
    reasons = {
        "nothing_specific": not r.target,
        "no_who_or_where": r.needs_people and not r.where and not r.who,
        "place_without_action": not r.action and not (r.who or r.objects),
        "classic_vague": (r.chestnut and not r.action and not r.who) or (r.open_ended and not r.action),
        "desperate": r.desperate,
        "asks_for_job": r.asks_for_job,
        "whole_network": r.whole_network,
        "stranger": text_gate,
    }
    return [name for name, hit in reasons.items() if hit]


def coach(text: str, context: CoachContext | None = None, *, rewrite: bool = True) -> CoachResult:
    """Score an ask 0-100, list findings (stable codes, messages, principles), suggest an edit.

    Never raises on any string input; an empty text scores 0 with every content finding.
    ``rewrite=False`` skips the edit (the rewrite scores its own drafts that way).
    """
    ctx = context or CoachContext()
    person = ctx.person
    r = read(text, _known(ctx), ctx.people_categories, ctx.ask_kind, person.organization if person else None)
    codes, gate, text_gate = findings_for(r, ctx)

    explanation = {code: -PENALTIES[code] for code in codes}
    if r.self_contained and "no_org" in explanation:
        explanation["no_org"] = -SELF_CONTAINED_NO_ORG
    score = 100 + sum(explanation.values())
    caps = cap_reasons(r, text_gate)
    if caps and score > CAP:
        explanation["cap"] = CAP - score
        score = CAP
    if not r.text.strip():
        score = 0  # an empty ask asks nothing
    score = max(0, min(100, score))

    limit = COACH_MAX_WORDS_FIRST_CONTACT if person and person.first_contact else COACH_MAX_WORDS
    findings = []
    for code in codes:
        if code == "trust_gate":
            msg = gate or ""
        elif code == "over_asking":
            msg = "Over-asking guard: " + " ".join(ctx.guard_warnings) + " Consider giving before asking."
        else:
            msg = MESSAGES[code].format(limit=limit)
        findings.append(Finding(code, msg, PRINCIPLES[code]))

    result = CoachResult(
        score=score, findings=tuple(findings), rewrite="", organizations=r.organizations,
        categories=r.categories, words=r.words, ask_kind=r.kind, explanation=explanation,
        dimensions={"specific": r.target, "bounded_action": r.action, "why_you": r.why_you,
                    "question": r.question, "thanks_or_easy_out": r.gratitude or r.easy_out},
        people=r.people, caps=tuple(caps),
    )
    if rewrite and score < LOOKS_GOOD and r.text.strip():
        result = replace(result, rewrite=edit(r, result, ctx, lambda draft: coach(draft, ctx, rewrite=False).score))
    return result

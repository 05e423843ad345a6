"""The ask coach (P1): score an ask, say what is wrong with it, and rewrite it.

Deterministic and offline: regular expressions over the text (see
:mod:`goodloop.core.coach_lexicon`) plus what the caller knows (target organizations,
known organizations, the brief's categories of people, the person, the over-asking
guard). ``coach(text, context) -> CoachResult(score, findings, rewrite)``.

Scoring: start at 100 and subtract a weight per finding (:data:`PENALTIES`). An ask that
names neither an organization nor a category of people gives the helper nothing to act
on, and neither does one that names no category of people and no concrete request; both
are capped at 45 whatever else they do well - unless the deliverable stands on its own
(feedback on a resume, serving as a reference).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from goodloop.core import coach_lexicon as lx
from goodloop.core.coach_detect import (  # noqa: F401 (re-exported for callers)
    detect_ask_kind,
    find_categories,
    find_organizations,
    is_question,
    normalize_org,
)
from goodloop.core.drafts import people_phrase
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
    "no_gratitude": 10,
    "trust_gate": 10,
    "over_asking": 10,
}
# When the deliverable is self-contained (resume feedback, a reference), who and where
# matter less: the helper can act without them.
SELF_CONTAINED_PENALTIES: Mapping[str, int] = {"no_org": 10, "no_people_category": 5}
NOTHING_TO_ACT_ON_CAP = 45

MESSAGES: Mapping[str, str] = {
    "no_org": "Name one to three specific organizations; 'a fintech' or 'startups' gives them nothing to search their memory for.",
    "no_people_category": "Say which people you want to meet (a role, team or function), e.g. 'someone in product marketing'.",
    "no_concrete_action": "Ask for one small, concrete thing: an introduction to 1-2 people, 20 minutes of insight, feedback on your resume.",
    "vague_chestnut": "This is a classic vague ask ('keep me in mind', 'anyone I should talk to'): people want to help but can't act on it.",
    "whole_network": "Don't ask for their whole network; ask for one or two specific people.",
    "asks_for_job": "Don't ask a contact for a job or openings; ask for insight or an introduction instead.",
    "not_a_question": "Phrase the request as a direct question so it is easy to answer yes.",
    "too_long": "Too long: keep it under {limit} words so it gets read on a phone.",
    "negative_tone": "Drop the desperation; a confident, specific ask is easier to help with.",
    "no_gratitude": "Add thanks and an easy out ('no worries if not').",
    "trust_gate": "",  # filled from goodloop.core.trust.trust_gate
    "over_asking": "",  # filled from the guard's reasons
}


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
    """Score 0-100 (higher is a better ask), findings, and a suggested rewrite.

    ``organizations`` and ``categories`` are what the coach recognised in the text.
    """

    score: int
    findings: tuple[Finding, ...]
    rewrite: str
    organizations: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    words: int = 0
    ask_kind: str = "introduction"
    explanation: dict[str, int] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

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


def coach(text: str, context: CoachContext | None = None) -> CoachResult:
    """Score an ask 0-100, list findings (stable codes, messages, principles), suggest a rewrite.

    Never raises on any string input; an empty text scores 0 with every content finding.
    """
    ctx = context or CoachContext()
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    person = ctx.person
    words = len(text.split())

    known = [*ctx.target_organizations, *ctx.known_organizations]
    if person:
        known += [o for o in (person.organization, *person.past_organizations, *person.connected_organizations) if o]
    orgs = find_organizations(text, known)
    if not orgs and person and person.organization and lx.YOUR_ORG.search(text):
        orgs = [person.organization]  # "your company" is a named organization when we know it
    cats = find_categories(text, ctx.people_categories)
    kind = ctx.ask_kind or detect_ask_kind(text)
    self_contained = bool(lx.SELF_CONTAINED_ACTION.search(text)) and bool(lx.CONCRETE_ACTION.search(text))

    codes: list[str] = []
    if not orgs:
        codes.append("no_org")
    if not cats:
        codes.append("no_people_category")
    if not lx.CONCRETE_ACTION.search(text):
        codes.append("no_concrete_action")
    if lx.VAGUE_CHESTNUT.search(text):
        codes.append("vague_chestnut")
    if lx.WHOLE_NETWORK.search(text):
        codes.append("whole_network")
    if lx.ASKS_FOR_JOB.search(text):
        codes.append("asks_for_job")
    if not is_question(text):
        codes.append("not_a_question")
    first = bool(person and person.first_contact)
    limit = COACH_MAX_WORDS_FIRST_CONTACT if first else COACH_MAX_WORDS
    if words > limit:
        codes.append("too_long")
    if lx.NEGATIVE_TONE.search(text):
        codes.append("negative_tone")
    if not (lx.GRATITUDE.search(text) or lx.EASY_OUT.search(text)):
        codes.append("no_gratitude")
    gate = None
    if person is not None:
        stage = person.trust_stage if person.trust_stage in TRUST_STAGES else "stranger"
        gate = trust_gate(kind, stage, person.name)
        if gate:
            codes.append("trust_gate")
    if ctx.guard_warnings:
        codes.append("over_asking")

    explanation: dict[str, int] = {}
    for code in codes:
        weight = PENALTIES[code]
        if self_contained and code in SELF_CONTAINED_PENALTIES:
            weight = SELF_CONTAINED_PENALTIES[code]
        explanation[code] = -weight
    score = 100 + sum(explanation.values())
    # Who or where, and who or what: without either pair the helper cannot act.
    no_who_where = "no_org" in codes and "no_people_category" in codes
    no_who_what = "no_people_category" in codes and "no_concrete_action" in codes
    if (no_who_where or no_who_what) and not self_contained:
        score = min(score, NOTHING_TO_ACT_ON_CAP)
    if not text.strip():
        score = 0  # an empty ask asks nothing
    score = max(0, min(100, score))

    findings = []
    for code in codes:
        if code == "trust_gate":
            msg = gate or ""
        elif code == "over_asking":
            msg = "Over-asking guard: " + " ".join(ctx.guard_warnings) + " Consider giving before asking."
        else:
            msg = MESSAGES[code].format(limit=limit)
        findings.append(Finding(code, msg, PRINCIPLES[code]))

    return CoachResult(
        score=score,
        findings=tuple(findings),
        rewrite=suggest_rewrite(ctx, orgs, cats, kind, gated=bool(gate)),
        organizations=tuple(orgs),
        categories=tuple(cats),
        words=words,
        ask_kind=kind,
        explanation=explanation,
    )


# ------------------------------------------------------------------------ rewrite


def _pick_orgs(ctx: CoachContext, text_orgs: Sequence[str]) -> tuple[list[str], str]:
    """Up to two organizations for the rewrite and how the person relates to the first.

    Preference: a target where the person works, worked, or knows someone; then targets
    the ask already names; then the top targets; then what the ask names; then the
    person's own organization.
    """
    targets = list(ctx.target_organizations)
    person = ctx.person
    keyed = {normalize_org(t): t for t in targets}

    def among_targets(names: Iterable[str]) -> list[str]:
        return [keyed[normalize_org(n)] for n in names if n and normalize_org(n) in keyed]

    if person:
        for names, relation in (
            ([person.organization] if person.organization else [], "works"),
            (person.past_organizations, "worked"),
            (person.connected_organizations, "knows"),
        ):
            hits = among_targets(names)
            if hits:
                return hits[:1], relation
    named = among_targets(text_orgs)
    if named:
        return named[:2], ""
    if targets:
        return targets[:2], ""
    if text_orgs:
        return list(text_orgs[:2]), ""
    if person and person.organization:
        return [person.organization], "works"
    return ["[a target company]"], ""


def _pick_category(ctx: CoachContext, cats: Sequence[str]) -> str:
    if ctx.people_categories:
        return ctx.people_categories[0]
    for c in cats:
        if lx.ROLE_NOUN.fullmatch(c) or lx.LEAD_ROLE.fullmatch(c):
            return c if c.endswith("s") else c + "s"
    return "the team I'd be joining"


def suggest_rewrite(
    ctx: CoachContext,
    text_orgs: Sequence[str] = (),
    text_categories: Sequence[str] = (),
    kind: str = "introduction",
    gated: bool = False,
) -> str:
    """A specific ask under 75 words: real organizations, a category of people, one small
    request (an introduction to 1-2 people or 20 minutes), as a question, with thanks and
    an easy out. A referral or reference below rapport becomes a request for insight (P5)."""
    orgs, relation = _pick_orgs(ctx, text_orgs)
    category = _pick_category(ctx, text_categories)
    name = ctx.person.name.split()[0] if ctx.person and ctx.person.name.split() else "there"
    org_list = " or ".join(orgs)
    here = "there" if relation in ("works", "worked") else f"at {orgs[0]}"
    if relation == "works":
        opener = f"Since you're at {orgs[0]}, I'd value your help."
    elif relation == "worked":
        opener = f"Since you spent time at {orgs[0]}, I'd value your help."
    elif relation == "knows":
        opener = f"I'm focusing my search on {orgs[0]}, where I believe you know people."
    else:
        opener = f"I'm focusing my search on {org_list}."

    if kind == "resume_feedback" and not gated:
        request = (
            f"Would you spend 20 minutes giving me feedback on my resume for roles working with "
            f"{category} at {orgs[0]}?"
        )
    elif kind in ("referral", "reference") and not gated:
        what = "refer me to" if kind == "referral" else "serve as a reference for me with"
        request = (
            f"Would you be willing to {what} the hiring manager for {category} at {orgs[0]}? "
            "I can send the posting and a short summary."
        )
    elif kind in ("insight", "advice") or gated:
        request = f"Would you have 20 minutes to share what {category} {here} look for?"
        if not category.endswith("s"):
            request = f"Would you have 20 minutes to share how {category} {here} works?"
    else:
        people = people_phrase(category)
        request = (
            f"Do you know {people} {here} you'd be comfortable introducing me to? "
            "I'd ask them for just 20 minutes."
        )
    return f"Hi {name}, {opener} {request} Thank you - and no worries at all if not."

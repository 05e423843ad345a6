"""The ask coach (P1): score an ask, say what is wrong with it, and rewrite it.

Deterministic and offline: regular expressions over the text (see
:mod:`goodloop.core.coach_lexicon`) plus what the caller knows (target organizations,
known organizations, the brief's categories of people, the person, the over-asking
guard). ``coach(text, context) -> CoachResult(score, findings, rewrite)``.

Scoring: start at 100 and subtract a weight per finding (:data:`PENALTIES`). An ask that
names neither an organization nor a category of people gives the helper nothing to act
on, so it is capped at 45 whatever else it does well - unless its deliverable stands on
its own (feedback on a resume, serving as a reference).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from goodloop.core import coach_lexicon as lx
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


# ------------------------------------------------------------------ organizations


def normalize_org(name: str) -> str:
    """Lowercase, punctuation stripped, legal suffixes (Inc., LLC, GmbH...) and a leading 'the' dropped."""
    words = re.findall(r"[\w&]+", name.casefold())
    while words and words[-1] in lx.LEGAL_SUFFIXES and len(words) > 1:
        words.pop()
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    return " ".join(words)


def _clean_org(name: str) -> str | None:
    words = name.split()
    # Trailing words that are never part of a name ("Google Thanks" cannot happen, but
    # "Stripe I" can when a sentence has no punctuation).
    while words and words[-1].casefold() in lx.NOT_ORGS:
        words.pop()
    while words and words[0].casefold() in lx.NOT_ORGS:
        words.pop(0)
    if not words:
        return None
    return " ".join(words)


def _known_orgs_in(text: str, names: Iterable[str]) -> list[str]:
    """Context organizations mentioned in the text (n-gram lookup, so 1,500 names stay cheap)."""
    table: dict[str, str] = {}
    for name in names:
        key = normalize_org(name)
        if key:
            table.setdefault(key, name)
    if not table:
        return []
    longest = max(len(k.split()) for k in table)
    tokens = [(m.group(0), m.start()) for m in re.finditer(r"[\w&]+", text)]
    found: list[str] = []
    for i in range(len(tokens)):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            span = tokens[i : i + n]
            key = " ".join(t.casefold() for t, _ in span)
            if key in table:
                first = span[0][0]
                # An everyday word ("target", "square") only counts when capitalized.
                if key in lx.COMMON_WORD_ORGS and not first[0].isupper():
                    continue
                if table[key] not in found:
                    found.append(table[key])
                break
    return found


def find_organizations(text: str, known: Iterable[str] = ()) -> list[str]:
    """Organization names in ``text``: known names first, then capitalization heuristics."""
    found = _known_orgs_in(text, known)
    seen = {normalize_org(f) for f in found}

    def add(raw: str) -> None:
        name = _clean_org(raw)
        if name and normalize_org(name) not in seen and name.casefold() not in lx.NOT_ORGS:
            seen.add(normalize_org(name))
            found.append(name)

    for m in lx.ORG_TRIGGER.finditer(text):
        add(m.group("first"))
        for item in lx.ORG_LIST_ITEM.finditer(m.group("rest")):
            add(item.group("name"))
    for pattern in (lx.ORG_SUFFIX, lx.ORG_POSSESSIVE, lx.ORG_THE_TEAM):
        for m in pattern.finditer(text):
            add(m.group("name"))
    for m in lx.ORG_CAMEL.finditer(text):
        add(m.group(0))
    return found


# --------------------------------------------------------------- people categories


def find_categories(text: str, brief_categories: Iterable[str] = ()) -> list[str]:
    """Categories of people the ask names: brief categories, role nouns, 'someone in X', teams."""
    found: list[str] = []
    low = text.casefold()
    for cat in brief_categories:
        if cat and cat.casefold() in low:
            found.append(cat)
    for m in lx.ROLE_NOUN.finditer(text):
        if lx.SELF_DESCRIPTION.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "I'm a data analyst" describes the asker
        found.append(m.group(0))
    for m in lx.LEAD_ROLE.finditer(text):
        found.append(m.group(0))
    for m in lx.PEOPLE_IN.finditer(text):
        if m.group("field").casefold() not in lx.NOT_FIELDS:
            found.append(m.group(0))
    found += [m.group(0) for m in lx.WHO_DOES.finditer(text)]
    found += [m.group(0) for m in lx.FUNCTION_TEAM.finditer(text)]
    found += [m.group(0) for m in lx.NAMED_PERSON.finditer(text)]
    return list(dict.fromkeys(found))


# ------------------------------------------------------------------------ analysis


def _is_question(text: str) -> bool:
    if "?" in text or lx.INDIRECT_QUESTION.search(text):
        return True
    sentences = re.split(r"(?<=[.!\n])\s+|\n", text)
    return any(lx.QUESTION_START.match(s.strip()) for s in sentences if s.strip())


def detect_ask_kind(text: str) -> str:
    """Best guess of the ask kind from the text alone."""
    if lx.REFERENCE_TEXT.search(text):
        return "reference"
    if lx.REFERRAL_TEXT.search(text):
        return "referral"
    if lx.RESUME_TEXT.search(text):
        return "resume_feedback"
    if re.search(r"\bintro(?:duc\w*)?\b|\bconnect\s+(?:me|us)\b|\bin\s+touch\b", text, re.I):
        return "introduction"
    if re.search(r"\bminutes?\b|\bcall\b|\bchat\b|\bcoffee\b|\bshare\s+how\b|\btell\s+me\b", text, re.I):
        return "insight"
    return "introduction"


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
    if not _is_question(text):
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
    if "no_org" in codes and "no_people_category" in codes and not self_contained:
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


def _people_phrase(category: str) -> str:
    """'one or two product managers' for plural roles, else 'one or two people in <category>'."""
    last = category.split()[-1] if category.split() else ""
    if last.endswith("s") and lx.ROLE_NOUN.fullmatch(last):
        return f"one or two {category}"
    return f"one or two people in {category}"


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
        people = _people_phrase(category)
        request = (
            f"Do you know {people} {here} you'd be comfortable introducing me to? "
            "I'd ask them for just 20 minutes."
        )
    return f"Hi {name}, {opener} {request} Thank you - and no worries at all if not."

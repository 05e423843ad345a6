"""What an ask gives the person asked, dimension by dimension (issue 14).

The essays and the ask literature agree on a few things a helper needs: something
specific to act on (an organization, team, person or concrete topic), one small bounded
action (minutes, a number of names or slides, a yes/no), why them, and an easy out.
:func:`read` finds each in the text; :mod:`goodloop.core.coach` turns the reading into a
score and findings, and the giver's side reads requests made of me with the same reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from goodloop.core import coach_lexicon as lx
from goodloop.core import coach_signals as sx
from goodloop.core.coach_detect import explicit_ask_kind, find_categories, find_organizations, is_question

# Kinds of ask that send the helper looking for people or jobs: they need a where and a who.
PEOPLE_KINDS = ("introduction", "referral")
VOUCHING_KINDS = ("introduction", "referral", "reference")
SELF_CONTAINED_KINDS = ("reference", "resume_feedback")

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_GREETING = re.compile(r"^\s*(?:hi|hey|hello|dear|good\s+(?:morning|afternoon|evening)|yo)\b[\s,]*"
                       r"(?:(?:mr|ms|mrs|dr|professor|prof)\.?\s+)?(?P<name>[A-Z][\w'-]*)?[\s,!:-]*", re.I)
_CAP_PAIR = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2}\b")
_PERSON_CUE = re.compile(
    r"\b(?:introduc\w*|intro|connect\w*|meet|forward\w*|pass\w*|talk(?:ing)?|speak(?:ing)?|reach|write|"
    r"hand\w*|named|called|manager,?|to)\s+(?:me\s+|us\s+)?(?:to\s+|with\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)\b"
)
_TITLED = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Professor|Prof)\.?\s+[A-Z][a-z'-]+\b")
_SAID = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:suggested|recommended|referred|mentioned|thought|said|says)\b")
_NOT_NAMES = {
    "i", "i'm", "i'd", "i've", "i'll", "hi", "hey", "hello", "dear", "thanks", "thank", "please", "linkedin",
    "the", "a", "an", "my", "your", "our", "their", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "this", "that", "it", "we", "you", "would", "could", "can", "will", "do", "does",
}


@dataclass(frozen=True)
class Reading:
    """The dimensions of one ask, as found in its text (plus the caller's known names)."""

    text: str
    words: int
    kind: str
    organizations: tuple[str, ...]
    categories: tuple[str, ...]
    people: tuple[str, ...]
    objects: tuple[str, ...]
    your_org: bool
    bounded: tuple[str, ...]  # what makes the action small and bounded: "time", "count", "deliverable", "question"
    why_you: bool
    stranger: bool
    question: bool
    gratitude: bool
    easy_out: bool
    chestnut: bool
    whole_network: bool
    asks_for_job: bool
    negative: bool
    desperate: bool
    open_ended: bool
    greeting_name: str = ""
    explicit_kind: bool = False  # the text (or the caller) says what kind of ask it is

    @property
    def where(self) -> bool:
        """An organization the helper can place: named, theirs ("your team"), or a named person's."""
        return bool(self.organizations or self.your_org or self.people)

    @property
    def who(self) -> bool:
        return bool(self.categories or self.people)

    @property
    def self_contained(self) -> bool:
        """A reference or a look at the asker's resume is about the asker's own work - but a
        LinkedIn recommendation that names nothing to speak to is the profile-building ask."""
        if not (self.kind in SELF_CONTAINED_KINDS and self.explicit_kind):
            return False
        return bool(self.organizations or self.objects) or not sx.PROFILE_RECOMMENDATION.search(self.text)

    @property
    def target(self) -> bool:
        """Anything specific to act on: an organization, team, person, role or concrete topic."""
        return self.where or self.who or bool(self.objects) or self.self_contained

    @property
    def action(self) -> bool:
        return bool(self.bounded)

    @property
    def needs_people(self) -> bool:
        """The ask sends the helper looking for people or jobs (an introduction or referral)."""
        return (self.explicit_kind and self.kind in PEOPLE_KINDS) or self.asks_for_job


def sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENTENCES.split(text)) if s]


def greeting_name(text: str) -> str:
    m = _GREETING.match(text or "")
    name = (m.group("name") or "") if m else ""
    return "" if name.casefold() in _NOT_NAMES else name


def find_people(text: str, organizations: Iterable[str] = ()) -> list[str]:
    """Named people the ask is about (not the greeting): "introduce me to Brian", "Doug Winters
    suggested", "Dr. Obi", "your friend Sarah"."""
    greet = greeting_name(text)
    orgs = {o.casefold() for o in organizations}
    found: list[str] = []

    def add(name: str) -> None:
        name = name.strip()
        first = name.split()[0].casefold() if name.split() else ""
        if not name or first in _NOT_NAMES or name.casefold() in orgs or first in orgs:
            return
        if name == greet or name in found:
            return
        found.append(name)

    for pattern in (lx.NAMED_PERSON, lx.KNOWN_PERSON):
        for m in pattern.finditer(text):
            add(_CAP_PAIR.search(m.group(0)).group(0) if _CAP_PAIR.search(m.group(0)) else m.group(0).split()[-1])
    for m in _TITLED.finditer(text):
        if not text[: m.start()].strip() or _GREETING.match(text[: m.end()]):
            continue  # "Dear Dr. Salazar" greets; it isn't someone the ask is about
        add(m.group(0))
    for pattern in (_SAID, _PERSON_CUE):
        for m in pattern.finditer(text):
            add(m.group("name"))
    return found


def _specific_question(sentence: str) -> bool:
    """A direct question with a concrete detail that one person can answer in a line."""
    if "?" not in sentence or sx.OPEN_ENDED.search(sentence) or lx.VAGUE_CHESTNUT.search(sentence):
        return False
    words = len(sentence.split())
    return words >= 6 and bool(sx.DETAIL.search(sentence) or _CAP_PAIR.search(sentence[1:]))


def bounded_action(text: str, organizations: Sequence[str] = (), categories: Sequence[str] = ()) -> list[str]:
    """What makes the action small and bounded: a deliverable (an introduction, a review, a
    reference), time, a count, or one specific question."""
    found = []
    # "Do you know anyone in product marketing at eBay?" is an answerable ask; "do you know
    # anyone in the oil and gas field?" is not.
    if sx.BOUNDED_DELIVERABLE.search(text) or (_DO_YOU_KNOW.search(text) and organizations and categories):
        found.append("deliverable")
    if sx.BOUNDED_TIME.search(text) and not sx.OPEN_ENDED.search(text):
        found.append("time")  # 20 minutes with "no specific agenda" is not a bounded ask
    if sx.BOUNDED_COUNT.search(text):
        found.append("count")
    if any(_specific_question(s) for s in sentences(text)):
        found.append("question")
    return found


_DO_YOU_KNOW = re.compile(r"\b(?:do|would)\s+you\s+(?:happen\s+to\s+)?know\s+(?:anyone|anybody|someone|somebody|a|an|any|one)\b", re.I)


def _chestnut(text: str, organizations: Sequence[str], categories: Sequence[str]) -> bool:
    """The classic vague asks. "Who do you know on the cloud PMM team at Atlassian?" names a
    team and a place, so it is not one."""
    for m in lx.VAGUE_CHESTNUT.finditer(text):
        if m.group(0).lower().startswith("who do you know"):
            rest = text[m.end(): m.end() + 80]
            if any(o in rest for o in organizations) and (lx.FUNCTION_TEAM.search(rest) or categories):
                continue
        return True
    return False


def _negative(text: str) -> bool:
    """Whining or desperation, unless the same sentence turns it ("brutal, but I'm staying positive")."""
    return any(lx.NEGATIVE_TONE.search(s) and not sx.POSITIVE_TURN.search(s) for s in sentences(text))


def _objects(text: str, field_topics: bool) -> list[str]:
    """Concrete things the ask is about: a role, a document, a choice, the helper's own path,
    or (for a bounded ask for the helper's own insight) a named field."""
    found: list[str] = []
    for s in sentences(text):
        if sx.ATTACHED.search(s):
            continue  # "my resume is attached" says what was sent, not what is asked
        found += [m.group(0) for m in sx.SPECIFIC_ROLE.finditer(s)]
        found += [m.group(0) for m in sx.CONCRETE_OBJECT.finditer(s) if not lx.WHOLE_NETWORK.search(m.group(0))]
        found += [m.group(0) for m in sx.THEIR_PATH.finditer(s)]
        found += [m.group(0) for m in sx.CHOICE.finditer(s)]
        if field_topics:
            found += [m.group(0) for m in sx.FIELD_TOPIC.finditer(s)]
    if sx.PROFILE_RECOMMENDATION.search(text):
        found = [o for o in found if "profile" not in o.lower()]  # the profile is what the ask is for
    return list(dict.fromkeys(found))


def read(text: str, known_organizations: Iterable[str] = (), brief_categories: Iterable[str] = (),
         ask_kind: str | None = None, person_organization: str | None = None) -> Reading:
    """Read an ask: each dimension found in the text, with the caller's known names."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    orgs = find_organizations(text, known_organizations)
    your_org = bool(lx.YOUR_ORG.search(text) or re.search(r"\byour\s+(?:hiring\s+manager|hr|recruiters?)\b", text, re.I))
    if not orgs and person_organization and your_org:
        orgs = [person_organization]  # "your company" is a named organization when we know it
    cats = [c for c in find_categories(text, brief_categories) if not _industry(text, c)]
    people = find_people(text, orgs)
    question = is_question(text)
    shown = explicit_ask_kind(text)
    kind = ask_kind or shown or "introduction"
    people_kind = bool(ask_kind or shown) and kind in PEOPLE_KINDS
    bounded = bounded_action(text, orgs, cats)
    return Reading(
        text=text, words=len(text.split()), kind=kind,
        explicit_kind=bool(ask_kind or shown),
        organizations=tuple(orgs), categories=tuple(cats), people=tuple(people), objects=tuple(_objects(text, bool(bounded) and not people_kind)),
        your_org=your_org, bounded=tuple(bounded), why_you=bool(sx.WHY_YOU.search(text) or sx.THEIR_WORK.search(text)),
        stranger=bool(sx.STRANGER_TEXT.search(text)), question=question,
        gratitude=bool(lx.GRATITUDE.search(text)), easy_out=bool(lx.EASY_OUT.search(text)),
        chestnut=_chestnut(text, orgs, cats), whole_network=bool(lx.WHOLE_NETWORK.search(text)),
        asks_for_job=bool(lx.ASKS_FOR_JOB.search(text)), negative=_negative(text),
        desperate=bool(sx.DESPERATE.search(text)),
        open_ended=bool(sx.OPEN_ENDED.search(text)), greeting_name=greeting_name(text),
    )


def _industry(text: str, category: str) -> bool:
    """"anyone in the oil and gas field" names an industry, not a kind of people."""
    at = text.find(category)
    return bool(lx.PEOPLE_IN.match(category)) and at >= 0 and bool(sx.INDUSTRY_AFTER.match(text[at:]))

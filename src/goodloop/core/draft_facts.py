"""The facts drafts are written from, and the phrases built from them (issue 13, item 8).

A draft never pastes a free-text note into a sentence: a note can be a verb phrase ("introduced
me to Bo"), a fragment ("resume tips") or anything else, and no slot reads well with all of
them. Drafts are written from structured facts instead: what kind of help, for whom or where
(the person introduced, the organization, the role), when, what came of it (a lead's stage or
an introduction's status) and what the ask was about (its kind and organizations). Each
phrase below reads as part of a sentence whatever facts are missing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

PLACEHOLDER_NAMES = frozenset({"me", ""})  # the "me" person before you give your name


def is_placeholder(name: str | None) -> bool:
    """True for the store's placeholder name for you ("Me"), which must never reach a draft."""
    return (name or "").strip().lower() in PLACEHOLDER_NAMES


def lower_first(text: str) -> str:
    """Lower-case a phrase's first letter unless its first word looks like a name or an acronym
    ("Introductions to my network" -> "introductions to my network"; "API design" stays)."""
    text = (text or "").strip()
    if not text:
        return text
    first = text.split()[0]
    if len(first) > 1 and (first[1:] != first[1:].lower() or not first.isalpha()):
        return text  # "API", "iOS", "McKinsey", "B2B": keep as written
    return text[0].lower() + text[1:]


def tidy(draft: str) -> str:
    """The last pass over an assembled draft: a name ending in a full stop ("eBay Inc.") at the
    end of a sentence leaves one stop, not two; no doubled spaces."""
    draft = re.sub(r"(?<!\.)\.\.(?!\.)", ".", draft)
    draft = re.sub(r"\.([:;,?!])", r".\1", draft)
    return re.sub(r"[ \t]{2,}", " ", draft)


def tidied(draft_function):
    """Pass a draft function's text through `tidy`."""
    @functools.wraps(draft_function)
    def wrapper(*args, **kwargs):
        return tidy(draft_function(*args, **kwargs))
    return wrapper


def clause(text: str) -> str:
    """A recorded phrase made safe to embed mid-sentence: one line, no end punctuation, no
    brackets, first letter lowered unless it is a name ("Introductions." -> "introductions")."""
    text = " ".join((text or "").replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ").split())
    return lower_first(text.rstrip(".!?;:, -"))


@dataclass(frozen=True)
class Help:
    """What someone did for me: ``kind`` is a favor kind; ``whom`` the person they introduced me
    to, ``organization`` where, ``role`` the job it was about (all optional)."""

    kind: str
    whom: str = ""
    organization: str = ""
    role: str = ""

    def _at(self) -> str:
        return f" at {self.organization}" if self.organization else ""

    def _about(self) -> str:
        if self.role and self.organization:
            return f" on the {self.role} role at {self.organization}"
        if self.role:
            return f" on the {self.role} role"
        return f" about {self.organization}" if self.organization else ""

    def noun(self) -> str:
        """'your introduction to Bo Chen at Acme', 'your advice', 'the lead on the PM role at Acme'."""
        k = self.kind
        if k == "introduction":
            to = f" to {self.whom}" if self.whom else ""
            return f"your introduction{to}{self._at()}"
        if k == "referral":
            return f"your referral{' for the ' + self.role + ' role' if self.role else ''}{self._at()}"
        if k == "reference":
            return "your reference" + (f" for the {self.role} role{self._at()}" if self.role else self._at())
        if k == "resume_feedback":
            return "your feedback on my resume"
        if k == "lead":
            return "the lead" + self._about()
        if k in ("advice", "insight"):
            return f"your {k}{self._about()}"
        if k == "encouragement":
            return "your encouragement"
        if k == "share":
            return "what you shared with me"
        return "your help" + self._about()

    def done(self) -> str:
        """What they did, as a gerund phrase: 'introducing me to Bo Chen at Acme', 'your advice'."""
        if self.kind == "introduction":
            to = f" to {self.whom}" if self.whom else ""
            return f"introducing me{to}{self._at()}"
        if self.kind == "referral":
            return f"referring me{' for the ' + self.role + ' role' if self.role else ''}{self._at()}"
        if self.kind == "reference":
            return "being a reference for me"
        if self.kind == "lead":
            return "pointing me to " + (f"the {self.role} role{self._at()}" if self.role else f"an opening{self._at()}")
        return self.noun()


@dataclass(frozen=True)
class Outcome:
    """What came of it: a sentence-part and whether it worked out (None: still under way)."""

    text: str
    success: bool | None = None


def _role(role: str, organization: str) -> str:
    if role and organization:
        return f"the {role} role at {organization}"
    if role:
        return f"the {role} role"
    return f"the role at {organization}" if organization else "the role"


LEAD_PHRASES = {
    "identified": "I'm looking into {role}",
    "networking": "I'm talking to people about {role}",
    "referred": "I was referred for {role}",
    "applied": "I've applied for {role}",
    "interviewing": "I'm now interviewing for {role}",
    "offer": "I have an offer for {role}",
    "accepted": "I accepted {role}",
    "rejected": "{role} went to another candidate",
    "withdrawn": "I withdrew from {role}",
}


def lead_outcome(stage: str, role: str = "", organization: str = "") -> Outcome:
    """A lead's stage as news: 'I'm now interviewing for the PM role at Acme'."""
    text = LEAD_PHRASES.get(stage, "I'm still working on {role}").format(role=_role(role, organization))
    success = True if stage == "accepted" else (False if stage in ("rejected", "withdrawn") else None)
    return Outcome(text, success)


def intro_outcome(status: str, whom: str = "", organization: str = "") -> Outcome:
    """An introduction's status as news: 'I met Bo and we had a good conversation'."""
    first = whom.split()[0] if whom.split() else ""
    if status == "met":
        return Outcome(f"I met {first or 'them'} and we had a good conversation", None)
    if status == "made":
        return Outcome(f"{first or 'they'} and I are setting up a time to talk", None)
    if status == "declined":
        return Outcome(f"{first} wasn't able to make time" if first else "they weren't able to make time", False)
    return Outcome(f"I'm waiting to hear back from {first or 'them'}", None)


ASK_TOPICS = {
    "introduction": "an introduction to someone{at}",
    "referral": "a referral{at}",
    "reference": "a reference",
    "resume_feedback": "feedback on my resume",
    "insight": "your insight{about}",
    "advice": "your advice{about}",
}


def ask_topic(kind: str, organizations=()) -> str:
    """What an ask was about, from its kind and organizations: 'an introduction to someone at
    Stripe', 'your advice about Acme'; 'my question' when nothing more is known."""
    orgs = [o for o in organizations if o]
    names = " or ".join(orgs[:2])
    at = f" at {names}" if names else ""
    about = f" about {names}" if names else ""
    if kind in ASK_TOPICS:
        return ASK_TOPICS[kind].format(at=at, about=about)
    return f"my question about {names}" if names else "my question"


_VERBS = frozenset("learn talk ask discuss hear get understand explore chat meet share compare find see "
                   "introduce connect review pick swap trade know".split())
_LEADS = ("i'm looking for ", "i am looking for ", "looking for ", "is looking for ", "they need ", "needs ",
          "need ", "wants ", "want ")


def purpose_sentence(purpose: str, subject: str = "I") -> str:
    """A sentence saying what an introduction is for, whatever form the purpose was typed in:
    'learn about Zeta' -> "I'm hoping to learn about Zeta."; 'PMM chat' -> "I'd like to talk
    about PMM chat." (`subject` "I" or a first name)."""
    text = clause(purpose)
    if text.lower().startswith("to "):
        text = text[3:]
    first = text.split()[0].lower() if text else ""
    if subject == "I":
        hoping, like = "I'm hoping to", "I'd like to talk about"
    elif subject == "they":
        hoping, like = "They're hoping to", "They'd like to talk about"
    else:
        hoping, like = f"{subject} is hoping to", f"{subject} would like to talk about"
    if not text:
        return f"{hoping} learn how their team works."
    if first in _VERBS:
        return f"{hoping} {text}."
    if first.isdigit() or first in ("a", "an", "some", "one", "two", "few", "quick", "short", "half"):
        return f"{hoping[:-3]} for {text}."  # "I'm hoping for 20 minutes on payments."
    if first == "about":
        return f"{like} {text[6:]}."
    return f"{like} {text}."


def need_phrase(need: str) -> str:
    """A recorded need as a noun phrase after 'looking for': 'Looking for a designer.' -> 'a designer'."""
    text = clause(need)
    low = text.lower()
    for lead in _LEADS:
        if low.startswith(lead):
            return text[len(lead):].strip()
    return text

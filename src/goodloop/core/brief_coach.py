"""The brief coach: its own rules for the "how you can help" items of a brief (issue 14.5).

A brief item is not a message. Nobody is greeted, nothing is asked as a question, no thanks
is owed: "Introductions to product managers at Stripe or Plaid" is a good item. What an item
needs is the kind of help (an introduction, 20 minutes of insight, a look at the resume,
a reference), who or where (a kind of people or an organization - the brief's own targets
count), and to be read at a glance. The classic vague asks, a job, or the whole network are
as unhelpful in a brief as in a message. Each note is a sentence for a person, never a code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from goodloop.core.coach_reading import read

MAX_ITEM_WORDS = 25
GOOD = 85  # an item at or above this needs no suggestion (as for messages)
CAP = 45

PENALTIES = {"no_help_kind": 30, "no_who_or_where": 30, "vague": 30, "asks_for_job": 30,
             "whole_network": 30, "too_long": 10}
MESSAGES = {
    "no_help_kind": "Say what kind of help would make a difference: an introduction, 20 minutes of insight, "
                    "a look at your resume, a reference.",
    "no_who_or_where": "Say who or where: a kind of people (product marketing, hiring managers) or "
                       "one of your target organizations.",
    "vague": "This reads like a classic vague ask; a reader of your brief can't act on it.",
    "asks_for_job": "Ask readers for insight or introductions rather than a job or openings.",
    "whole_network": "Ask for one or two people rather than a whole network.",
    "too_long": f"Keep each item under {MAX_ITEM_WORDS} words so it is read at a glance.",
}
_HELP_KIND = re.compile(
    r"\bintro(?:duc\w*)?s?\b|\bconnect\w*\b|\b\d+\s*(?:-\s*)?min|\bminutes?\b|\bcall\b|\bcoffee\b|\bchat\b|"
    r"\bfeedback\b|\breview\w*\b|\blook\s+(?:at|over)\b|\breferr?\w*\b|\breferences?\b|\binsights?\b|\badvice\b|"
    r"\bnames?\s+of\b|\btips?\s+on\b|\bquestions?\b|\bmock\s+interview|\bintel\b|\bperspective\b|\bwhat\s+it'?s\s+like\b",
    re.I,
)
_OWN_TARGETS = re.compile(r"\b(?:my|the)\s+(?:target|listed)\s+(?:companies|organi[sz]ations|employers|list)\b|"
                          r"\b(?:companies|organi[sz]ations)\s+(?:above|below|on\s+my\s+list)\b", re.I)


@dataclass(frozen=True)
class ItemReading:
    text: str
    score: int
    findings: tuple[dict, ...]
    rewrite: str

    def as_dict(self) -> dict:
        """The brief page's shape: ``{text, score, findings[{code, message, principle}], rewrite}``."""
        return {"text": self.text, "score": self.score, "findings": list(self.findings), "rewrite": self.rewrite}


def read_item(text: str, targets: Sequence[str] = (), categories: Sequence[str] = ()) -> ItemReading:
    """Score one brief item 0-100 with notes for a person and, when it helps, a suggestion."""
    r = read(text, targets, categories)
    codes = []
    if not _HELP_KIND.search(r.text) and not r.action:
        codes.append("no_help_kind")
    if not (r.where or r.who or r.objects or _OWN_TARGETS.search(r.text)):
        codes.append("no_who_or_where")
    for code, hit in (("vague", r.chestnut or r.open_ended), ("asks_for_job", r.asks_for_job),
                      ("whole_network", r.whole_network)):
        if hit:
            codes.append(code)
    if r.words > MAX_ITEM_WORDS:
        codes.append("too_long")
    score = max(0, 100 - sum(PENALTIES[c] for c in codes)) if r.text.strip() else 0
    if {"vague", "asks_for_job", "whole_network"} & set(codes):
        score = min(score, CAP)
    findings = tuple({"code": c, "message": MESSAGES[c], "principle": "P1"} for c in codes)
    return ItemReading(text, score, findings, _suggest(r.text, codes, targets, categories) if score < GOOD else "")


def _suggest(text: str, codes: Sequence[str], targets: Sequence[str], categories: Sequence[str]) -> str:
    """An item built from the brief's own targets and categories, keeping the user's item when it is
    only missing who or where."""
    where = f" at {' or '.join(targets[:2])}" if targets else ""
    who = categories[0] if categories else ""
    if not who and not where:
        return ""
    if codes == ["no_who_or_where"]:
        example = " ".join(x for x in (who, where.strip()) if x)
        return f"{text.rstrip('. ')} (for example {example})"
    people = f"one or two people in {who}" if who else "one or two people"
    return f"An introduction to {people}{where}, for a 20-minute conversation."


def read_items(lines: Sequence[str], targets: Sequence[str] = (), categories: Sequence[str] = ()) -> list[dict]:
    """The brief coach over every item, in the page's dict shape."""
    return [read_item(line, targets, categories).as_dict() for line in lines]

"""Gives from needs (P3: give first, listen for what contacts need).

A contact's recorded need ("a UX designer for her startup", "intro to someone at Stripe")
becomes a give suggestion when it matches something the user can offer (the brief's
"what I can offer") or an organization where the user knows someone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from goodloop.core.textkeys import normalize_org

# Words too common to show that a need and an offer are about the same thing.
_STOP = {
    "a", "an", "the", "and", "or", "for", "to", "of", "in", "on", "at", "with", "by", "from", "her",
    "his", "their", "my", "your", "our", "someone", "somebody", "anyone", "people", "person", "who",
    "looking", "look", "need", "needs", "want", "wants", "help", "some", "any", "new", "good", "great",
    "about", "into", "it", "is", "are", "be", "can", "could", "would", "i", "me", "we", "they", "she",
    "he", "intro", "introduction", "introductions", "connect", "connection", "connections",
}


def _stem(word: str) -> str:
    for suffix in ("ing", "ers", "er", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def keywords(text: str) -> set[str]:
    """Content words of a need or offer, lowercased and crudely stemmed."""
    return {_stem(w) for w in re.findall(r"[a-z0-9][a-z0-9+#&-]*", text.casefold()) if w not in _STOP}


@dataclass(frozen=True)
class GiveSuggestion:
    """A give: the need it answers, what to offer, and why it matched."""

    need: str
    offer: str
    reason: str


def suggest_gives(
    needs: Sequence[str],
    offers: Sequence[str] = (),
    contacts_by_org: Mapping[str, Sequence[str]] | None = None,
) -> list[GiveSuggestion]:
    """Match a contact's needs against the user's offers and the organizations where the
    user knows people (``{"Stripe": ["Raj Patel"], ...}``). At most one suggestion per need:
    an introduction at a named organization first (the most concrete give), else the offer
    sharing the most content words.
    """
    orgs = {normalize_org(org): (org, people) for org, people in (contacts_by_org or {}).items() if people}
    out: list[GiveSuggestion] = []
    for need in needs:
        low = f" {normalize_org(need)} "
        org_hit = next(((org, people) for key, (org, people) in orgs.items() if key and f" {key} " in low), None)
        if org_hit:
            org, people = org_hit
            out.append(
                GiveSuggestion(need, f"an introduction to {people[0]} at {org}", f"You know {people[0]} at {org}.")
            )
            continue
        need_words = keywords(need)
        best, shared = None, set()
        for offer in offers:
            common = need_words & keywords(offer)
            if len(common) > len(shared):
                best, shared = offer, common
        if best:
            out.append(GiveSuggestion(need, best, f"Your offer matches their need ({', '.join(sorted(shared))})."))
    return out

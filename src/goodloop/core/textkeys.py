"""The key the coach and the give matcher compare organization names in free text by.

Kept apart from the coach's lexicon so that matching a need against the network (on
every Today) does not compile the coach's patterns.
"""

from __future__ import annotations

import re

LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
    "gmbh", "plc", "sa", "ag", "bv", "nv", "pty", "llp", "lp", "sarl", "srl", "oy", "ab",
})

_WORD = re.compile(r"[\w&]+")


def normalize_org(name: str) -> str:
    """Lowercase, punctuation stripped, legal suffixes (Inc., LLC, GmbH...) and a leading 'the' dropped."""
    words = _WORD.findall(name.casefold())
    while words and words[-1] in LEGAL_SUFFIXES and len(words) > 1:
        words.pop()
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    return " ".join(words)

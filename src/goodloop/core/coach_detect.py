"""What the ask coach recognises in a text: organizations, categories of people, whether
it is a question, and what kind of ask it is. Pure text analysis over
:mod:`goodloop.core.coach_lexicon`; :mod:`goodloop.core.coach` turns it into findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from goodloop.core import coach_lexicon as lx
from goodloop.core.textkeys import normalize_org

# ------------------------------------------------------------------ organizations


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


@lru_cache(maxsize=16)
def _org_table(names: tuple[str, ...]) -> tuple[dict[str, str], int]:
    """Normalized key -> name, and the longest key in words; cached because one account's
    known organizations are read for every ask (the coach, its rewrite, the giver)."""
    table: dict[str, str] = {}
    for name in names:
        key = normalize_org(name)
        if key:
            table.setdefault(key, name)
    return table, max((len(k.split()) for k in table), default=0)


def _known_orgs_in(text: str, names: Iterable[str]) -> list[str]:
    """Context organizations mentioned in the text (n-gram lookup, so 1,500 names stay cheap)."""
    table, longest = _org_table(tuple(names))
    if not table:
        return []
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
    fields = [m.span("field") for m in lx.PEOPLE_IN.finditer(text)]
    for m in lx.ROLE_NOUN.finditer(text):
        if lx.SELF_DESCRIPTION.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "I'm a data analyst" describes the asker
        if any(a <= m.start() < b for a, b in fields):
            continue  # "developer" in "people in developer marketing" is part of a field
        found.append(m.group(0))
    for m in lx.LEAD_ROLE.finditer(text):
        found.append(m.group(0))
    for m in lx.PEOPLE_IN.finditer(text):
        if m.group("field").split()[0].casefold() not in lx.NOT_FIELDS:
            found.append(m.group(0))
    found += [m.group(0) for m in lx.WHO_DOES.finditer(text)]
    found += [m.group(0) for m in lx.FUNCTION_TEAM.finditer(text)]
    found += [m.group(0) for m in lx.NAMED_PERSON.finditer(text)]
    found += [m.group(0) for m in lx.KNOWN_PERSON.finditer(text)]
    return list(dict.fromkeys(found))


# ------------------------------------------------------------------------ analysis


def is_question(text: str) -> bool:
    """True for a "?", an indirect question ("could you...") or a sentence that opens like a question."""
    if "?" in text or lx.INDIRECT_QUESTION.search(text):
        return True
    sentences = re.split(r"(?<=[.!\n])\s+|\n", text)
    return any(lx.QUESTION_START.match(s.strip()) for s in sentences if s.strip())


_INTRO_TEXT = re.compile(
    r"\bintro(?:duc\w*)?\b|\bconnect\s+(?:me|us)\b|\bin\s+touch\b|"
    r"\b(?:do|would)\s+you\s+(?:happen\s+to\s+)?know\s+(?:anyone|anybody|someone|somebody|a|an|one|any\s+(?:people|one))\b|"
    r"\bwho\s+do\s+you\s+know\b",
    re.I,
)
_INSIGHT_TEXT = re.compile(
    r"\bminutes?\b|\bcall\b|\bchat\b|\bcoffee\b|\bshare\s+how\b|\btell\s+me\b|\bquestions?\b|\badvice\b|"
    r"\byour\s+(?:take|view|opinion|perspective|thoughts|insights?)\b",
    re.I,
)


def explicit_ask_kind(text: str) -> str | None:
    """The ask kind the text itself shows, or None when it shows none."""
    if lx.REFERENCE_TEXT.search(text):
        return "reference"
    if lx.REFERRAL_TEXT.search(text):
        return "referral"
    if lx.RESUME_TEXT.search(text) and not _INTRO_TEXT.search(text):
        return "resume_feedback"
    if _INTRO_TEXT.search(text):
        return "introduction"
    if _INSIGHT_TEXT.search(text):
        return "insight"
    return None


def detect_ask_kind(text: str) -> str:
    """Best guess of the ask kind from the text alone ("introduction" when it shows none)."""
    return explicit_ask_kind(text) or "introduction"

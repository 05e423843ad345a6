"""The rewrite edits the user's own ask instead of replacing it (issue 14, DESIGN.md section 4).

What is good stays: the greeting, named people, the organizations and team the user chose,
shared history, and the kind of help (a referral stays a referral; when the trust gate
fires, a smaller ask is offered *as an alternative*). Only what is missing is added: an
organization from the targets when none is named and the ask is about people or jobs, a
kind of people from the brief, a small bounded action, why them, thanks and an easy out.
Sentences that only hurt (hard-luck lines, the classic vague asks, asking for a job or the
whole network) are dropped when they name no one and nothing.

Every draft is scored again; a draft is offered only if it scores higher than the original,
keeps every organization and name, and asks for the same kind of help - else a lighter
edit is tried, and else there is no rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from goodloop.core import coach_lexicon as lx
from goodloop.core.coach_reading import Reading, greeting_name, read, sentences
from goodloop.core.drafts import people_phrase
from goodloop.core.rules import COACH_MAX_WORDS, COACH_MAX_WORDS_FIRST_CONTACT
from goodloop.core.textkeys import normalize_org

THANKS = "Thank you - and no worries at all if not."
_LOWER_OK = {"could", "would", "can", "will", "do", "does", "is", "are", "i'm", "since", "my", "we", "any",
             "thanks", "thank", "hope", "quick", "just", "as", "so", "if", "when", "what", "who", "how", "please"}
_SENT = re.compile(r"(?<=[.!?])\s+|\n+")


def _relation(ctx, targets: Sequence[str]) -> tuple[str, str]:
    """The target the person is placed at and how: ("Square", "work") / ("Plaid", "worked") /
    ("Brex", "know"), or ("", "") when the person has no tie to a target."""
    person = ctx.person
    if not person:
        return "", ""
    keyed = {normalize_org(t): t for t in targets}
    for names, how in (([person.organization] if person.organization else [], "work"),
                       (person.past_organizations, "worked"), (person.connected_organizations, "know")):
        for n in names:
            if n and normalize_org(n) in keyed:
                return keyed[normalize_org(n)], how
    return "", ""


def _org_to_add(r: Reading, ctx) -> str:
    """Up to two organizations from the targets (the one the person is placed at first), only
    when the ask names none and is about people, jobs or the asker's own application."""
    if r.where or not (r.needs_people or not r.target or r.self_contained):
        return ""
    targets = list(ctx.target_organizations)
    placed, _ = _relation(ctx, targets)
    return placed or " or ".join(targets[:2])


def _category(r: Reading, ctx) -> str:
    if r.categories:
        return ""  # the ask already says who
    return ctx.people_categories[0] if ctx.people_categories else ""


def _ask_sentence(r: Reading, ctx, org: str, category: str) -> str:
    """One small bounded ask of the same kind as the original - or, when the original already
    asks for something bounded (a referral, a reference, a look at the resume), only what it
    is for."""
    where = f" at {org}" if org else (f" at {r.organizations[0]}" if r.organizations else "")
    if r.kind in ("referral", "reference") and not r.action:
        what = "refer me for" if r.kind == "referral" else "be a reference for me for"
        return f"Would you be willing to {what} {_role_phrase(category)}{where}?"
    if r.kind in ("referral", "reference", "resume_feedback") and (r.action or r.kind != "resume_feedback"):
        # Never re-ask a vouching ask or a look already asked for: say what it is for.
        return f"It's for {_role_phrase(category)}{where}." if org else ""
    who = people_phrase(category) if category else _their_people(r)
    if r.kind == "resume_feedback":
        role = f" for {category} roles{where}" if category else (f" for roles{where}" if where else "")
        return f"Would you spend 15 minutes looking over my resume{role}?"
    if r.kind in ("insight", "advice"):
        about = f" how {category} work{where}" if category else (f" how things work{where}" if where else " your view")
        return f"Would you have 20 minutes to share{about}?"
    return f"Would you be open to introducing me to {who}{where}? I'd ask them for just 20 minutes."


def _their_people(r: Reading) -> str:
    """The kind of people the ask already names, in its own words."""
    if not r.categories:
        return "one or two people"
    cat = next((c for c in r.categories if lx.PEOPLE_IN.match(c)), r.categories[0])
    if lx.PEOPLE_IN.match(cat):
        return "one or two people " + cat.split(None, 1)[1]  # "people in developer marketing"
    return people_phrase(cat) if not cat[:1].isupper() else f"one or two {cat}s"


def _role_phrase(category: str) -> str:
    """"a product marketing role" for a field; "a role" when the category is people."""
    if not category or people_phrase(category).startswith(f"one or two {category}"):
        return "a role"
    return f"{'an' if category[0].lower() in 'aeiou' else 'a'} {category} role"


def _protected(sentence: str, r: Reading) -> bool:
    """Sentences naming an organization, person, object or shared history are never dropped."""
    low = sentence.casefold()
    names = [*r.organizations, *r.people, *r.objects] + ([r.greeting_name] if r.greeting_name else [])
    return any(n and n.casefold() in low for n in names) or bool(re.search(r"\b(?:since|as)\s+you\b|\bwe\s+(?:both|worked|met)\b", low))


def _droppable(sentence: str, r: Reading) -> bool:
    if _protected(sentence, r):
        return False
    return bool(lx.NEGATIVE_TONE.search(sentence) or lx.VAGUE_CHESTNUT.search(sentence)
                or lx.ASKS_FOR_JOB.search(sentence) or lx.WHOLE_NETWORK.search(sentence))


_ANY_OPENINGS = re.compile(
    r"\b(?:any|whatever)\s+(?:\w+\s+)?(?:openings?|postings?|roles?|positions?|jobs?)(?:\s+(?:that|which)\s+(?:fit|match)\w*)?",
    re.I,
)


def _narrow(sentence: str, category: str) -> str:
    """"refer me for any openings" -> "refer me for one product marketing role (I'll send the posting)"."""
    one = f"one {category} role" if category and not _role_phrase(category) == "a role" else "one opening"
    return _ANY_OPENINGS.sub(lambda _: f"{one} (I'll send you the posting)", sentence, count=1)


_GREETING = re.compile(r"^\s*(?:hi|hey|hello|dear)\b[^,!:\n-]{0,40}?(?:[,!:]|\s-\s)\s*|^\s*(?:hi|hey|hello)\s+[A-Z][\w'-]*\s+", re.I)


def _split_greeting(text: str) -> tuple[str, str]:
    """("Hi Marcus,", "do you know ...") - the greeting stays whatever becomes of the sentence it opens."""
    m = _GREETING.match(text)
    if not m or not text[m.end():].strip():
        return "", text
    rest = text[m.end():].strip()
    return m.group(0).strip(), rest[0].upper() + rest[1:]


def _lower_first(text: str, r: Reading) -> str:
    """Lower-case the first word after "Hi Name," unless it is "I" or a name."""
    word = (text.split() or [""])[0].strip(",.!?:;")
    names = {n.casefold() for n in (*r.organizations, *r.people)}
    proper = word == "I" or word.startswith("I'") or word.casefold() in names or any(
        w.strip(",.!?:;") == word for w in r.text.split()[1:] if w[:1].isupper() and w != text.split()[0])
    if word and word.casefold() in _LOWER_OK or (word.isalpha() and not proper):
        return text[0].lower() + text[1:]
    return text


def _with_greeting(body: str, r: Reading, ctx) -> str:
    if r.greeting_name or re.match(r"\s*(?:hi|hey|hello|dear)\b", r.text, re.I):
        return body
    first = (ctx.person.name.split() or [""])[0] if ctx.person else ""
    return f"Hi {first}, {_lower_first(body, r)}" if first and first.casefold() != "me" else body


def _trim(parts: list[str], r: Reading, ctx, keep: set[int]) -> list[str]:
    """Drop middle sentences that carry nothing the helper needs until the ask fits."""
    limit = COACH_MAX_WORDS_FIRST_CONTACT if ctx.person and ctx.person.first_contact else COACH_MAX_WORDS
    for i in range(len(parts) - 2, 0, -1):
        if sum(len(p.split()) for p in parts) <= limit:
            break
        s = parts[i]
        if i in keep or _protected(s, r) or "?" in s or lx.GRATITUDE.search(s) or lx.EASY_OUT.search(s):
            continue
        parts[i] = ""
    return [p for p in parts if p]


def full_edit(r: Reading, codes: Sequence[str], ctx) -> str:
    org, category = _org_to_add(r, ctx), _category(r, ctx)
    greeting, text = _split_greeting(r.text)
    original = [_narrow(s, category or (r.categories[0] if r.categories else "")) for s in sentences(text)]
    original = [s if s[-1] in ".!?)" else s + "." for s in original]
    parts = [s for s in original if not _droppable(s, r)]
    added: list[str] = []
    placed, how = _relation(ctx, list(ctx.target_organizations))
    if not r.why_you and placed and placed == org:
        parts.insert(0, {"work": f"Since you're at {placed}, I'd value your help.",
                      "worked": f"Since you spent time at {placed}, I'd value your help.",
                      "know": f"I believe you know people at {placed}."}[how])
    needs_ask = (not r.action or "vague_chestnut" in codes or "asks_for_job" in codes or "whole_network" in codes
                 or org or (category and r.needs_people))
    ask = _ask_sentence(r, ctx, org, category) if needs_ask else ""
    if ask:
        added.append(ask)
    if "not_a_question" in codes and "?" not in ask:
        added.append("Would that be possible?")
    if "trust_gate" in codes:
        about = (r.organizations or [org] if org else r.organizations)
        where = f" about {about[0]}" if about else ""
        added.append(f"If that's too much to ask, a 15-minute call{where} would help just as much.")
    if "no_gratitude" in codes:
        added.append(THANKS)
    if not parts and not ask:
        parts = original[:1]  # nothing to put in its place: keep the user's words
    keep = set(range(len(parts), len(parts) + len(added)))
    body = " ".join(_trim(parts + added, r, ctx, keep))
    return f"{greeting} {_lower_first(body, r)}" if greeting else _with_greeting(body, r, ctx)


def light_edit(r: Reading, codes: Sequence[str], ctx) -> str:
    """Only what can't hurt: a closing question, thanks and an easy out."""
    tail = []
    if "not_a_question" in codes:
        tail.append("Would that be possible?")
    if "no_gratitude" in codes:
        tail.append(THANKS)
    return _with_greeting(" ".join([r.text.strip(), *tail]), r, ctx) if tail else ""


def keeps_what_matters(before: Reading, after_text: str, ctx) -> bool:
    """Every organization and name the original named is still there, and the kind of help."""
    after = read(after_text, [*ctx.target_organizations, *ctx.known_organizations], ctx.people_categories,
                 ctx.ask_kind, ctx.person.organization if ctx.person else None)
    have = {normalize_org(o) for o in after.organizations}
    low = after_text.casefold()
    return (all(normalize_org(o) in have or o.casefold() in low for o in before.organizations)
            and all(p.casefold() in low for p in before.people)
            and (not before.greeting_name or greeting_name(after_text) == before.greeting_name
                 or before.greeting_name in after_text)
            and after.kind == before.kind)


def edit(r: Reading, result, ctx, score_of: Callable[[str], int]) -> str:
    """The best edit that scores higher and keeps what matters, or "" when none does.

    ``score_of`` scores a draft (the coach passes itself, without a rewrite), so this module
    never imports the coach back."""
    for make in (full_edit, light_edit):
        draft = make(r, result.codes, ctx)
        if not draft or draft.strip() == r.text.strip():
            continue
        score = score_of(draft)
        # A gated ask keeps its gate (the person is still a stranger) but gains the smaller
        # alternative: offered at an equal score.
        better = score > result.score or (score == result.score and "trust_gate" in result.codes)
        if better and keeps_what_matters(r, draft, ctx):
            return draft
    return ""

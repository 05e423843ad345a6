"""Short, specific, ready-to-send drafts for the agenda (P2, P3, P4).

Each function takes plain values the store already knows (who, what they did, when,
what came of it) and returns a plain string. Drafts stay short: a helper reads them on a
phone. Grant & Gino 2010: a short written thank-you makes helpers more willing to help
again, so the thank-you names what they did and when.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from goodloop.core.draft_facts import Help, Outcome, clause, is_placeholder, lead_outcome, need_phrase, tidied

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def first_name(name: str) -> str:
    """The first word of a display name ("there" when empty or the placeholder "Me"), for greetings."""
    parts = (name or "").split()
    return parts[0] if parts and not is_placeholder(name) else "there"


def when_phrase(when: date | None, today: date | None) -> str:
    """Human relative date: "today", "yesterday", "on Monday", "last week", "on 3 March 2025"."""
    if when is None:
        return "recently"
    if today is None:
        return f"on {when.day} {when.strftime('%B')} {when.year}"
    days = (today - when).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {_WEEKDAYS[when.weekday()]}"
    if 7 <= days < 14:
        return "last week"
    if when.year == today.year:
        return f"on {when.day} {when.strftime('%B')}"
    return f"on {when.day} {when.strftime('%B')} {when.year}"


def _help(what) -> Help:
    """A `Help` from a Help or a favor kind; any other text (a pasted note) is not put in a
    sentence: it reads as "your help"."""
    if isinstance(what, Help):
        return what
    kind = (what or "").strip().lower().replace(" ", "_")
    return Help(kind if kind in _HELP_KINDS else "other")


_HELP_KINDS = frozenset({"introduction", "referral", "reference", "resume_feedback", "advice", "insight", "lead",
                         "encouragement", "share"})


@tidied
def thank_you(name: str, what: Help | str, when: date | None = None, today: date | None = None) -> str:
    """A thank-you naming what they did and when (from facts: the kind of help, whom, where)."""
    return (f"Hi {first_name(name)}, thank you for {_help(what).done()} {when_phrase(when, today)}. "
            "It really helps, and I'll let you know how it pans out.")


@tidied
def report(
    name: str,
    what: Help | str,
    outcome: Outcome | None = None,
    *,
    when: date | None = None,
    today: date | None = None,
) -> str:
    """Report back on how their help panned out, including when it did not work out: the
    `outcome` (facts.lead_outcome / intro_outcome) says what happened; None is "no news yet"."""
    hello = f"Hi {first_name(name)}, a quick update on {_help(what).noun()} {when_phrase(when, today)}"
    if outcome is None:
        return f"{hello}: there's no news yet, but it's moving. Thanks again; I'll keep you posted."
    if outcome.success is True:
        return f"{hello}: {outcome.text}. Your help made a real difference - thank you!"
    if outcome.success is False:
        return (f"{hello}: {outcome.text}. It didn't work out this time, but thank you anyway - it moved my "
                "search forward and I learned a lot. If I can return the favor, just say.")
    return f"{hello}: {outcome.text}. Thanks again; I'll keep you posted."


@tidied
def landed(name: str, organization: str, role: str = "", helped: Sequence[Help] = ()) -> str:
    """The "I landed" note for the thank-everyone campaign when a lead is accepted, honest about each
    part (from facts, at most two of each): help at the organization I landed at was part of getting
    here; help with another organization didn't turn into a role there but kept the search moving;
    help tied to no organization (advice, encouragement) is thanked for as help during the search."""
    job = f" as {role}" if role else ""
    here, elsewhere, during = _by_place(helped, organization)
    thanks = []
    if here:
        thanks.append(f"Thank you for {_both(here)}: {'it was' if len(here) == 1 else 'they were'} part of "
                      "getting here.")
    if elsewhere:
        it, there = ("it", " there") if len(elsewhere) == 1 else ("they", "")
        # "didn't turn into a role" where no role is named yet: never "the PM role didn't turn into a role".
        outcome = "didn't work out" if all(h.role or h.kind == "lead" for h in elsewhere) else "didn't turn into a role"
        thanks.append(f"Thank you{' too' if thanks else ''} for {_both(elsewhere)}: {it} {outcome}{there}, "
                      f"but {it} helped me keep my search moving.")
    if during and len(thanks) < 2:
        thanks.append(f"Thank you{' too' if thanks else ''} for {_both(during)} during my search.")
    how = " ".join(thanks) or "Thank you for your help along the way."
    return (f"Hi {first_name(name)}, good news: I've accepted an offer at {organization}{job}. {how} "
            "If I can ever return the favor, please ask.")


def _by_place(helped: Sequence[Help], organization: str) -> tuple[list[Help], list[Help], list[Help]]:
    """Help at the organization I landed at, at another organization, and at none; each once."""
    here, elsewhere, during, seen = [], [], [], set()
    for h in helped:
        if h.noun() in seen:
            continue
        seen.add(h.noun())
        at = h.organization.strip().casefold()
        (here if at and at == organization.strip().casefold() else elsewhere if at else during).append(h)
    return here, elsewhere, during


def _both(helped: list[Help]) -> str:
    return " and ".join(h.noun() for h in helped[:2])


@tidied
def nudge(name: str, topic: str, sent: date | None = None, today: date | None = None) -> str:
    """The one polite nudge: names the ask's topic (facts.ask_topic), short, no guilt, an easy out."""
    when = f" {when_phrase(sent, today)}" if sent else ""
    return (f"Hi {first_name(name)}, just floating my note{when} about {clause(topic) or 'my question'} back up "
            "in case it got buried. No worries at all if now isn't a good time - thanks either way.")


@tidied
def lead_step(name: str, role: str, organization: str, stage: str) -> str:
    """Asking the person behind a stalled lead for the next step."""
    news = lead_outcome(stage, role, organization).text
    return (f"Hi {first_name(name)}, a quick update and a question: {news}. What would you suggest as my "
            "next step? Thank you - no pressure if you're busy.")


@tidied
def second_contact(organization: str, first_person: str = "", new_person: str = "") -> str:
    """A first note to a second person at the same organization (3B7, day 3)."""
    via = f" I also reached out to {first_name(first_person)}, and" if first_person else ""
    return (
        f"Hi {first_name(new_person)}, I'm exploring roles at {organization}.{via} I'd value your "
        "perspective: would you have 20 minutes in the next couple of weeks to share what your "
        "team looks for? Thank you - no worries if the timing is bad."
    )


@tidied
def check_in(name: str, last_topic: str = "", their_need: str = "", days_since: int | None = None) -> str:
    """A check-in that gives before it asks: their news or need first, no request."""
    opener = f"Hi {first_name(name)}, "
    need, topic = need_phrase(their_need), clause(last_topic)
    if need:
        body = f"I was thinking of you and your search for {need} - how is that going?"
    elif topic:
        body = f"I was thinking about our conversation about {topic}. How are things?"
    elif days_since and days_since > 180:
        body = "it's been a while - how are you, and what are you working on these days?"
    else:
        body = "how are things going? I'd love to hear what you're working on."
    return opener + body + " Anything I can help with?"


@tidied
def give(name: str, need: str, offer: str) -> str:
    """A give from a recorded need: what they want and what the user can offer."""
    offer = clause(offer)
    for lead in ("i can ", "i could ", "happy to ", "i'm happy to "):
        if offer.lower().startswith(lead):
            offer = f"I can {offer[len(lead):]}"
            break
    return (f"Hi {first_name(name)}, you mentioned you're looking for {need_phrase(need) or 'help'}. "
            f"One thing I can offer: {offer or 'an introduction or a second pair of eyes'}. Would that be useful? "
            "No strings attached.")


# Plural words that name a field, not people: "one or two people in sales", not "one or two sales".
_FIELDS_ENDING_IN_S = {"sales", "operations", "ops", "analytics", "communications", "comms", "logistics",
                       "economics", "services", "relations", "affairs", "devops", "systems", "payments",
                       "graphics", "robotics", "genomics", "diagnostics", "materials", "news", "events"}


def people_phrase(category: str) -> str:
    """'one or two product managers' for a plural role, else 'one or two people in <category>'."""
    words = category.lower().split()
    if not words:
        return "one or two people"
    last = words[-1]
    plural_role = (last.endswith("s") and not last.endswith("ss") and last not in _FIELDS_ENDING_IN_S) \
        or last in ("people", "alumni") or words[0] in ("heads", "chiefs")
    return f"one or two {category}" if plural_role else f"one or two people in {category}"


# ------------------------------------------------ relationship building (trust13: issue 13, item 5)

@tidied
def building_follow_up(name: str, met_on: date, today: date, introducer: str = "", first: bool = True) -> str:
    """After meeting someone through an introduction: the week-later follow-up, then the monthly
    check-ins that turn an introduction into a relationship (no ask in either)."""
    hello = f"Hi {first_name(name)}, "
    if first:
        via = f", and thanks to {first_name(introducer)} for connecting us" if introducer else ""
        return (f"{hello}thank you again for making time to meet {when_phrase(met_on, today)}{via}. "
                "I've been thinking about what you said. Is there anything I can help you with?")
    return (f"{hello}it's been {_time_since(met_on, today)} since we met, so a quick hello. How are things going "
            "on your side? If anything I can do would help, just say.")


def _time_since(then: date, today: date) -> str:
    """How long ago, as one would say it: the monthly check-ins run for three months after meeting."""
    days = (today - then).days
    if days < 21:
        return "a couple of weeks"
    if days < 45:
        return "about a month"
    if days < 75:
        return "a couple of months"
    return "a few months"

"""Short, specific, ready-to-send drafts for the agenda (P2, P3, P4).

Each function takes plain values the store already knows (who, what they did, when,
what came of it) and returns a plain string. Drafts stay short: a helper reads them on a
phone. Grant & Gino 2010: a short written thank-you makes helpers more willing to help
again, so the thank-you names what they did and when.
"""

from __future__ import annotations

from datetime import date

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def first_name(name: str) -> str:
    """The first word of a display name ("there" when empty), for greetings."""
    parts = (name or "").split()
    return parts[0] if parts else "there"


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


def _what(kind_or_note: str) -> str:
    return kind_or_note.replace("_", " ").strip() or "your help"


def thank_you(name: str, what: str, when: date | None = None, today: date | None = None, effect: str = "") -> str:
    """A thank-you naming what they did and when; ``effect`` (optional) says what it already changed."""
    text = f"Hi {first_name(name)}, thank you for the {_what(what)} {when_phrase(when, today)}."
    if effect:
        text += f" {effect.strip().rstrip('.')}."
    text += " It really helps, and I'll let you know how it pans out."
    return text


def report(
    name: str,
    what: str,
    outcome: str = "",
    *,
    success: bool | None = None,
    when: date | None = None,
    today: date | None = None,
) -> str:
    """Report back on how their help panned out - including when it did not work out.

    ``success`` True: good news; False: "it didn't work out, but thank you"; None: an
    update in progress. ``outcome`` is a short clause ("I start at Stripe on 3 June").
    """
    hello = f"Hi {first_name(name)}, a quick update on the {_what(what)} you gave me {when_phrase(when, today)}"
    detail = f": {outcome.strip().rstrip('.')}." if outcome else "."
    if success is True:
        return f"{hello}{detail} Your help made a real difference - thank you!"
    if success is False:
        return (
            f"{hello}{detail} It didn't work out this time, but thank you - it moved my search "
            "forward and I learned a lot. If I can return the favor, just say."
        )
    return f"{hello}{detail} Thanks again; I'll keep you posted."


def landed(name: str, organization: str, role: str = "", helped_with: str = "") -> str:
    """The "I landed" note for the thank-everyone campaign when a lead is accepted."""
    job = f" as {role}" if role else ""
    how = f" Your {_what(helped_with)} was part of getting here." if helped_with else ""
    return (
        f"Hi {first_name(name)}, good news: I've accepted an offer at {organization}{job}.{how} "
        "Thank you for your help along the way - and if I can ever return the favor, please ask."
    )


def nudge(name: str, ask_summary: str, sent: date | None = None, today: date | None = None) -> str:
    """The one polite nudge: short, no guilt, an easy out."""
    return (
        f"Hi {first_name(name)}, just floating this back up in case it got buried: my note "
        f"{when_phrase(sent, today)} about {ask_summary.strip().rstrip('.?')}. "
        "No worries at all if now isn't a good time - thanks either way."
    )


def second_contact(organization: str, first_person: str = "", new_person: str = "") -> str:
    """A first note to a second person at the same organization (3B7, day 3)."""
    via = f" I also reached out to {first_name(first_person)}, and" if first_person else ""
    return (
        f"Hi {first_name(new_person)}, I'm exploring roles at {organization}.{via} I'd value your "
        "perspective: would you have 20 minutes in the next couple of weeks to share what your "
        "team looks for? Thank you - no worries if the timing is bad."
    )


def second_contact_suggestion(organization: str, first_person: str = "") -> str:
    """The agenda line that proposes a second contact (no person chosen yet)."""
    who = f"{first_name(first_person)} hasn't replied" if first_person else "No reply yet"
    return f"{who}: find a second person at {organization} (run `goodloop who {organization}`) and reach out."


def check_in(name: str, last_topic: str = "", their_need: str = "", days_since: int | None = None) -> str:
    """A check-in that gives before it asks: their news or need first, no request."""
    opener = f"Hi {first_name(name)}, "
    if their_need:
        body = f"I was thinking of you and of {their_need.strip().rstrip('.')} - how is that going?"
    elif last_topic:
        body = f"I was thinking about our conversation about {last_topic.strip().rstrip('.')}. How are things?"
    elif days_since and days_since > 180:
        body = "it's been a while - how are you, and what are you working on these days?"
    else:
        body = "how are things going? I'd love to hear what you're working on."
    return opener + body + " Anything I can help with?"


def give(name: str, need: str, offer: str) -> str:
    """A give from a recorded need: what they want and what the user can offer."""
    return (
        f"Hi {first_name(name)}, you mentioned you're looking for {need.strip().rstrip('.')}. "
        f"I could help with {offer.strip().rstrip('.')} - would that be useful? No strings attached."
    )


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


def specific_ask(
    name: str,
    organization: str,
    category: str,
    *,
    kind: str = "introduction",
    works_there: bool = False,
) -> str:
    """A specific, small ask phrased as a question with thanks and an easy out (< 75 words)."""
    hi = f"Hi {first_name(name)},"
    where = "there" if works_there else f"at {organization}"
    if kind == "resume_feedback":
        body = (
            f" I'm applying for {category} roles at {organization}. Would you spend 20 minutes "
            "giving me feedback on my resume for that role?"
        )
    elif kind in ("insight", "advice", "referral", "reference"):
        lead = f" Since you know {organization}," if works_there else f" I'm focusing on {organization}."
        body = f"{lead} Would you have 20 minutes to share how the {category} team {where} works and what they look for?"
    else:
        body = (
            f" I'm focusing my search on {organization}. Do you know {people_phrase(category)} "
            f"{where} you'd be comfortable introducing me to? I'd ask them for just 20 minutes."
        )
    return f"{hi}{body} Thank you - and no worries at all if not."


# ------------------------------------------------ relationship building (trust13: issue 13, item 5)

def building_follow_up(name: str, met_on: date, today: date, introducer: str = "", first: bool = True) -> str:
    """After meeting someone through an introduction: the week-later follow-up, then the monthly
    check-ins that turn an introduction into a relationship (no ask in either)."""
    hello = f"Hi {first_name(name)}, "
    if first:
        via = f" (and to {first_name(introducer)} for connecting us)" if introducer else ""
        return (f"{hello}thank you again for making time to meet {when_phrase(met_on, today)}{via}. "
                "I've been thinking about what you said. Is there anything I can help you with?")
    return (f"{hello}it's been a few weeks since we met, so a quick hello. How are things going on your side? "
            "If anything I can do would help, just say.")

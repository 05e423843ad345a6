"""The giver's side (P7): triage requests people make of me, keep promises within a weekly
budget, check in with people in transition, and see who closes the loop with me.

Pure rules, plain data in and out (no Django). RESEARCH.md: givers burn out on vague
requests and "hit and run" networkers; "otherish" givers protect their own capacity and
chunk their gives into a day or two a week (Grant, Give and Take); anyone can afford a
five-minute favor (Rifkin). So a vague request gets the questions that make it
actionable, not a refusal; a big one can get something smaller; and loop closure toward
me is shown as facts, never as a score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from goodloop.core.capacity import (  # noqa: F401 — the giver's rules include the budget's
    _DAY_NAMES,
    BUDGET_UNITS,
    DEFAULT_BUDGET_AMOUNT,
    DEFAULT_BUDGET_UNIT,
    FAVOR_MINUTES,
    WEEKDAYS,
    Budget,
    CapacityCheck,
    Commitment,
    capacity_check,
    chunk_due,
    day_names,
    favor_minutes,
    is_giving_day,
    parse_days,
    promise_minutes,
    week_start,
)
from goodloop.core.coach_detect import find_categories, find_organizations
from goodloop.core.drafts import first_name
from goodloop.core.giver_reading import VAGUE_SCORE, is_vague, suggestion, vouching_gate  # noqa: F401 (the giver's rules)
from goodloop.core.words import counted

# ----------------------------------------------------------------------------- defaults

TRIAGES: tuple[str, ...] = ("accept", "smaller", "redirect", "decline")
# The status a request (an Ask with direction "received") takes once triaged.
TRIAGE_STATUS = {"accept": "answered", "smaller": "answered", "redirect": "answered", "decline": "declined"}
PROMISE_TRIAGES: tuple[str, ...] = ("accept", "smaller")  # these open a promise loop
ACCEPT_DUE_DAYS = 7  # a promise with no date given is due within a week
SMALLER_DUE_DAYS = 3  # a five-minute favor should not wait long
CHECK_IN_EVERY_DAYS = 30  # monthly check-ins with a contact in transition
NO_WORD_BACK_DAYS = 30  # helped this long ago with no thanks or report: "no word back yet"

FIVE_MINUTE_FAVOR = 5
# What kind of favor doing a request of this ask kind gives.
ASK_TO_FAVOR = {"introduction": "introduction", "insight": "insight", "resume_feedback": "resume_feedback",
                "reference": "reference", "referral": "referral", "advice": "advice", "other": "other"}

# --------------------------------------------------------------------------- the reading

# The coach writes to the person asking; the giver reads the same codes about them.
GIVER_MESSAGES = {
    "no_org": "They name no organization, so you can't tell whom they mean.",
    "no_people_category": "They don't say which kind of people they want to meet.",
    "no_concrete_action": "No small, concrete request: it's unclear what exactly they want you to do.",
    "vague_chestnut": "A classic vague ask ('keep me in mind', 'anyone I should talk to').",
    "whole_network": "They ask for your whole network rather than one or two people.",
    "asks_for_job": "They ask you for a job or openings rather than insight or an introduction.",
    "not_a_question": "Not phrased as a question.",
    "too_long": "Long: the actual request is buried.",
    "negative_tone": "Sounds stressed: a kind, specific reply will help more than a long one.",
    "no_gratitude": "No thanks and no easy out: declining kindly is fine.",
}
_QUESTION_FOR = {
    "no_org": "Which two or three companies are you focusing on?",
    "no_people_category": "What kind of people would you most like to meet there (a role, team or function)?",
    "what": "What exactly would help most right now: an introduction to one person, 20 minutes on the phone, "
            "or feedback on something you've written?",
}
# (favor kind, what I offer) for "something smaller": never the thing declined, in smaller words.
_FIVE_MINUTE_OFFERS = {
    "introduction": ("insight", "a few lines by email on who handles this there and how I'd approach them"),
    "referral": ("insight", "a few tips by email on how to apply so your application stands out"),
    "reference": ("insight", "answers to two or three questions about the role by email"),
    "resume_feedback": ("resume_feedback", "five minutes of quick comments on the top half of your resume"),
    "insight": ("insight", "answers to two or three questions by email"),
    "advice": ("advice", "answers to two or three questions by email"),
    "other": ("share", "sharing your post with my network"),
}


def giver_findings(findings: Iterable[dict]) -> list[dict]:
    """The coach's findings re-worded for the person being asked (same stable codes)."""
    out = []
    for f in findings:
        msg = GIVER_MESSAGES.get(f["code"], f.get("message", ""))
        out.append({"code": f["code"], "message": msg, "principle": f.get("principle", "P7")})
    return out


def clarifying_questions(codes: Iterable[str], kind: str = "introduction") -> list[str]:
    """The specific questions that make a vague request actionable: which companies, which
    kind of people, what exactly. Self-contained asks (resume feedback, a reference) don't
    need companies or people named."""
    codes = set(codes)
    questions = []
    self_contained = kind in ("resume_feedback", "reference")
    if ("no_org" in codes or "whole_network" in codes) and not self_contained:
        questions.append(_QUESTION_FOR["no_org"])
    if ("no_people_category" in codes or "whole_network" in codes) and kind in ("introduction", "other"):
        questions.append(_QUESTION_FOR["no_people_category"])
    if codes & {"no_concrete_action", "vague_chestnut", "asks_for_job"}:
        questions.append(_QUESTION_FOR["what"])
    return questions


def request_summary(text: str, kind: str = "other", organizations: Sequence[str] = (),
                    categories: Sequence[str] = ()) -> str:
    """A short phrase for what they asked ("an introduction to product managers at Stripe"), from
    their own words: an organization counts only if their text names it."""
    organizations = [o for o in organizations if o and o in (text or "")]
    where = f" at {' or '.join(organizations[:2])}" if organizations else ""
    who = f" to {_with_article(categories[0])}" if categories else ""
    if kind == "introduction" and (who or where):
        return f"an introduction{who}{where}"
    if kind == "resume_feedback":
        return "feedback on your resume"
    if kind in ("referral", "reference"):
        return f"a {kind}{where}"
    if kind in ("insight", "advice") and (who or where):
        return f"some {kind}{' on ' + organizations[0] if organizations else ''}"
    words = " ".join((text or "").split()[:12]).rstrip(".,;:!?")
    return f"your note ('{words}…')" if len((text or "").split()) > 12 else f"your note ('{words}')"


def request_topic(text: str, kind: str = "other", linked_organizations: Sequence[str] = ()) -> str:
    """What they asked, in their own words: the organizations and people their text names
    (linked organizations only help spell them), never the giver's own targets or employers."""
    return request_summary(text, kind, find_organizations(text, linked_organizations), find_categories(text))


def _with_article(category: str) -> str:
    """"manager" -> "a manager"; "engineers", "someone in sales", "the head of design" stay."""
    low = category.lower()
    if low.endswith("s") or low.split()[0] in ("a", "an", "the", "anyone", "someone", "people", "one", "two"):
        return category
    return ("an " if low[0] in "aeiou" else "a ") + category


def five_minute_favor(kind: str) -> tuple[str, str]:
    """The smaller thing to offer for a request of this kind: (favor kind, offer phrase)."""
    return _FIVE_MINUTE_OFFERS.get(kind, _FIVE_MINUTE_OFFERS["other"])


# ------------------------------------------------------------------------------ drafts


def _by(due: date | None, today: date | None) -> str:
    if due is None:
        return ""
    if today is not None and 0 <= (due - today).days < 7:
        return f" by {_DAY_NAMES[due.weekday()]}"
    return f" by {due.day} {due.strftime('%B')}"


def _ask_questions(questions: Sequence[str]) -> str:
    if len(questions) == 1:
        return questions[0]
    return " ".join(f"({n}) {q}" for n, q in enumerate(questions, 1))


def clarify_draft(name: str, questions: Sequence[str]) -> str:
    """Not a refusal: the questions that turn a vague request into one I can act on."""
    qs = list(questions) or [_QUESTION_FOR["what"]]
    return (f"Hi {first_name(name)}, happy to help where I can. To point you to the right people, "
            f"could you tell me a bit more? {_ask_questions(qs)} With that I can see who I know.")


def accept_draft(name: str, what: str, due: date | None = None, today: date | None = None,
                 questions: Sequence[str] = ()) -> str:
    text = f"Hi {first_name(name)}, yes - glad to help with {what}. I'll get back to you{_by(due, today)}."
    if questions:
        text += f" So I get it right: {_ask_questions(questions)}"
    return text


def smaller_draft(name: str, what: str, offer: str, due: date | None = None, today: date | None = None,
                  questions: Sequence[str] = (), stranger: bool = False) -> str:
    """Something smaller (a five-minute favor) instead of the whole request; to someone with no
    history, the honest reason: I can't vouch for someone I haven't worked with."""
    if stranger:
        text = (f"Hi {first_name(name)}, thanks for thinking of me. Since we haven't worked together, I'm not the "
                f"right person for {what}, but I can offer {offer}{_by(due, today)} - would that help?")
    else:
        text = (f"Hi {first_name(name)}, thanks for thinking of me. I can't take on {what} right now, "
                f"but I can offer {offer}{_by(due, today)} - would that help?")
    if questions:
        text += f" If so: {_ask_questions(questions)}"
    return text


def suggested_draft(answer: str, name: str, what: str, kind: str, questions: Sequence[str] = (),
                    stranger: bool = False) -> str | None:
    """The first draft for a suggested answer; None for accept (the capacity check decides)."""
    if answer == "clarify":
        return clarify_draft(name, questions)
    if answer == "decline":
        return decline_draft(name, what, stranger=stranger)
    if answer == "smaller":
        return smaller_draft(name, what, five_minute_favor(kind)[1], stranger=stranger)
    return None


def redirect_draft(name: str, what: str, to_name: str, to_where: str = "", note: str = "") -> str:
    """Point them to someone better placed, and offer the introduction."""
    where = f" ({to_where})" if to_where else ""
    why = f" {note.strip().rstrip('.')}." if note else ""
    return (f"Hi {first_name(name)}, thanks for asking. For {what}, {to_name}{where} is much better placed "
            f"than I am.{why} Would you like me to introduce you? If so, send me two lines on what you're "
            "after and I'll forward them.")


def decline_draft(name: str, what: str, note: str = "", stranger: bool = False) -> str:
    """A kind no: brief, honest, no guilt, and it leaves the door open."""
    default = (" Since we haven't worked together, I'm not the right person to vouch for you there."
               if stranger else " I'm stretched too thin right now to do it well.")
    why = f" {note.strip().rstrip('.')}." if note else default
    return (f"Hi {first_name(name)}, thank you for thinking of me for {what}.{why} I'm sorry I can't "
            "help this time - I hope it comes together, and do let me know how it goes.")


def promise_draft(name: str, what: str) -> str:
    """The note that goes with doing what I promised."""
    return f"Hi {first_name(name)}, here's what I promised - {what}. I hope it helps; let me know how it goes."


def transition_check_in_draft(name: str, months: int = 0, need: str = "") -> str:
    """The monthly check-in with someone in a job search: what do they need now?"""
    since = f" It's been {counted(months, 'month')} since you started looking." if months else ""
    last = f" Last time you mentioned {need.strip().rstrip('.')}." if need else ""
    return (f"Hi {first_name(name)}, checking in on your search.{since}{last} What would help most right "
            "now - an introduction, a second pair of eyes on something, or just a sounding board?")


def congratulations_draft(name: str, organization: str = "", role: str = "") -> str:
    where = f" at {organization}" if organization else ""
    job = f" as {role}" if role else ""
    return (f"Hi {first_name(name)}, congratulations on the new role{job}{where}! That's wonderful news and "
            "well deserved. Let's celebrate soon - and if I can help with the first months, just ask.")


def triage_draft(action: str, name: str, what: str, *, due: date | None = None, today: date | None = None,
                 offer: str = "", to_name: str = "", to_where: str = "", note: str = "",
                 questions: Sequence[str] = (), stranger: bool = False) -> str:
    if action == "accept":
        return accept_draft(name, what, due, today, questions)
    if action == "smaller":
        return smaller_draft(name, what, offer, due, today, questions, stranger)
    if action == "redirect":
        return redirect_draft(name, what, to_name, to_where, note)
    if action == "decline":
        return decline_draft(name, what, note, stranger)
    raise ValueError(f"triage must be one of: {', '.join(TRIAGES)}")


# ---------------------------------------------------------------------------- transition


def next_check_in(last: date, every: int = CHECK_IN_EVERY_DAYS) -> date:
    return last + timedelta(days=every)


def months_between(start: date, day: date) -> int:
    return max(0, (day.year - start.year) * 12 + day.month - start.month - (1 if day.day < start.day else 0))


# ------------------------------------------------------------------ closure toward me

_THANKS = re.compile(r"\b(thank|thanks|thx|grateful|appreciat\w*)\b", re.I)
_REPORT = re.compile(
    r"\b(update|updated|news|landed|got the (job|role|offer)|offer|interview\w*|heard back|panned out|"
    r"how it went|worked out|didn't work out|did not work out|they hired|accepted|turned down|rejected)\b", re.I)


def evidence_kinds(summary: str) -> set[str]:
    """What an inbound message from a requester shows: "thanked", "reported", both or neither."""
    kinds = set()
    if _THANKS.search(summary or ""):
        kinds.add("thanked")
    if _REPORT.search(summary or ""):
        kinds.add("reported")
    return kinds


@dataclass(frozen=True)
class RequestFacts:
    """One request made of me. ``helped_on``: when I helped (None: not helped, e.g. declined
    or still open). ``thanked_on``/``reported_on``: recorded explicitly."""

    request_id: int
    person_id: int
    asked_on: date
    helped_on: date | None = None
    thanked_on: date | None = None
    reported_on: date | None = None


@dataclass(frozen=True)
class Evidence:
    """Something the requester did later: an inbound interaction (``kinds`` from its summary)
    or a favor they gave me (counts as thanks: gratitude in kind)."""

    person_id: int
    day: date
    kinds: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Closure:
    request_id: int
    person_id: int
    helped_on: date | None
    thanked: bool
    reported: bool
    thanked_on: date | None = None
    reported_on: date | None = None
    derived: tuple[str, ...] = ()  # which of thanked/reported came from what they did, not a record

    def waiting_days(self, today: date) -> int | None:
        """Days since I helped with neither thanks nor report (None when they closed it or no help)."""
        if self.helped_on is None or (self.thanked and self.reported):
            return None
        return max(0, (today - self.helped_on).days)


def closures(requests: Iterable[RequestFacts], evidence: Iterable[Evidence]) -> list[Closure]:
    """Loop closure toward me, per request: explicit records first; then evidence from the same
    person strictly after the help (a message the same day may be the request itself), each
    piece credited to the latest request I had helped with before that day."""
    reqs = sorted(requests, key=lambda r: (r.helped_on or date.max, r.request_id))
    derived: dict[int, dict[str, date]] = {}
    for ev in sorted(evidence, key=lambda e: e.day):
        helped = [r for r in reqs if r.person_id == ev.person_id and r.helped_on and r.helped_on < ev.day]
        if not helped:
            continue
        got = derived.setdefault(helped[-1].request_id, {})
        for kind in ev.kinds:
            got.setdefault(kind, ev.day)
    out = []
    for r in sorted(requests, key=lambda r: (r.asked_on, r.request_id)):
        d = derived.get(r.request_id, {}) if r.helped_on else {}
        thanked_on = r.thanked_on or d.get("thanked")
        reported_on = r.reported_on or d.get("reported")
        why = tuple(k for k, explicit in (("thanked", r.thanked_on), ("reported", r.reported_on))
                    if not explicit and k in d)
        out.append(Closure(r.request_id, r.person_id, r.helped_on, thanked_on is not None,
                           reported_on is not None, thanked_on, reported_on, why))
    return out


def closure_counts(items: Iterable[Closure]) -> dict[str, int]:
    """``{asked, helped, thanked, reported}`` - counts, facts, no score."""
    items = list(items)
    return {"asked": len(items), "helped": sum(1 for c in items if c.helped_on),
            "thanked": sum(1 for c in items if c.thanked), "reported": sum(1 for c in items if c.reported)}

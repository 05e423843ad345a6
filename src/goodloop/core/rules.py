"""Every documented default and every vocabulary of goodloop, in one place.

DESIGN.md section 3 says each number is a documented, configurable default. Keeping
them here (and only here) means a service can read or override one value and the rule
functions in ``goodloop.core`` take it as a keyword argument with this default.

The vocabularies are plain tuples of strings so Django models can build ``choices``
from them (see :func:`choices`) without ``goodloop.core`` importing Django.
"""

from __future__ import annotations

from types import MappingProxyType

# --------------------------------------------------------------------------- vocabulary

CHANNELS: tuple[str, ...] = ("meeting", "call", "video", "email", "message", "event", "social")
DIRECTIONS: tuple[str, ...] = ("outbound", "inbound", "mutual")

ASK_KINDS: tuple[str, ...] = (
    "introduction",
    "insight",
    "resume_feedback",
    "reference",
    "referral",
    "advice",
    "other",
)
ASK_STATUSES: tuple[str, ...] = ("draft", "sent", "answered", "declined", "no_reply", "done", "withdrawn")
# What I can say became of my own ask (`goodloop ask-status ID ...`).
ASK_CLOSING_STATUSES: tuple[str, ...] = ("answered", "no_reply", "withdrawn")
# An ask still waiting for its answer: the over-asking guard and 3B7 watch these.
ASK_OPEN_STATUSES: tuple[str, ...] = ("sent",)

FAVOR_DIRECTIONS: tuple[str, ...] = ("received", "given")
FAVOR_KINDS: tuple[str, ...] = (
    "introduction",
    "referral",
    "reference",
    "resume_feedback",
    "advice",
    "insight",
    "lead",
    "encouragement",
    "share",
    "other",
)

LOOP_KINDS: tuple[str, ...] = ("thank", "report", "follow_up", "check_in", "give", "promise")
LOOP_STATUSES: tuple[str, ...] = ("open", "done", "skipped")

INTRO_STATUSES: tuple[str, ...] = ("requested", "opt_in_asked", "made", "met", "declined")
INTRO_CLOSED_STATUSES: tuple[str, ...] = ("met", "declined")  # open until we met, or it was declined

LEAD_STAGES: tuple[str, ...] = (
    "identified",
    "networking",
    "referred",
    "applied",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
)
LEAD_CLOSED_STAGES: tuple[str, ...] = ("accepted", "rejected", "withdrawn")
LEAD_SOURCES: tuple[str, ...] = ("person", "introduction", "posting", "recruiter", "other")

TARGET_STATUSES: tuple[str, ...] = ("researching", "networking", "applied", "interviewing", "closed")

# Tiers ordered closest first; the order is used by the agenda to weigh check-ins.
TIERS: tuple[str, ...] = ("core", "close", "active", "wide", "dormant")
DEFAULT_TIER = "wide"

# Trust stages in ascending order: the index is the rank.
TRUST_STAGES: tuple[str, ...] = ("stranger", "introduced", "acquainted", "rapport", "advocate")


def choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """Django-style ``choices`` for a vocabulary: ``[("resume_feedback", "Resume feedback"), ...]``."""
    return [(v, v.replace("_", " ").capitalize()) for v in values]


# ------------------------------------------------------------------------------ loops

THANK_DUE_DAYS = 2  # a thank-you is time-critical: within two days of the favor
REPORT_DUE_DAYS = 30  # report back on a favor even when nothing visible happened
REPORT_AFTER_STAGE_CHANGE_DAYS = 3  # ...or three days after the linked lead/intro moves
# Favor kinds that open a report loop even without a linked lead or introduction:
# the helper invested something whose outcome they will want to hear about.
REPORT_FAVOR_KINDS: tuple[str, ...] = ("referral", "introduction", "lead", "resume_feedback")
# Advice and insight are owed a report too - how their advice panned out is the central example of
# closing the loop (essay 000) - and sooner: two weeks, unless linked to a lead or introduction.
ADVICE_REPORT_KINDS: tuple[str, ...] = ("advice", "insight")
ADVICE_REPORT_DUE_DAYS = 14

# ------------------------------------------------------------------------ 3B7 follow-up

SECOND_CONTACT_BUSINESS_DAYS = 3  # no reply after 3 business days: try a second person there
NUDGE_BUSINESS_DAYS = 7  # after 7: one polite nudge to the first person
MAX_NUDGES = 1  # never more than one nudge (P4: don't be a pest)
# After the one nudge, wait this long before calling the ask no_reply (not in DESIGN.md;
# the same 7 business days as the nudge itself, so the helper gets a fair week).
NO_REPLY_AFTER_NUDGE_BUSINESS_DAYS = 7

# ---------------------------------------------------------------------------- cadence

# Days between touches per tier; None means "no check-ins" (dormant).
# Someone met through an introduction: a follow-up a week after meeting, then monthly for three
# months, before the relationship settles into a tier (essay 002: building it is the point).
BUILDING_FIRST_FOLLOW_UP_DAYS = 7
BUILDING_MONTHLY_DAYS = 30
BUILDING_MONTHS = 3
BUILDING_SETTLES_INTO_TIER = "active"  # a new person left at the default tier settles here
CADENCE_DAYS = MappingProxyType({"core": 14, "close": 30, "active": 90, "wide": 365, "dormant": None})

# --------------------------------------------------------------------- over-asking guard

GUARD_WINDOW_DAYS = 30
GUARD_MAX_ASKS_IN_WINDOW = 2  # 2+ asks in 30 days (counting the one about to be made) warns
GUARD_BALANCE_WINDOW_DAYS = 180
GUARD_MAX_BALANCE = 4.0  # weighted received - given over 180 days above this warns

# ------------------------------------------------------------------------------ ledger

LEDGER_WINDOW_DAYS = 180
# Weight of a favor or ask by kind (DESIGN.md section 3). "other" is not documented
# there; it counts as a small favor (1), like advice.
LEDGER_WEIGHTS = MappingProxyType(
    {
        "introduction": 3.0,
        "referral": 3.0,
        "reference": 3.0,
        "resume_feedback": 2.0,
        "lead": 2.0,
        "advice": 1.0,
        "insight": 1.0,
        "encouragement": 0.5,
        "share": 0.5,
        "other": 1.0,
    }
)

# ---------------------------------------------------------------------------- strength

STRENGTH_TAU_DAYS = 180.0  # exponential decay time constant of an interaction's weight
CHANNEL_WEIGHTS = MappingProxyType(
    {"meeting": 3.0, "video": 3.0, "call": 2.0, "email": 1.0, "message": 1.0, "event": 0.5, "social": 0.5}
)
DIRECTION_WEIGHTS = MappingProxyType({"mutual": 1.0, "inbound": 1.0, "outbound": 0.5})
# Points available per component; they add up to 100.
STRENGTH_MAX_INTERACTION = 70.0
STRENGTH_MAX_RECIPROCITY = 20.0
STRENGTH_MAX_AGE = 10.0
# Saturation scales: the decayed sum / weighted exchange / years at which a component
# reaches 1 - 1/e (63%) of its maximum. A monthly two-way call sustained for years gives
# a decayed sum of about 13 -> ~51 interaction points; one meeting today gives 3 -> ~18.
STRENGTH_INTERACTION_SCALE = 10.0
STRENGTH_RECIPROCITY_SCALE = 3.0
STRENGTH_AGE_SCALE_YEARS = 3.0

# ------------------------------------------------------------------------------- trust

TRUST_GATED_ASK_KINDS: tuple[str, ...] = ("referral", "reference")
TRUST_GATE_MIN_STAGE = "rapport"
TRUST_DEEP_CHANNELS: tuple[str, ...] = ("call", "meeting", "video")  # a real conversation
# Sustained real conversations both ways are rapport even before any favor (a close ex-colleague).
TRUST_RAPPORT_DEEP_CONTACTS = 3

# ------------------------------------------------------------------------------- coach

COACH_MAX_WORDS = 120
COACH_MAX_WORDS_FIRST_CONTACT = 75  # Dalton's 6-point email: under 75 words
COACH_REWRITE_MAX_WORDS = 75
# How a coach score is shown, everywhere (asks, requests, the brief): one set of bands.
SCORE_GOOD = 60
SCORE_FAIR = 40


def score_band(score: int | None) -> str:
    """"good", "fair" or "weak" for a coach score (no score reads as weak)."""
    score = score or 0
    return "good" if score >= SCORE_GOOD else ("fair" if score >= SCORE_FAIR else "weak")

# ------------------------------------------------------------------------------ agenda

# Lower number ranks first (DESIGN.md section 3 "Agenda ranking").
# First steps only show on a store with no history yet; reconnects (people never contacted)
# come after everything owed or due.
AGENDA_KIND_ORDER = MappingProxyType(
    {
        "first_step": 0,
        "thank": 1,
        "report": 2,
        "follow_up": 3,
        "promise": 4,
        "give": 5,
        "check_in": 6,
        "lead_step": 7,
        "reconnect": 8,
    }
)
AGENDA_KINDS: tuple[str, ...] = tuple(AGENDA_KIND_ORDER)
AGENDA_DAILY_CHECK_INS = 5  # at most this many check-ins a day: a wall of them helps no one
AGENDA_DAILY_RECONNECTS = 3  # people never contacted, offered a few a day, best placed first
AGENDA_SNOOZE_DAYS = 7  # "not now" hides an item this long unless told otherwise
AGENDA_LOOP_HORIZON_DAYS = 3  # loops falling due in the next three days show, so a thank-you can go early

# ---------------------------------------------------------------------- giving and reports
REQUEST_REPEAT_WINDOW_DAYS = 30  # a second request from one person within this window is a repeat
REPORTS_DEFAULT_WEEKS = 26  # the Reports page looks back half a year unless told otherwise

# ------------------------------------------------------------------------------ people
# A deleted person can be brought back for this long; after it their rows are purged for good.
DELETE_UNDO_MINUTES = 10
# Global search: results shown per group (people, organizations, asks, leads, introductions).
SEARCH_PER_GROUP = 5

"""The product's vocabulary as plain tuples, shared by the rules and the storage layer.

Order matters where it has meaning (trust stages rise, lead stages advance).
"""

CHANNELS = ("meeting", "call", "video", "email", "message", "event", "social")
DIRECTIONS = ("outbound", "inbound", "mutual")
TIERS = ("core", "close", "active", "wide", "dormant")
TRUST_STAGES = ("stranger", "introduced", "acquainted", "rapport", "advocate")
ASK_KINDS = ("introduction", "insight", "resume_feedback", "reference", "referral", "advice", "other")
ASK_STATUSES = ("draft", "sent", "answered", "declined", "no_reply", "done")
FAVOR_DIRECTIONS = ("received", "given")
FAVOR_KINDS = (
    "introduction", "referral", "reference", "resume_feedback", "advice", "insight",
    "lead", "encouragement", "share", "other",
)
LOOP_KINDS = ("thank", "report", "follow_up", "check_in", "give", "promise")
LOOP_STATUSES = ("open", "done", "skipped")
INTRO_STATUSES = ("requested", "opt_in_asked", "made", "met", "declined")
LEAD_STAGES = (
    "identified", "networking", "referred", "applied", "interviewing", "offer",
    "accepted", "rejected", "withdrawn",
)
LEAD_SOURCES = ("person", "introduction", "posting", "recruiter", "other")
TARGET_STATUSES = ("researching", "networking", "applied", "interviewing", "closed")

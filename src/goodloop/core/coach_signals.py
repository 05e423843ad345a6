"""Patterns for the dimensions of a good ask that go beyond "an organization and a kind of
people" (issue 14): a concrete object or topic, a small bounded action, why this person,
the asker's own admission that they are a stranger, and a light touch on a hard market.

Kept apart from :mod:`goodloop.core.coach_lexicon` (organizations, people, vague asks) so
each word list stays short enough to read. Case-insensitive unless noted.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _I)


_NUM = r"(?:one|two|three|four|five|six|ten|fifteen|twenty|thirty|a\s+few|a\s+couple(?:\s+of)?|\d+)"

# ------------------------------------------------------------- concrete objects

# Things one person can look at, decide on or answer about: a document, a choice, a role.
_OBJECT_NOUN = (
    r"slides?|deck|resume|résumé|cv|cover\s+letter|portfolio|reel|plan|proposal|pitch|press\s+release|"
    r"book|book\s+ideas?|draft|article|post|blog|talk|report|paper|thesis|statement|case\s+study|writing\s+sample|"
    r"linkedin\s+profile|landing\s+page|pricing(?:\s+page)?|onboarding(?:\s+flow)?|flow|budget|"
    r"timeline|offer|contract|application|posting|job\s+description|claims?|agencies|partners|"
    r"vendors|options|ideas|questions|models?|schools|programs?|project|campaign|letter|recommendation|"
    r"reference\s+letter|salary|commission|strategy|approach"
)
CONCRETE_OBJECT = re.compile(
    rf"\b(?:my|this|these|those|the|our|your|{_NUM})\s+(?:[\w'-]+\s+){{0,3}}?(?:{_OBJECT_NOUN})\b", _I
)
# "the Operations Manager role", "the backend engineer opening", "job 1234567"
SPECIFIC_ROLE = re.compile(
    r"\bthe\s+(?:[\w&/'-]+\s+){1,5}?(?:role|position|opening|job|vacancy|posting|internship|program|programme)\b"
    r"|\bjob\s+(?:#|no\.?\s*)?\d{4,}\b|\b(?:role|position|opening)\s+(?:of|as)\s+\w+",
    _I,
)
# "your talk on X", "your post about Y", "your report on community health"
THEIR_WORK = re.compile(
    r"\byour\s+(?:recent\s+)?(?:talk|post|article|piece|book|books|blog|report|interview|research|paper|"
    r"presentation|work|newsletter|podcast|course|workshop|migration|move|path|experience|reel|thread)\b",
    _I,
)
# The helper's own path is a concrete topic for an insight ask: "how you got into product marketing".
THEIR_PATH = re.compile(
    r"\bhow\s+you\s+(?:first\s+)?(?:got|moved|made|landed|found|went|broke|transitioned|switched|built|decided|chose|"
    r"handled|structure|run|ran|hired|framed|sequenced|started|became|got\s+started)\b|\bwhat\s+you\s+wish\b|"
    r"\byour\s+move\s+(?:from|into|to)\b",
    _I,
)
# A named field is a concrete topic when the ask is for the helper's own insight (not for
# people they know): "careers in commercial real estate appraisal", "exploring data journalism".
_NOT_A_FIELD = r"(?!(?:new|other|more|my|your|a|an|the|some|different|various|opportunit|option|thing|role|job|work|career|tech)\w*\b)"
FIELD_TOPIC = re.compile(
    rf"\b(?:careers?|roles?)\s+in\s+(?:the\s+field\s+of\s+)?{_NOT_A_FIELD}[a-z][\w&-]*(?:\s+[a-z][\w&-]*){{0,3}}"
    r"|\b(?:the\s+field\s+of|exploring|investigating|looking\s+into|moving\s+into|move\s+into|"
    rf"transition(?:ing)?\s+into|pivot(?:ing)?\s+into|career\s+in)\s+(?:a\s+career\s+in\s+|careers?\s+in\s+)?{_NOT_A_FIELD}[a-z][\w&-]+",
    _I,
)
# A choice is a concrete topic: "between a hybrid publisher and self-publishing".
CHOICE = re.compile(r"\bbetween\s+(?:[\w'-]+\s+){1,5}?(?:and|or)\s+[\w'-]+", _I)
# Statements about what is attached name no object of the ask.
ATTACHED = re.compile(r"\b(?:attached|enclosed|attaching|here'?s\s+my|here\s+is\s+my|find\s+attached|is\s+on\s+my)\b", _I)
# A LinkedIn recommendation with nothing named to speak to: the profile-building ask.
PROFILE_RECOMMENDATION = re.compile(r"\b(?:linkedin\s+)?recommendation\b(?!\s+letter)", _I)
# Desperation, as against a hard month mentioned in passing: this caps the ask.
DESPERATE = _any(
    r"\bdesperat\w*", r"\bany\s+job\b(?!\s+(?:leads?|openings?|postings?|boards?))", r"\b(?:take|do)\s+anything\b",
    r"\banything\s+(?:at\s+this\s+point|will\s+do)\b", r"\b(?:losing|lost|no)\s+hope\b", r"\bhopeless\b",
    r"\bbegging\b", r"\blast\s+resort\b", r"\brunning\s+out\s+of\s+(?:money|savings|options|time)\b",
    r"\bsavings\s+(?:are|is)\s+(?:almost\s+)?(?:gone|running\s+out)\b", r"\bneed\s+(?:something|a\s+job|work)\s+(?:fast|now|asap)\b",
)

# Industries and fields are context, not a people category: "anyone in the oil and gas field".
INDUSTRY_AFTER = re.compile(r"^[\w&,' -]{0,40}?\b(?:field|industry|industries|space|sector|market|world|business)\b", _I)

# ---------------------------------------------------------------- bounded action

BOUNDED_TIME = _any(
    rf"\b{_NUM}\s*(?:-\s*)?min(?:ute)?s?\b",
    r"\bhalf\s+an\s+hour\b",
    r"\b(?:quick|short|brief|15|20|30)[- ](?:call|chat|conversation|meeting|note|reply|answer|look|email|phone\s+call)\b",
    r"\b(?:a\s+)?(?:coffee|cup\s+of\s+coffee)\b",
)
BOUNDED_COUNT = _any(
    rf"\b{_NUM}\s+(?:or\s+(?:two|three|2|3)\s+)?(?:quick\s+|short\s+|specific\s+)?"
    r"(?:questions?|names?|people|persons?|contacts?|slides?|pages?|lines?|sentences?|suggestions|introductions?|"
    r"ideas|agencies|partners|options|people\s+there)\b",
    r"\b(?:one|a|1)[- ](?:line|two[- ]line|page|paragraph)\b",
    r"\ba\s+line\s+or\s+two\b",
    r"\b(?:one|1)\s+(?:person|introduction|name|email|intro)\b",
    r"\byes\s+or\s+(?:no|a\s+no)\b",
    r"\b(?:your|a|the)\s+pick\b",
)
BOUNDED_DELIVERABLE = _any(
    r"\bintroduc(?:e|es|ed|ing|tion|tions)\b",
    r"\bintros?\b",
    r"\b(?:connect|put)\s+(?:me|us)\s+(?:with|to|in\s+touch)\b",
    r"\brefer\s+(?:me|us)\b",
    r"\breferral\b",
    r"\b(?:be|serve\s+as|act\s+as)\s+(?:a|my|one\s+of\s+my)\s+references?\b",
    r"\breferences?\s+for\s+me\b",
    r"\buse\s+you\s+as\s+a\s+reference\b",
    r"\b(?:letter\s+of\s+recommendation|reference\s+letter|recommendation\s+letter|write\s+(?:me\s+)?a\s+(?:short\s+|brief\s+)?"
    r"(?:letter|recommendation|reference))\b",
    r"\bwrite\s+(?:me\s+)?a\s+(?:brief\s+|short\s+)?(?:linkedin\s+)?recommendation\b",
    r"\b(?:review|look\s+(?:over|at)|feedback\s+on|critique|glance\s+at|comments?\s+on|mark\s+up|proofread|"
    r"go\s+over|sanity[- ]check|read\s+over)\s+(?:my|this|these|the|our|a)\b",
    r"\b(?:resume|résumé|cv|portfolio|cover\s+letter)\s+(?:review|feedback|critique)\b",
    r"\b(?:pass|forward|send|hand|walk|give)\s+(?:my|this|the|it|them|a)\b[\w\s'-]{0,40}?\b(?:to|along|straight\s+to|into)\b",
    r"\b(?:pass|forward)\s+(?:it|them|this|my\s+\w+)\s+along\b",
    r"\b(?:share|send|give|tell)\s+(?:me\s+)?(?:the\s+)?names?\s+of\b",
    r"\bput\s+in\s+a\s+good\s+word\b",
    r"\brecommend\s+me\b",
    r"\btell(?:ing)?\s+(?:your|the|their)\s+hiring\s+manager\s+about\s+me\b",
    r"\b(?:point|direct)\s+me\s+to\s+(?:the\s+)?(?:best|right)\s+person\b",
    r"\b(?:answer|ask(?:\s+you)?)\s+(?:a\s+few|two|three|2|3|some|a\s+couple\s+of)\s+(?:quick\s+|short\s+)?questions\b",
    r"\b(?:your|a)\s+(?:quick\s+|honest\s+)?(?:take|view|opinion|read|perspective|pick)\s+on\b",
    r"\byour\s+(?:honest\s+)?view\s+on\s+whether\b",
    r"\b(?:share|tell\s+me|explain)\s+(?:how|what|why|whether|which|who)\b",
    r"\b(?:help\s+me\s+(?:decide|choose|figure\s+out|define|pick))\b",
    r"\b(?:decide|choose)\s+(?:on|between)\b",
    r"\binterview\b(?=[^.?!]{0,40}\b(?:for|about)\s+(?:an?\s+)?(?:article|story|piece|report))",
    r"\bcall\s+(?:you|your\s+office)\b",
    r"\b(?:the\s+)?best\s+way\s+to\s+reach\b",
    r"\bcould\s+you\s+(?:give|send|tell|share)\s+me\s+(?:the\s+)?names?\b",
)

# ------------------------------------------------------------------- why them

WHY_YOU = _any(
    r"\b(?:since|as|because)\s+you(?:'ve|'re|\s+have|\s+are|\s+were|\s+used\s+to|\s+led|\s+lead|\s+run|\s+ran|"
    r"\s+built|\s+work|\s+worked|\s+spent|\s+wrote|\s+know|\s+manage|\s+managed)?\b",
    r"(?<!do\s)(?<!would\s)(?<!did\s)\byou(?:'ve|\s+have)?\s+(?:worked|spent|led|built|ran|run|wrote|written|managed|mentioned|know|knew|"
    r"moved|made|hired|done|been\s+at|used\s+to\s+work)\b",
    r"\b(?:i|we)\s+(?:read|saw|heard|enjoyed|loved|follow(?:ed)?|admire|liked|found)\s+(?:your|you)\b",
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?\s+(?:suggested|recommended|referred|mentioned|thought|said)\b",
    r"\breferred\s+by\b",
    r"\b(?:we'?re|we\s+are|we\s+were)\s+both\b|\bwe\s+both\b",
    r"\bfellow\s+\w+",
    r"\balso\s+an?\s+(?:alum|alumna|alumnus|member)\b",
    r"\bwe\s+(?:met|spoke|talked|worked|studied|chatted)\b",
    r"\b(?:great|nice|a\s+pleasure)\s+(?:meeting|to\s+meet|speaking\s+with|talking\s+to)\s+you\b",
    r"\byour\s+(?:friend|colleague|sister|brother|wife|husband|partner|former\s+colleague|contact)\b",
)

# --------------------------------------------------------- the asker, a stranger

# The asker's own words that there is no relationship yet (P5; essay 004's strangers).
STRANGER_TEXT = _any(
    r"\b(?:we\s+(?:haven'?t|have\s+not|have\s+never|'ve\s+never|never)\s+(?:met|spoken|talked)|"
    r"i\s+don'?t\s+think\s+we'?ve\s+met|we\s+don'?t\s+know\s+each\s+other)\b",
    r"\byou\s+(?:don'?t|do\s+not|may\s+not|might\s+not)\s+(?:know|remember)\s+me\b",
    r"\b(?:found|saw|came\s+across)\s+(?:you|your\s+(?:profile|name|page))\s+(?:on|via|through)\b",
    r"\bcame\s+across\s+your\s+profile\b",
    r"\bthanks?\s+(?:you\s+)?for\s+(?:accepting|connecting|the\s+connection)\b",
    r"\b(?:said|says|told\s+me)\s+you\s+(?:work|are)\s+at\b",
    r"\bi'?m\s+a\s+friend\s+of\s+[A-Z]\w+(?:'s)?\b",
    r"\bfriend\s+of\s+a\s+friend\b",
    r"\bgot\s+your\s+name\s+from\b",
    r"\bis\s+my\s+(?:cousin|uncle|aunt|neighbou?r)\b",
    r"\b(?:great|nice|good)\s+(?:meeting|to\s+meet)\s+you\s+(?:at\s+the\s+[\w\s]{0,30}?)?(?:yesterday|today|last\s+night)\b",
    r"\bwe\s+(?:connected|linked\s+up)\s+(?:here|on\s+linkedin)\b",
    r"\bthanks?\s+(?:you\s+)?(?:again\s+)?for\s+(?:lunch|coffee|the\s+coffee|meeting)\s+(?:last\s+week|yesterday)\b",
)

# ------------------------------------------------------------------- tone, form

# "brutal, but I'm staying positive": a light touch, which essay 003 recommends.
POSITIVE_TURN = _any(
    r"\b(?:but|though|although|yet|still)\b[^.?!]{0,40}\b(?:positive|optimistic|hopeful|upbeat|excited|energi[sz]ed|"
    r"learning\s+a\s+lot|keeping\s+busy|making\s+progress|grateful|focused)\b",
)
# A question with a concrete detail in it: a number, a choice, "whether", "which of these".
DETAIL = _any(
    r"\b\d+\b", r"\b(?:which|what)\s+of\s+(?:these|the|my)\b", r"\bwhether\b", r"\b\w+\s+or\s+\w+\b",
    r"\b(?:first|second|third|next)\s+\w+", rf"\b(?:{_OBJECT_NOUN})\b",
)
# Open-ended asks that are never a bounded action on their own.
OPEN_ENDED = _any(
    r"\bany\s+(?:general\s+)?(?:advice|tips|thoughts|guidance|suggestions|ideas|pointers|insights?|help|support)\b",
    r"\bthoughts\s*\?",
    r"\b(?:catch\s+up|chat\s+sometime|talk\s+sometime|some\s+time\s+to\s+talk|pick\s+your\s+brains?)\b",
    r"\b(?:learn\s+from\s+you|learn\s+from\s+your\s+experience|stay\s+on\s+your\s+radar|discuss\s+(?:potential\s+)?synergies)\b",
    r"\bwhat(?:'s|\s+is)\s+next\s+for\s+me\b|\bmy\s+(?:situation|position|career\s+journey)\b",
    r"\bhow\s+(?:can|could)\s+you\s+help\b|\bin\s+any\s+(?:possible\s+)?way\b",
    r"\bwhat\s+should\s+i\s+do\b|\bhow\s+do\s+i\s+get\b",
    r"\bany\s+(?:roles?|positions?|openings?|jobs?)\b",
    r"\bno\s+(?:specific|particular|real)\s+agenda\b|\bdiscuss\s+(?:potential\s+)?(?:synergies|opportunities)\b",
)

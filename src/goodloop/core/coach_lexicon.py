"""Word lists and patterns the ask coach reads text with.

Kept apart from :mod:`goodloop.core.coach` so the rules read like the principles and the
vocabulary can grow without touching them. All patterns are compiled case-insensitive
unless they look for capitalization (organization names).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _I)


# ------------------------------------------------------------------ organizations

# One capitalized word: "Google", "Cedars-Sinai", "3M", or camelCase "eBay". No
# apostrophes, so "Ford's" yields "Ford"; no dots, so a sentence end stops the name.
CAP_WORD = r"(?:[A-Z][\w&-]*|[a-z]{1,2}[A-Z][\w&-]*|[0-9][\w-]*[A-Za-z][\w-]*)"
ORG_NAME = rf"{CAP_WORD}(?:[ \t]+(?:&[ \t]+|of[ \t]+|de[ \t]+)?{CAP_WORD})*"
_LIST_SEP = r"(?:[ \t]*,[ \t]*(?:(?:or|and)[ \t]+)?|[ \t]+(?:or|and|&)[ \t]+)"

# Words after which a capitalized name is an employer: "at Google", "work for Stripe",
# "companies like Plaid", "interviewing with Ford", "apply to IDEO", "joined Gusto".
ORG_TRIGGER = re.compile(
    # Bare "for"/"from" precede people as often as employers ("a referral from Tom"), so
    # they only count after work words ("work for") or people words ("someone from").
    r"(?:\b(?:at|like|including|such as|join|joining|joined|"
    r"(?:work|works|worked|working|roles?|positions?|openings?|jobs?|interviews?)\s+(?:for|with)|"
    r"(?:someone|anyone|anybody|somebody|people|folks|contacts?|friends?|colleagues?|recruiters?|"
    r"managers?|engineers?|leaders?)\s+from|"
    r"interview(?:ing|ed)?\s+with|appl(?:y|ying|ied)\s+to|target(?:ing)?|(?:top\s+)?targets\s+are|"
    r"worked\s+at|moved\s+to|over\s+at)\s+(?:the\s+)?)"
    rf"(?P<first>{ORG_NAME})(?P<rest>(?:{_LIST_SEP}(?:the\s+)?{ORG_NAME})*)"
)
ORG_LIST_ITEM = re.compile(rf"{_LIST_SEP}(?:the\s+)?(?P<name>{ORG_NAME})")

# Legal or institutional suffixes that make a capitalized phrase an organization anywhere.
ORG_SUFFIX = re.compile(
    rf"\b(?P<name>(?:{CAP_WORD}[ \t]+)+(?:Inc|Corp|Corporation|LLC|Ltd|Labs|Group|Bank|Systems|"
    r"Technologies|Software|Health|Healthcare|Capital|Partners|Foundation|Institute|University|"
    r"Hospital|Insurance|Motors|Pharmaceuticals|Consulting|Ventures|Co|Company|GmbH|plc))\b"
)
# "Stripe's payments team", "Ford's EV battery group"
ORG_POSSESSIVE = re.compile(
    rf"(?P<name>{ORG_NAME})['’]s\s+(?:[\w&-]+\s+){{0,3}}?"
    r"(?:team|teams|group|office|division|department|practice|unit|squad|org|organization|business|lab)\b"
)
# "the Shopify growth team"
ORG_THE_TEAM = re.compile(
    rf"\bthe\s+(?P<name>{ORG_NAME})\s+(?:[a-z&-]+\s+){{0,2}}"
    r"(?:team|group|office|division|department|practice|squad)\b"
)
# camelCase brands anywhere: eBay, iRobot.
ORG_CAMEL = re.compile(r"\b[a-z]{1,2}[A-Z][A-Za-z]+\b")

# Capitalized words that follow "at"/"for" but are not employers.
NOT_ORGS = {
    "i", "i'm", "im", "a", "an", "the", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "christmas", "thanksgiving", "easter",
    "ios", "iphone", "ipad", "macos", "ecommerce", "email", "mr", "ms", "mrs", "dr", "hi", "hey",
    "thanks", "thank", "please", "linkedin", "any", "all", "some", "your", "my", "our", "their",
    "this", "that", "least", "most", "best", "first", "one", "two", "three", "me", "you", "it",
    "tech", "work", "home", "school", "college", "lunch", "coffee", "dinner", "yours", "mine",
    "us", "them", "him", "her", "we", "they", "anything", "everything", "something", "nothing",
    "new", "next", "now", "today", "tomorrow", "yesterday", "sure", "example", "instance",
    "ceo", "cto", "cfo", "coo", "vp", "hr", "pm", "ux", "ui", "qa",
}

# Known organization names that are also everyday words: only matched when capitalized.
COMMON_WORD_ORGS = {
    "target", "square", "box", "apple", "visa", "gap", "shell", "oracle", "indeed", "slack",
    "notion", "discord", "zoom", "chase", "amazon", "mint", "compass", "loom", "ramp", "brex",
    "plaid", "stripe", "signal", "canvas", "asana", "kind", "general", "united", "delta", "sprint",
    "progressive", "allstate", "harmony", "ally", "discover", "snap", "meta", "alphabet", "block",
}

from goodloop.core.textkeys import LEGAL_SUFFIXES  # noqa: E402,F401  (re-exported)

# "your company" resolves to the person's organization when the coach knows it.
YOUR_ORG = _any(r"\byour\s+(?:company|firm|team|employer|organi[sz]ation|shop|office)\b", r"\bwhere\s+you\s+work\b")

# --------------------------------------------------------------- people categories

_ROLE = (
    r"managers?|engineers?|directors?|recruiters?|designers?|developers?|scientists?|analysts?|"
    r"marketers?|pms|pm|vps?|founders?|co-?founders?|ctos?|ceos?|cfos?|coos?|cmos?|cpos?|partners?|"
    r"consultants?|nurses?|teachers?|accountants?|attorneys?|lawyers?|researchers?|architects?|"
    r"editors?|writers?|producers?|account\s+executives?|aes|sales\s+reps?|representatives?|"
    r"economists?|controllers?|executives?|officers?|coordinators?|specialists?|administrators?|"
    r"buyers?|planners?|physicians?|doctors?|professors?|principals?|strategists?|hiring\s+managers?|"
    r"talent\s+acquisition|talent\s+partners?|hr|people\s+ops|sourcers?|alumni|superintendents?|"
    r"technicians?|pharmacists?|therapists?|counselors?|paralegals?|underwriters?|actuaries|actuary|"
    r"product\s+owners?|scrum\s+masters?|heads?\s+of\s+\w+|chiefs?\s+of\s+\w+|leadership"
)
ROLE_NOUN = re.compile(rf"\b(?:{_ROLE})\b", _I)
LEAD_ROLE = re.compile(
    r"\b(?:team|tech|product|design|engineering|project|program|marketing|data|growth|ops|operations|"
    r"finance|people|ux|research|content|brand|account|qa|security|fp&a|(?-i:[A-Z][A-Z&]{1,4}))\s+leads?\b",
    _I,
)
# "someone in procurement", "anyone on the iOS team", "people from the policy side"
PEOPLE_IN = re.compile(
    r"\b(?:someone|anyone|anybody|somebody|people|folks|persons?|colleagues?|contacts?|one|two|"
    r"friends?)\s+(?:who\s+works?\s+|working\s+)?(?:in|on|from)\s+(?:the\s+)?"
    # The field, up to three words: "developer marketing" is not "developers".
    r"(?P<field>[a-z][\w&-]*(?:\s+(?!(?:at|in|on|who|that|to|for|and|or|with|i|you|there|here|me|would|could|can|is|are|"
    r"was|be|will|if|so|but|like|as|from|about|because|since|team|teams|side|group)\b)[a-z][\w&-]*){0,2})"
)
NOT_FIELDS = {
    "your", "my", "his", "her", "their", "our", "tech", "technology", "industry", "field", "area",
    "space", "world", "network", "mind", "position", "town", "city", "situation", "shoes", "general",
    "any", "a", "an", "this", "that", "there", "here", "touch", "person", "the", "charge", "it",
}
WHO_DOES = _any(r"\bwho(?:ever)?\s+(?:runs|leads|manages|heads|owns|hires\s+for|works\s+on|is\s+in\s+charge\s+of)\b")
FUNCTION_TEAM = re.compile(r"\b(?!(?:your|my|our|their|the|a|an|his|her|great|whole|same)\b)[A-Za-z][\w&-]*\s+(?:team|squad)\b", _I)
NAMED_PERSON = re.compile(
    r"\b(?:introduc\w*|intro|connect\w*|put\s+(?:me|us)\s+in\s+touch)\s+(?:me\s+|us\s+)?(?:to|with)\s+"
    r"(?:your\s+\w+\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)+"
)
# "your friend Sarah": they know exactly who is meant.
KNOWN_PERSON = re.compile(
    r"\byour\s+(?:(?:old|former)\s+)?(?:friend|colleague|coworker|co-worker|contact|sister|brother|cousin|"
    r"neighbou?r|classmate|roommate|boss|manager|husband|wife|partner|mentor)\s+[A-Z][a-z]+"
)
# Role nouns describing the asker are not a category of people to meet.
SELF_DESCRIPTION = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+was|i've\s+been|as|become|becoming|work\s+as|worked\s+as|experienced)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)

# ---------------------------------------------------------------- concrete actions

CONCRETE_ACTION = _any(
    r"\bintroduc(?:e|es|ed|ing|tion|tions)\b",
    r"\bintros?\b",
    r"\bconnect\s+(?:me|us)\s+(?:with|to)\b",
    r"\bput\s+(?:me|us)\s+in\s+touch\b",
    r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\b",
    r"\b(?:five|ten|fifteen|twenty|thirty)(?:\s*-\s*|\s+)min(?:ute)?s?\b",
    r"\b(?:quick|short|brief)\s+(?:call|chat|conversation|meeting|note|video\s+call)\b",
    r"\b(?:set\s+up|schedule|hop\s+on|jump\s+on|have|take)\s+a\s+(?:quick\s+|short\s+)?(?:call|chat|meeting)\b",
    r"\b(?:grab\s+)?(?:a\s+)?coffee\b",
    r"\b(?:review|look\s+(?:over|at)|feedback\s+on|read|critique|glance\s+at|comments?\s+on|eyes\s+on|"
    r"proofread|go\s+over|mark\s+up)\s+(?:my\s+)?(?:\w+\s+)?(?:resume|résumé|cv|cover\s+letter|portfolio|"
    r"linkedin\s+profile|deck|case\s+study|writing\s+sample)",
    r"\b(?:resume|résumé|cv|portfolio|cover\s+letter)\s+(?:review|feedback|critique)\b",
    r"\b(?:be|serve\s+as|act\s+as)\s+(?:a|my|one\s+of\s+my)\s+references?\b",
    r"\breferences?\s+for\s+me\b",
    r"\brefer\s+(?:me|us)\b",
    r"\breferral\s+(?:for|to)\b",
    r"\b(?:give|make|put\s+in|submit|write)\s+(?:me\s+)?a\s+referral\b",
    r"\b(?:share|send|give)\s+(?:me\s+)?(?:the\s+)?names?\s+of\b",
    r"\b(?:one|two|three|a\s+couple\s+of|1|2|3)\s+(?:or\s+(?:two|three|2|3)\s+)?(?:names|people|contacts|person)\b",
    r"\b(?:pass|forward|send)\s+(?:my|this|the)\s+[\w\s-]{0,30}?\bto\s+(?:a|an|one|the)\b",
    r"\b(?:share|tell\s+me|explain)\s+(?:how|what|why|whether)\b",
    r"\banswer\s+(?:a\s+few|two|three|2|3|some)\s+questions\b",
    r"\byour\s+take\s+on\b",
    r"\bdo\s+you\s+know\s+(?:anyone|anybody|someone|somebody|a|an|any)\b\s+\w+",
)
SELF_CONTAINED_ACTION = _any(
    r"\b(?:resume|résumé|cv|cover\s+letter|portfolio|linkedin\s+profile)\b",
    r"\breferences?\b",
)

# -------------------------------------------------------------------- vague asks

VAGUE_CHESTNUT = _any(
    r"\bcompan(?:y|ies)\s+(?:that\s+)?(?:you\s+think\s+)?i\s+should\b",
    r"\b(?:which|what)\s+compan(?:y|ies)\b",
    r"\bany\s+compan(?:y|ies)\s+(?:i|you|to|that|worth)\b",
    r"\b(?:anyone|anybody|someone|somebody|people|who)\b[^.?!]{0,40}?\b(?:(?:you\s+think\s+)?i\s+(?:should|could|ought\s+to)|worth)\s+"
    r"(?:talk|speak|reach|connect|meet|contact|network)",
    r"\bkeep\s+me\s+in\s+mind\b",
    r"\bkeep\s+(?:an\s+eye|your\s+eyes?|your\s+ears?)\s+(?:out|open|peeled)\b",
    r"\bkeep\s+an\s+eye\s+out\b",
    r"\b(?:if|when|in\s+case)\s+you\s+(?:hear|come\s+across|see|learn|know|think)\s+(?:of|about)\s+(?:anything|something)\b",
    r"\blet\s+me\s+know\s+(?:of|about)\s+any\b",
    r"\bif\s+anything\s+(?:comes?|pops?)\s+up\b",
    r"\banything\s+(?:out\s+there|that\s+might\s+be\s+a\s+(?:good\s+)?fit|suitable|relevant)\b",
    r"\bknow\s+of\s+anything\b",
    r"\bpick\s+your\s+brains?\b",
    r"\bany\s+(?:ideas|suggestions|leads|opportunities|pointers)\b",
    r"\bany\s+(?:roles|positions|jobs|openings)\s+you\s+(?:might\s+|may\s+)?(?:know|hear|come)\b",
    r"\b(?:anything|whatever)\s+you\s+can\s+(?:do|think\s+of|offer)\b",
    r"\bany\s+help\s+you\s+(?:can|could|might)\b",
    r"\bany\s+way\s+you\s+(?:can|could|might)\s+help\b",
    r"\bwho\s+do\s+you\s+know\b",
    r"\bwhere\s+(?:should\s+i|i\s+should)\s+(?:apply|look|start)\b",
    r"\bany\s+(?:guidance|help|support)\s+(?:or\s+\w+\s+)?you\s+(?:could|can|might)\b",
    r"\bno\s+(?:specific|particular|real)\s+agenda\b",
    r"\bjust\s+(?:want|wanted|would\s+like)\s+(?:to\s+(?:chat|connect|catch\s+up)|your\s+(?:perspective|thoughts))\b",
    r"\b(?:to|with)\s+(?:whoever|anyone)\s+you\s+(?:think|want|like|know)\b",
    r"\bwhat'?s\s+the\s+trick\b",
)

WHOLE_NETWORK = _any(
    r"\b(?:your|my)\s+(?:whole|entire|full)\s+(?:network|contact\s+list|contacts|rolodex|address\s+book|database|list)\b",
    r"\b(?:everyone|everybody)\s+you\s+know\b",
    r"\ball\s+(?:of\s+)?your\s+(?:contacts|connections|network|friends|colleagues)\b",
    r"\b(?:list|spreadsheet|export|dump)\s+of\s+(?:all\s+)?(?:everyone|everybody|your\s+contacts|your\s+connections|people\s+you\s+know)\b",
    r"\b(?:share|sharing|forward|send|pass|circulate|blast)\s+(?:my\s+\w+(?:\s+\w+)?|it|this|me)\s+(?:to|with|around|among)\s+"
    r"(?:all\s+)?(?:your|everyone\s+in\s+your)\s+(?:network|contacts|connections|friends|colleagues)\b",
    r"\bintroduce\s+me\s+to\s+(?:everyone|everybody|all\s+of\s+them)\b",
    r"\byour\s+(?:rolodex|address\s+book)\b",
)

ASKS_FOR_JOB = _any(
    r"\bare\s+you\s+(?:guys\s+)?hiring\b",
    r"\bis\s+your\s+(?:company|team|firm|org|organi[sz]ation)\s+hiring\b",
    r"\b(?:any|your|open)\s+(?:job\s+)?(?:openings|vacancies|open\s+positions|open\s+roles|positions\s+open)\b",
    r"\bany\s+jobs?\b",
    r"\bjobs?\s+(?:for\s+me|you\s+see|you\s+know\s+of|you\s+hear\s+of)\b",
    r"\b(?:get|find|land|give|offer)\s+me\s+a\s+(?:job|position|role)\b",
    r"\bhelp\s+me\s+(?:get|find|land|secure)\s+a\s+(?:job|position|role)\b",
    r"\b(?:help|could|can|would)\b[^.?!]{0,40}\bget\s+a\s+job\b",
    r"\bemployment\s+opportunit",
    r"\bhire\s+me\b",
    r"\b(?:compan(?:y|ies)|anyone|anybody|someone|places?)\s+(?:that\s+(?:is|are)|who\s+(?:is|are)|who'?s|that'?s)?\s*hiring\b",
    r"\bi\s+(?:really\s+)?need\s+a\s+job\b",
    r"\bget\s+me\s+(?:an?\s+)?(?:interview|job|foot\s+in)\b",
    r"\b(?:refer|recommend)\s+me\s+(?:to|for)\s+(?:any|whatever|anything)\b",
    r"\b(?:for|to)\s+(?:any|whatever)\s+(?:roles?|positions?|openings?|jobs?)?\s*(?:that\s+)?(?:fits?|match)",
    r"\bany\s+(?:suitable\s+)?(?:openings?|positions?|roles?|jobs?)\s+(?:that|which)\b",
    r"\bwhatever\s+(?:role|position|job)\b",
    r"\bhire\s+me\b|\bjobs?\s+in\s+your\s+company\b",
    r"\bfor\s+any\s+(?:internal\s+)?(?:postings?|openings?|roles?|positions?|jobs?)\b",
    r"\bany\s+(?:\w+\s+)?(?:position|role|job|opening)\s+(?:with|at|in)\b",
    r"\blooking\s+for\s+(?:a\s+)?(?:job|position|role|work)\s+(?:at|with|in)\s+your\b",
    r"\b(?:dream|love|want)\s+to\s+work\s+(?:at|for)\s+your\s+(?:company|firm|team|organi[sz]ation)\b",
    r"\bfind\s+(?:a|an)\s+(?:new\s+)?(?:job|position|role)\b",
    r"\bget(?:ting)?\s+hired\s+(?:at|by)\s+your\b",
    r"\bjob\s+for\s+me\b",
)

NEGATIVE_TONE = _any(
    r"\bdesperat\w*",
    r"\b(?:nobody|no\s+one|no-one)(?:'s|\s+is|\s+seems\s+to\s+be)?\s+hiring\b",
    r"\bany\s+job\b(?!\s+(?:leads?|openings?|postings?|boards?))",
    r"\b(?:take|do)\s+anything\b",
    r"\bopen\s+to\s+anything\b",
    r"\banything\s+(?:at\s+this\s+point|will\s+do)\b",
    r"\b(?:losing|lost|no)\s+hope\b",
    r"\bhopeless\b",
    r"\bbrutal\b",
    r"\bfrustrat\w*",
    r"\bdepress\w*",
    r"\b(?:sick|tired)\s+of\b",
    r"\bcan'?t\s+(?:find|get)\s+(?:a|any)\s+(?:job|work|interview)",
    r"\bstruggling\b",
    r"\bbegging\b",
    r"\blast\s+resort\b",
    r"\bnothing\s+(?:i\s+try\s+|is\s+|seems\s+to\s+be\s+)?work(?:s|ing)\b",
    r"\b(?:so|completely|totally)\s+(?:lost|stuck|defeated|hopeless)\b",
    r"\bheard\s+nothing\s+back\b",
    r"\brunning\s+out\s+of\s+(?:money|savings|options|time)\b",
    r"\bbroke\b",
    r"\b(?:awful|terrible|miserable|horrible)\b",
    r"\brough\s+(?:few\s+)?(?:months?|weeks?|year|time|patch)\b",
    r"\bbeggars\b",
    r"\bno\s+luck\b",
    r"\bnobody\s+(?:replies|responds|answers|gets\s+back)\b",
)

GRATITUDE = _any(
    r"\bthank(?:s|\s+you|ing)?\b", r"\bthx\b", r"\bty\b", r"\bgrateful\b", r"\bappreciat\w*",
    r"\bcheers\b", r"\bmuch\s+obliged\b", r"\bmany\s+thanks\b",
)
EASY_OUT = _any(
    r"\bno\s+(?:worries|pressure|obligation|problem\s+if)\b",
    r"\btotally\s+(?:fine|understand|get\s+it|ok)\b",
    r"\bcompletely\s+understand\b",
    r"\bunderstand\s+if\b",
    r"\b(?:fine|ok|okay|no\s+problem|all\s+good)\s+if\s+(?:not|you\s+can'?t)\b",
    r"\bif\s+(?:you'?re|you\s+are)\s+(?:too\s+)?busy\b",
    r"\bif\s+(?:the\s+)?timing\b",
    r"\beither\s+way\b",
    r"\bfeel\s+free\s+to\s+(?:say\s+no|decline|ignore|pass)\b",
    r"\bif\s+(?:it'?s|that'?s)\s+(?:not|too)\b",
)

# A sentence that starts like a question even without "?" ("could you intro me ...").
QUESTION_START = re.compile(
    r"^(?:(?:hi|hey|yo|so|ok|okay|and|also|but|quick\s+q(?:uestion)?|one\s+more\s+thing)\b[\s,:-]*(?:[A-Z]\w*[\s,:-]+)?)?"
    r"(?:would|could|can|will|do|does|did|is|are|was|were|might|may|have|has|any\s+chance|how\s+about|"
    r"what|who|where|when|which|how|why|u)\b(?!\s+(?:love|like|be\s+great|be\s+grateful|appreciate|"
    r"be\s+happy|be\s+nice)\b)",
    _I,
)
# Requests phrased as a statement count: "I'd be grateful if you could...", "I was hoping you might...".
INDIRECT_QUESTION = _any(
    r"\bi\s+(?:was|am|'m)\s+wondering\s+(?:if|whether)\b",
    r"\bi'?m\s+wondering\s+(?:if|whether)\b",
    r"\bwould\s+you\b|\bcould\s+you\b|\bcan\s+you\b|\bwill\s+you\b",
    r"\bi'?d\s+(?:be\s+(?:so\s+|very\s+|really\s+)?(?:grateful|thankful|delighted)|(?:really\s+)?appreciate\s+it|love\s+it)"
    r"\s+if\s+you\b",
    r"\bi\s+would\s+(?:be\s+(?:so\s+|very\s+)?(?:grateful|thankful)|(?:really\s+)?appreciate\s+it)\s+if\s+you\b",
    r"\bi\s+(?:was|am)\s+hoping\s+you\s+(?:could|might|would)\b",
    r"\bi'?d\s+(?:be\s+)?grateful\s+for\s+(?:20|15|30|ten|fifteen|twenty|thirty|half|a\s+letter|a\s+reference|an?\s+intro)",
    r"\bi'?d\s+(?:appreciate|value|welcome)\s+your\s+(?:honest\s+)?(?:view|take|perspective|opinion)\s+on\b",
    r"\b(?:i'?d|would)\s+(?:value|love|appreciate)\s+\d+\s+minutes\b",
    r"\bif\s+(?:you'?re|you\s+are)\s+(?:willing|open|able)\b",
)

# A referral in disguise is a referral: "forward my resume to the hiring manager".
REFERRAL_TEXT = _any(
    r"\brefer\s+(?:me|us)\b", r"\breferral\b", r"\bput\s+in\s+a\s+good\s+word\b", r"\brecommend\s+me\b",
    r"\b(?:forward|pass|send|hand|walk|give|get)(?:ing)?\s+(?:my|the)\s+(?:resume|résumé|cv|application)\b[^.?!]{0,40}?"
    r"\b(?:to|into|along|straight)\b",
    r"\btell(?:ing)?\s+(?:your|the|their)\s+hiring\s+manager\s+about\s+me\b",
    r"\b(?:list|use)\s+you\s+as\s+(?:my\s+|a\s+)?referral\b",
)
REFERENCE_TEXT = _any(
    r"\b(?:be|serve\s+as|act\s+as)\s+(?:a|my|one\s+of\s+my)\s+references?\b", r"\breferences?\s+for\s+me\b",
    r"\buse\s+you\s+as\s+a\s+reference\b", r"\b(?:letter\s+of\s+recommendation|reference\s+letter|recommendation\s+letter)\b",
    r"\bwrite\s+(?:me\s+)?a\s+(?:short\s+|brief\s+)?(?:letter|reference)\b",
    r"\bwrite\s+(?:me\s+)?a\s+(?:short\s+|brief\s+)?(?:linkedin\s+)?recommendation\b",
)
RESUME_TEXT = _any(r"\b(?:resume|résumé|cv|cover\s+letter|portfolio|linkedin\s+profile)\b")

"""Drafts written from facts read as sentences whatever the facts are (issue 13, item 8).

Hypothesis draws fact sets the way a store holds them (names with accents and hyphens, my own
name still "Me" or given, organizations with "Inc.", roles, favor kinds, lead stages,
introduction statuses, ask kinds, purposes, needs and offers typed as verb phrases, noun phrases,
fragments or whole sentences with capitals and full stops) and checks every draft for the
invariants: no "Me" as a name, no unfilled placeholder, no bracketed pasted note, no doubled
word, a lower-case word after "Hi X," unless it is a name, under 120 words, every sentence
ending in punctuation. The number of drafts checked is printed (run with -s).
"""

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from goodloop.core import drafts, intro_drafts, rules
from goodloop.core.draft_facts import Help, ask_topic, intro_outcome, lead_outcome

GIVEN = ["Ana", "Bo", "María", "Li", "Marcus", "Jean-Luc", "Zoë", "O'Neil", "Priya", "Kwame"]
FAMILY = ["Diaz", "Chen", "López García", "Okafor", "van der Berg", "Nakamura", "Smith-Jones", ""]
ORGS = ["Acme", "Stripe", "Northwind Analytics", "eBay Inc.", "American Express", "Lumen Health", "McKinsey & Co"]
ROLES = ["PM", "Product Marketing Manager", "Staff Engineer", "data analyst", "Head of Growth", ""]
PURPOSES = ["learn about Zeta", "Learn how the payments team hires.", "20 minutes on payments", "PMM chat",
            "to ask about their onboarding", "about the growth team", "a quick chat about fintech",
            "Compare notes on B2B pricing!", "", "discuss (maybe) a referral"]
NEEDS = ["a designer", "Looking for a designer for a side project.", "needs intros to VCs", "A new job in climate",
         "someone who knows Kubernetes", "Hiring two engineers"]
OFFERS = ["Introductions to my fintech network", "resume reviews", "I can introduce you to product leaders",
          "happy to review pitch decks.", "API design advice", "Mock interviews (30 min)"]
HEADLINES = ["product marketer in fintech", "Senior PM, 8 years in payments.", "", "Data analyst moving into climate"]

names = st.builds(lambda g, f: f"{g} {f}".strip(), st.sampled_from(GIVEN), st.sampled_from(FAMILY))
my_names = st.one_of(st.just("Me"), names)
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))
helps = st.builds(Help, kind=st.sampled_from(rules.FAVOR_KINDS), whom=st.one_of(st.just(""), names),
                  organization=st.sampled_from(["", *ORGS]), role=st.sampled_from(ROLES))
outcomes = st.one_of(
    st.none(),
    st.builds(lead_outcome, st.sampled_from(rules.LEAD_STAGES), st.sampled_from(ROLES), st.sampled_from(["", *ORGS])),
    st.builds(intro_outcome, st.sampled_from(rules.INTRO_STATUSES), st.one_of(st.just(""), names),
              st.sampled_from(["", *ORGS])),
)
facts = st.fixed_dictionaries({
    "me": my_names, "them": names, "other": names, "help": helps, "helps": st.lists(helps, max_size=4),
    "outcome": outcomes, "when": st.one_of(st.none(), days), "today": days, "org": st.sampled_from(ORGS),
    "role": st.sampled_from(ROLES), "stage": st.sampled_from(rules.LEAD_STAGES),
    "ask_kind": st.sampled_from(rules.ASK_KINDS), "ask_orgs": st.lists(st.sampled_from(ORGS), max_size=2),
    "purpose": st.sampled_from(PURPOSES), "need": st.sampled_from(NEEDS), "offer": st.sampled_from(OFFERS),
    "headline": st.sampled_from(HEADLINES), "i_am": st.sampled_from([intro_drafts.SEEKER, intro_drafts.INTRODUCER]),
    "days_since": st.one_of(st.none(), st.integers(0, 900)),
})

GENERATED = {"drafts": 0}
END = re.compile(r"[.!?]( — [^\s—]+)?$")  # a paragraph ends in punctuation, perhaps then "— Name"


def all_drafts(f) -> list[str]:
    today = f["today"]
    when = f["when"] if f["when"] is None or f["when"] <= today else today - timedelta(days=3)
    out = [
        drafts.thank_you(f["them"], f["help"], when, today),
        drafts.report(f["them"], f["help"], f["outcome"], when=when, today=today),
        drafts.landed(f["them"], f["org"], f["role"], f["helps"]),
        drafts.nudge(f["them"], ask_topic(f["ask_kind"], f["ask_orgs"]), when, today),
        drafts.lead_step(f["them"], f["role"], f["org"], f["stage"]),
        drafts.give(f["them"], f["need"], f["offer"]),
        drafts.check_in(f["them"], their_need=f["need"], days_since=f["days_since"]),
        drafts.check_in(f["them"], days_since=f["days_since"]),
        drafts.second_contact(f["org"], f["other"], f["them"]),
    ]
    if f["i_am"] == intro_drafts.SEEKER:
        intro = intro_drafts.IntroFacts(f["them"], f["me"], f["other"], f["org"], f["purpose"], f["headline"],
                                        intro_drafts.SEEKER)
    else:
        intro = intro_drafts.IntroFacts(f["me"], f["them"], f["other"], f["org"], f["purpose"], "",
                                        intro_drafts.INTRODUCER)
    blurb, trio = intro_drafts.all_drafts(intro)
    return [*out, blurb, *trio.values()]


def proper_nouns(f) -> set[str]:
    words = set()
    for text in (f["me"], f["them"], f["other"], f["org"], f["role"], *ORGS, *GIVEN):
        words.update(text.split())
    return words | {"I", "I'm", "I've", "I'd"}


def check(draft: str, f) -> None:
    assert not re.search(r"\bMe\b", draft), draft  # "Me" is never a name in text sent to someone
    assert not re.search(r"[{}]|\bNone\b|\bnan\b|\bnull\b", draft), draft
    assert not re.search(r"[()\[\]]", draft), draft  # no pasted note in brackets
    doubled = re.search(r"\b(\w+)\s+\1\b", draft, re.IGNORECASE)
    assert doubled is None, (doubled.group(0), draft)
    assert ".." not in draft.replace("...", ""), draft
    hi = re.match(r"Hi ([^,]+), (\S+)", draft)
    if hi:
        word = hi.group(2)
        assert word[0].islower() or word.rstrip(",.") in proper_nouns(f), draft
    assert len(draft.split()) < 120, (len(draft.split()), draft)
    paragraphs = draft.split("\n\n")
    for paragraph in paragraphs[:-1]:  # a lead-in to a quoted note may end in a colon
        assert END.search(paragraph.strip()) or paragraph.endswith(":"), paragraph
    assert END.search(paragraphs[-1].strip()), paragraphs[-1]


@settings(max_examples=1500, deadline=None)
@given(facts)
def test_every_draft_reads_as_sentences(f):
    for draft in all_drafts(f):
        check(draft, f)
        GENERATED["drafts"] += 1


def test_report_how_many_drafts_were_generated():
    # Runs after the property test in this module (pytest keeps file order).
    print(f"\ndraft property test: {GENERATED['drafts']} drafts checked")
    assert GENERATED["drafts"] >= 1500 * 13 or GENERATED["drafts"] == 0


def test_the_reported_examples_read_as_sentences():
    """The sentences issue 13 quoted, written from facts now."""
    today = date(2026, 1, 16)
    landed = drafts.landed("Ana Diaz", "Acme", "PM", [Help("introduction", "Bo Chen", "Acme")])
    assert "Your introduced" not in landed and "Thank you for your introduction to Bo Chen at Acme" in landed
    request = intro_drafts.request(intro_drafts.IntroFacts("María López", "Me", "Bo Chen", "Acme",
                                                           "20 minutes on payments"), "note")
    assert "hoping to 20" not in request and "I'm hoping for 20 minutes on payments." in request
    thank = drafts.thank_you("Ana", Help("introduction", "Lena Fischer"), date(2026, 1, 15), today)
    assert thank.startswith("Hi Ana, thank you for introducing me to Lena Fischer yesterday.")
    report = drafts.report("Ana", Help("introduction", "Bo Chen", "Acme"), intro_outcome("met", "Bo Chen"))
    assert "is now met" not in report and "I met Bo and we had a good conversation" in report
    failed = drafts.report("Ana", Help("advice"), lead_outcome("rejected", "PM", "Acme"))
    assert "went to another candidate" in failed and "thank you anyway" in failed
    give = drafts.give("Li", "a designer", "Introductions to my fintech network")
    assert "introductions to my fintech network" in give
    nudge = drafts.nudge("Marcus", ask_topic("introduction", ["Stripe"]), date(2026, 1, 5), today)
    assert "about an introduction to someone at Stripe" in nudge and "Hi Marcus, …" not in nudge
    me_introducer = intro_drafts.all_drafts(intro_drafts.IntroFacts("Me", "María López", "Bo Chen",
                                                                    i_am=intro_drafts.INTRODUCER))[1]
    assert not any("Hi Me" in d or "meet Me" in d for d in me_introducer.values())

"""The coach on messages modelled on real ones, on the essays' own examples, and the
rewrite's promise: it edits, never scores lower, never drops a name or an organization,
never changes the kind of help (issue 14; DESIGN.md section 4)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodloop.core.coach import CoachContext, PersonContext, coach, context_from_dict
from goodloop.core.coach_reading import greeting_name, read
from goodloop.core.textkeys import normalize_org

from .coach_corpus import CORPUS, HOLDOUT
from .coach_sets import balanced_accuracy, real_messages, sets, split_of

TARGETS = {"real_held_out": 0.85, "real_tuning": 0.85, "own": 0.95}


def test_real_corpus_is_sourced_labelled_and_split_once():
    real = real_messages()
    assert len(real) >= 200
    texts = [e["text"] for e in real]
    assert len(set(texts)) == len(texts)
    assert not set(texts) & {e["text"] for e in CORPUS + HOLDOUT}
    for e in real:
        assert e["label"] in ("specific", "vague") and e["source_label"]
        assert re.match(r"https?://", e["source"]), e["source"]
        assert e["split"] == split_of(e["text"])  # the split is the hash's, fixed once and for all
    for label in ("specific", "vague"):
        assert sum(e["label"] == label for e in real) >= 0.3 * len(real)
    assert len({e["source"] for e in real}) >= 100


def test_balanced_accuracy_per_set(report):
    lines, misses = [], {}
    for name, entries in sets().items():
        ba, wrong = balanced_accuracy(entries)
        lines.append(f"{name}: {len(entries)} asks, balanced accuracy {100 * ba:.1f}% ({len(wrong)} wrong)")
        misses[name] = (ba, [(e["text"][:70], s) for e, s in wrong])
    report("ask coach balanced accuracy - " + "; ".join(lines))
    for name, target in TARGETS.items():
        assert misses[name][0] >= target, (name, misses[name])


# The essays' examples and the issue's cases, judged as the essays judge them.
ESSAYS = [
    ("Do you know anyone in the oil and gas field?", "vague", set()),
    ("Hey Raj, do you know anyone at Atlassian I should talk to?", "vague", {"vague_chestnut"}),
    ("Who do you know on the cloud PMM team at Atlassian? I'd love an intro to one person there for a "
     "20-minute chat", "specific", set()),
    ("Do you know any companies I should target?", "vague", {"vague_chestnut"}),
    ("Do you know any people I should talk to?", "vague", {"vague_chestnut"}),
    ("I'm looking for people who work at American Express or eBay - do you know anyone who works there?",
     "specific", set()),
    ("Could I grab 15 minutes to get your feedback on 5 slides I've made?", "specific", set()),
    ("Are you open to giving me your quick take via email on 3 partners I'm considering working with?",
     "specific", set()),
    ("Could you help me choose between a hybrid publisher and self-publishing for my book?", "specific", set()),
    ("Hi Priya, your colleague Sam Ortiz suggested I reach out. Would you have 20 minutes for an informational "
     "interview about the analytics team at Wayfair?", "specific", set()),
    ("Keep me in mind if you hear of anything!", "vague", {"vague_chestnut"}),
    ("Could you give me access to your whole network?", "vague", {"whole_network"}),
]


@pytest.mark.parametrize("text,verdict,codes", ESSAYS)
def test_essay_examples(text, verdict, codes):
    r = coach(text)
    assert (r.score >= 60) if verdict == "specific" else (r.score < 50), (r.score, r.codes)
    assert codes <= set(r.codes), r.codes


def test_disguised_referral_is_a_referral_and_gated():
    text = "Would you mind forwarding my resume to the hiring manager for the Senior PMM role at Shopify?"
    assert coach(text).ask_kind == "referral"
    stranger = CoachContext(person=PersonContext(name="Raj", trust_stage="stranger"))
    assert "trust_gate" in coach(text, stranger).codes
    assert "no_concrete_action" not in coach("Could you pass my resume along to HR? Thanks!").codes


def test_a_light_touch_on_a_hard_market_is_not_negative():
    light = "The job market has been brutal, but I'm staying positive! Could you introduce me to a designer at Figma?"
    assert "negative_tone" not in coach(light).codes
    assert "negative_tone" in coach("This market is brutal and I'm losing hope. Any leads?").codes


def test_polite_statements_are_requests():
    assert "not_a_question" not in coach("I'd be grateful if you could introduce me to a recruiter at Deloitte.").codes


def test_a_strangers_vouching_ask_is_gated_from_the_text():
    r = coach("Hi Dana, we haven't met, but could you refer me for the analyst role at Stripe? Thanks!")
    assert "trust_gate" in r.codes and r.score < 50
    r = coach("Thanks for accepting my connection! Could you introduce me to Bob Lin in your network?")
    assert "trust_gate" in r.codes and r.score < 50


# --------------------------------------------------------------- the rewrite's promise

CONTEXTS = [
    None,
    CoachContext(target_organizations=("Stripe", "Plaid"), people_categories=("product marketing",)),
    CoachContext(target_organizations=("Acme Corp",), people_categories=("engineering managers",),
                 person=PersonContext(name="Marcus Lee", organization="Acme Corp", trust_stage="acquainted")),
    CoachContext(person=PersonContext(name="Ana Ruiz", trust_stage="stranger", first_contact=True)),
]


def _names(text: str, ctx) -> tuple[set[str], list[str], str]:
    c = ctx or CoachContext()
    r = read(text, [*c.target_organizations, *c.known_organizations], c.people_categories, c.ask_kind,
             c.person.organization if c.person else None)
    return {normalize_org(o) for o in r.organizations}, list(r.people), greeting_name(text)


def check_rewrite(text: str, ctx) -> str:
    """"skipped" (looks good), "none" (no edit scored higher), "equal" or "improved"; asserts the promise."""
    r = coach(text, ctx)
    if r.looks_good:
        assert r.rewrite == ""
        return "skipped"
    if not r.rewrite:
        return "none"
    again = coach(r.rewrite, ctx)
    assert again.score >= r.score, (text, r.rewrite, r.score, again.score)
    orgs, people, greet = _names(text, ctx)
    new_orgs, _, _ = _names(r.rewrite, ctx)
    low = r.rewrite.casefold()
    assert all(o in new_orgs or o in normalize_org(r.rewrite) for o in orgs), (text, r.rewrite)
    assert all(p.casefold() in low for p in people), (text, r.rewrite, people)
    assert not greet or greet in r.rewrite, (text, r.rewrite)
    assert again.ask_kind == r.ask_kind, (text, r.rewrite, r.ask_kind, again.ask_kind)
    return "improved" if again.score > r.score else "equal"


def test_rewrite_promise_over_all_corpora(report):
    entries = real_messages() + CORPUS + HOLDOUT
    counts = {"skipped": 0, "none": 0, "equal": 0, "improved": 0}
    gains = []
    for e in entries:
        for ctx in (CONTEXTS if "context" not in e else [context_from_dict(e["context"])]):
            outcome = check_rewrite(e["text"], ctx)
            counts[outcome] += 1
            if outcome == "improved":
                r = coach(e["text"], ctx)
                gains.append(coach(r.rewrite, ctx).score - r.score)
    total = sum(counts.values())
    below = total - counts["skipped"]
    report(f"rewrite over all corpora: {total} asks x contexts; {counts['skipped']} already >= 85 (no rewrite); "
           f"of {below} below 85: {counts['improved']} improved (mean +{sum(gains) / max(1, len(gains)):.0f}), "
           f"{counts['equal']} equal (gated, alternative offered), {counts['none']} without a better edit; "
           "never lower, never a dropped name or organization, never another kind of help")
    assert counts["improved"] + counts["equal"] >= 0.95 * below  # an edit is offered
    assert counts["improved"] >= 0.85 * below  # and it scores higher


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([e["text"] for e in real_messages()] + [e["text"] for e in CORPUS + HOLDOUT]),
       st.lists(st.sampled_from(["Stripe", "Acme Corp", "Globex", "Plaid", "Wayfair"]), max_size=3, unique=True),
       st.sampled_from([(), ("product marketing",), ("engineering managers",)]),
       st.sampled_from([None, "stranger", "acquainted", "rapport"]), st.booleans())
def test_rewrite_promise_under_any_context(text, targets, cats, stage, first):
    person = PersonContext(name="Marcus Lee", organization=targets[0] if targets else None, trust_stage=stage,
                           first_contact=first) if stage else None
    check_rewrite(text, CoachContext(target_organizations=tuple(targets), people_categories=cats, person=person))


def test_the_rewrite_keeps_what_the_issue_saw_it_drop():
    ctx = CoachContext(target_organizations=("Stripe", "Plaid"), people_categories=("developer marketing",),
                       person=PersonContext(name="Marcus Webb", trust_stage="acquainted"))
    cases = {
        "Hi Marcus, I'm looking at Shopify. Do you know anyone there, maybe someone whom you worked with at Square?":
            ["Hi Marcus, i", "Shopify", "whom you worked with at Square"],
        "Hi Marcus, could your colleague Priya put me in touch with someone at Shopify? Sarah Chen said you might.":
            ["your colleague Priya", "Sarah Chen", "Shopify"],
        "Any chance you know people in developer marketing?": ["people in developer marketing"],
        "Hi Marcus, do you know anyone I should talk to?": ["Hi Marcus, would you", "developer marketing"],
    }
    for text, kept in cases.items():
        r = coach(text, ctx)
        out = r.rewrite or text
        for piece in kept:
            assert piece in out, (piece, out)
        assert "Stripe" not in out or "Shopify" not in text  # never swaps their organization for a target
        assert "Hi there" not in out and "the team I'd be joining" not in out and "[" not in out
    referral = coach("Could you forward my resume to the hiring manager for the PMM role at Shopify?",
                     CoachContext(person=PersonContext(name="Raj", trust_stage="stranger")))
    assert "forward my resume" in referral.rewrite and coach(referral.rewrite).ask_kind == "referral"
    assert "resume feedback" not in referral.rewrite.lower()

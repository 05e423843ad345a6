"""The brief coach reads brief items by their own rules, with notes for a person (issue 14.5)."""

from goodloop.core import brief_coach as bc
from goodloop.core.coach import coach

TARGETS = ("Stripe", "Plaid")
CATS = ("product marketing",)


def test_a_good_item_is_not_judged_as_a_message():
    item = "Introductions to product managers at Stripe or Plaid"
    r = bc.read_item(item, TARGETS, CATS)
    assert r.score == 100 and not r.findings and r.rewrite == ""
    # The message coach would ask it to be a question and to say thanks; an item needs neither.
    assert {"not_a_question", "no_gratitude"} <= set(coach(item).codes)


def test_items_need_a_kind_of_help_and_who_or_where():
    r = bc.read_item("People at Stripe", TARGETS, CATS)
    assert [f["code"] for f in r.findings] == ["no_help_kind"]
    r = bc.read_item("Feedback on my resume", TARGETS, CATS)
    assert r.score >= 70  # the resume is the concrete thing
    r = bc.read_item("Introductions", TARGETS, CATS)
    assert "no_who_or_where" in [f["code"] for f in r.findings] and "Stripe or Plaid" in r.rewrite
    assert bc.read_item("Introductions to people at my target companies", TARGETS, CATS).score >= 70


def test_vague_items_and_jobs_are_capped_with_a_suggestion():
    for item in ("Let me know if you hear of anything", "Any openings at your company", "Share my resume with all your contacts"):
        r = bc.read_item(item, TARGETS, CATS)
        assert r.score <= bc.CAP, item
        assert r.rewrite.startswith("An introduction to one or two people in product marketing at Stripe or Plaid")


def test_notes_are_sentences_for_a_person_never_codes():
    r = bc.read_item("Any help you can give! " + "word " * 30, TARGETS, CATS)
    assert r.findings and all(f["message"][0].isupper() and f["message"].endswith(".") for f in r.findings)
    assert all("_" not in f["message"] for f in r.findings)
    assert bc.read_item("", TARGETS, CATS).score == 0

from datetime import date, timedelta

import pytest

from goodloop.core import drafts
from goodloop.core.agenda import Candidate, check_in_priority, rank
from goodloop.core.draft_facts import Help, ask_topic, lead_outcome

THU = date(2025, 3, 6)


def names(items):
    return [(i.kind, i.person_name) for i in items]


def test_rank_order_by_kind():
    cands = [
        Candidate("lead_step", "Lead Person", THU),
        Candidate("check_in", "Check Person", date(2025, 1, 1), tier="core"),
        Candidate("give", "Give Person", None),
        Candidate("promise", "Promise Person", THU),
        Candidate("follow_up", "Follow Person", THU),
        Candidate("report", "Report Person", date(2025, 2, 1)),
        Candidate("thank", "Thank Person", date(2025, 3, 5)),
    ]
    kinds = [i.kind for i in rank(cands, THU)]
    assert kinds == ["thank", "report", "follow_up", "promise", "give", "check_in", "lead_step"]


def test_overdue_thank_first_and_overdue_days():
    cands = [
        Candidate("thank", "Due today", THU),
        Candidate("thank", "Overdue", date(2025, 3, 5)),
        Candidate("report", "Very overdue report", date(2024, 1, 1)),
    ]
    items = rank(cands, THU)
    assert names(items) == [("thank", "Overdue"), ("thank", "Due today"), ("report", "Very overdue report")]
    assert items[0].overdue_days == 1 and items[1].overdue_days == 0
    assert "1 day(s) overdue" in items[0].reason


def test_future_items_excluded_unless_within_horizon():
    cands = [Candidate("thank", "Later", date(2025, 3, 8))]
    assert rank(cands, THU) == []
    assert names(rank(cands, THU, horizon_days=2)) == [("thank", "Later")]


def test_check_in_weighting():
    due = date(2025, 2, 1)
    cands = [
        Candidate("check_in", "Wide weak", due, tier="wide", strength=10),
        Candidate("check_in", "Core", due, tier="core", strength=10),
        Candidate("check_in", "Wide near target", due, tier="wide", strength=10, near_target=True),
        Candidate("check_in", "Close strong", due, tier="close", strength=90),
    ]
    order = [i.person_name for i in rank(cands, THU)]
    assert order == ["Close strong", "Core", "Wide near target", "Wide weak"]
    assert check_in_priority("active", 50, True, 10) > check_in_priority("active", 50, False, 10)
    assert check_in_priority("core", 0, False, 0) > check_in_priority("close", 0, False, 0)


def test_strength_breaks_ties_within_group():
    cands = [
        Candidate("report", "Weak", THU, strength=10),
        Candidate("report", "Strong", THU, strength=80),
    ]
    assert [i.person_name for i in rank(cands, THU)] == ["Strong", "Weak"]


def test_limit_and_as_dict():
    cands = [Candidate("thank", f"P{i}", THU, person_id=i, draft="d", reason="r") for i in range(5)]
    items = rank(cands, THU, limit=2)
    assert len(items) == 2
    d = items[0].as_dict()
    assert d == {"key": "thank:0", "kind": "thank", "person": {"id": 0, "name": "P0"}, "due": "2025-03-06",
                 "overdue_days": 0,
                 "reason": "r", "draft": "d"}


def test_ref_passes_through():
    assert rank([Candidate("give", "A", None, ref=("need", 9))], THU)[0].ref == ("need", 9)


def test_when_phrase():
    assert drafts.when_phrase(THU, THU) == "today"
    assert drafts.when_phrase(date(2025, 3, 5), THU) == "yesterday"
    assert drafts.when_phrase(date(2025, 3, 3), THU) == "on Monday"
    assert drafts.when_phrase(date(2025, 2, 26), THU) == "last week"
    assert drafts.when_phrase(date(2025, 1, 9), THU) == "on 9 January"
    assert drafts.when_phrase(date(2024, 1, 9), THU) == "on 9 January 2024"
    assert drafts.when_phrase(None, THU) == "recently"


def test_thank_you_names_what_and_when():
    text = drafts.thank_you("Ana Lopez", Help("introduction", "Raj Patel", "Stripe"), date(2025, 3, 3), THU)
    assert text.startswith("Hi Ana, thank you for introducing me to Raj Patel at Stripe on Monday.")
    pasted = drafts.thank_you("Ana Lopez", "introduced me to Raj at Stripe", date(2025, 3, 3), THU)
    assert "introduced me" not in pasted and "your help" in pasted  # a note is never pasted into a sentence


def test_report_variants():
    ok = drafts.report("Ana", Help("introduction", "Raj"), lead_outcome("accepted", "PM", "Stripe"))
    assert "I accepted the PM role at Stripe" in ok and "thank you" in ok.lower()
    nope = drafts.report("Ana", Help("referral"), lead_outcome("rejected", "PM", "Stripe"))
    assert "didn't work out" in nope and "thank you anyway" in nope
    assert "interviewing for" in drafts.report("Ana", Help("advice"), lead_outcome("interviewing", "PM", "Stripe"))
    assert "keep you posted" in drafts.report("Ana", "advice")


def test_other_drafts():
    n = drafts.nudge("Raj Patel", ask_topic("introduction", ["Stripe"]), date(2025, 2, 24), THU)
    assert "Raj" in n and "an introduction to someone at Stripe" in n and "No worries" in n
    assert "Stripe" in drafts.second_contact("Stripe", "Raj", "Mia")
    assert "new job" in drafts.check_in("Ana", their_need="a new job in design")
    assert "it's been a while" in drafts.check_in("Ana", days_since=400)
    g = drafts.give("Ana", "a UX designer for her startup", "an intro to Lee, a UX designer I worked with")
    assert "UX designer for her startup" in g and "Lee" in g
    assert "Acme" in drafts.landed("Ana", "Acme", "Product Manager", [Help("referral")])


def test_the_landing_note_is_honest_about_each_kind_of_help():
    """Help where I landed got me here; help elsewhere didn't turn into a role and says so; help
    tied to no organization is thanked as help during the search."""
    here = drafts.landed("Ana", "Acme", "PM", [Help("referral", organization="Acme", role="PM")])
    assert "Thank you for your referral for the PM role at Acme: it was part of getting here." in here
    intro = drafts.landed("Ana", "Acme", "PM", [Help("introduction", "Bo Chen", "Zeta")])
    assert ("Thank you for your introduction to Bo Chen at Zeta: it didn't turn into a role there, but it "
            "helped me keep my search moving.") in intro
    lead = drafts.landed("Ana", "Acme", "PM", [Help("lead", organization="Zeta", role="Analyst")])
    assert "the lead on the Analyst role at Zeta: it didn't work out there, but it helped me" in lead
    advice = drafts.landed("Ana", "Acme", "PM", [Help("advice"), Help("encouragement")])
    assert "Thank you for your advice and your encouragement during my search." in advice
    both = drafts.landed("Ana", "ACME", "PM", [Help("advice"), Help("referral", organization="Acme"),
                                               Help("introduction", "Bo Chen", "Zeta")])
    assert "your referral at Acme: it was part of getting here. Thank you too for your introduction" in both
    assert "advice" not in both  # two thank-yous at the most: the note stays short
    for text in (intro, lead, advice):
        assert "getting here" not in text and text.startswith("Hi Ana, good news: I've accepted an offer at Acme")


@pytest.mark.parametrize("category,phrase", [
    ("product marketing leaders", "one or two product marketing leaders"),
    ("product managers", "one or two product managers"),
    ("heads of growth", "one or two heads of growth"),
    ("product marketing", "one or two people in product marketing"),
    ("sales", "one or two people in sales"),
    ("customer success", "one or two people in customer success"),
    ("investor relations", "one or two people in investor relations"),
])
def test_people_phrase_reads_as_english(category, phrase):
    from goodloop.core.drafts import people_phrase

    assert people_phrase(category) == phrase


def test_a_building_check_in_says_how_long_ago_the_meeting_was():
    met = date(2026, 9, 11)
    later = {days: drafts.building_follow_up("Elena Sokolova", met, met + timedelta(days=days), first=False)
             for days in (14, 33, 60, 85)}
    assert "a couple of weeks since we met" in later[14]
    assert "about a month since we met" in later[33]
    assert "a couple of months since we met" in later[60]
    assert "a few months since we met" in later[85]  # the demo's Elena, met in September, in December


@pytest.mark.parametrize("older, newer", [(99, 100), (1099, 1100), (9, 10)])
def test_a_tie_goes_to_the_lower_id_however_many_digits_it_has(older, newer):
    """Two loops to one person due the same day: the older (lower id) one shows, whether the ids
    are 99 and 100 (a fresh SQLite store) or 1099 and 1100 (PostgreSQL after other stores)."""
    cands = [Candidate("thank", "Ana", THU, person_id=1, ref={"loop": newer}),
             Candidate("thank", "Ana", THU, person_id=1, ref={"loop": older})]
    assert [i.ref for i in rank(cands, THU)] == [{"loop": older}]
    # A key with no id beside one with an id still sorts (no int-to-text comparison).
    mixed = cands + [Candidate("check_in", "Bo", THU), Candidate("check_in", "Bo", THU, person_id=newer)]
    assert sorted(i.key for i in rank(mixed, THU)[1:]) == ["check_in:", f"check_in:{newer}"]

"""The giver's side as pure rules: triage drafts, clarifying questions, capacity and chunking,
check-ins with people in transition, and loop closure toward me."""

from datetime import date

import pytest

from goodloop.core import giver as g

MON, THU, SUN = date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 8)


# --------------------------------------------------------------------------- reading


def test_vague_request_gets_the_questions_not_a_refusal():
    codes = ["no_org", "no_people_category", "no_concrete_action", "vague_chestnut"]
    assert g.is_vague(30, codes)
    questions = g.clarifying_questions(codes, "introduction")
    assert len(questions) == 3
    assert "companies" in questions[0] and "kind of people" in questions[1] and "What exactly" in questions[2]
    draft = g.clarify_draft("Jane Doe", questions)
    assert draft.startswith("Hi Jane,") and all(q in draft for q in questions)
    assert "can't" not in draft and "sorry" not in draft.lower()


def test_self_contained_requests_need_no_companies():
    assert g.clarifying_questions(["no_org", "no_people_category"], "resume_feedback") == []
    assert not g.is_vague(80, ["no_org"])
    assert g.is_vague(90, ["whole_network"])


def test_giver_findings_speak_to_the_person_asked():
    out = g.giver_findings([{"code": "no_org", "message": "Name one to three...", "principle": "P1"},
                            {"code": "custom", "message": "kept", "principle": "P9"}])
    assert out[0]["message"].startswith("They name no organization")
    assert out[1] == {"code": "custom", "message": "kept", "principle": "P9"}


def test_request_summary():
    assert g.request_summary("a manager at Acme?", "introduction", ["Acme"], ["manager"]) == (
        "an introduction to a manager at Acme")
    assert g.request_summary("engineers at Acme or Globex", "introduction", ["Acme", "Globex"], ["engineers"]) == (
        "an introduction to engineers at Acme or Globex")
    # Only organizations their own text names: never one of mine matched by accident.
    assert g.request_summary("someone at nike", "introduction", ["Nike", "Initech"], ["someone"]) == (
        "an introduction to someone")
    assert g.request_summary("Please look at my CV", "resume_feedback") == "feedback on your resume"
    assert "Keep me in mind" in g.request_summary("Keep me in mind if you hear of anything", "other")


# --------------------------------------------------------------------------- drafts


def test_each_triage_draft():
    accept = g.triage_draft("accept", "Jane Doe", "an introduction at Acme", due=THU, today=MON)
    assert accept == "Hi Jane, yes - glad to help with an introduction at Acme. I'll get back to you by Thursday."
    kind, offer = g.five_minute_favor("introduction")
    assert kind == "insight" and "introduc" not in offer  # smaller, never the same thing
    smaller = g.triage_draft("smaller", "Jane", "three introductions", due=THU, today=MON, offer=offer)
    assert "can't take on three introductions" in smaller and offer in smaller and smaller.endswith("help?")
    redirect = g.triage_draft("redirect", "Jane", "a referral at Globex", to_name="Bo Li", to_where="VP at Globex",
                              note="He hires for that team")
    assert "Bo Li (VP at Globex) is much better placed" in redirect and "He hires for that team." in redirect
    assert "introduce you" in redirect
    decline = g.triage_draft("decline", "Jane", "a reference")
    assert "thank you for thinking of me" in decline and "let me know how it goes" in decline
    assert "stretched too thin" in decline
    assert "I'm on leave." in g.decline_draft("Jane", "x", note="I'm on leave")
    with pytest.raises(ValueError):
        g.triage_draft("maybe", "Jane", "x")


def test_accepting_a_vague_request_still_asks_the_questions():
    q = g.clarifying_questions(["no_org"], "introduction")
    text = g.accept_draft("Jane", "your note", SUN, MON, questions=q)
    assert "So I get it right: Which two or three companies" in text and "by 8 November" not in text
    assert text.count("?") == 1


def test_five_minute_favors_by_kind():
    assert g.five_minute_favor("resume_feedback")[0] == "resume_feedback"
    for kind in ("introduction", "referral", "reference"):
        favor, offer = g.five_minute_favor(kind)
        assert favor == "insight" and kind[:6] not in offer  # no vouching in the smaller offer
    assert g.five_minute_favor("nonsense") == g.five_minute_favor("other")


def test_transition_and_congratulations_drafts():
    text = g.transition_check_in_draft("Ana Ruiz", months=2, need="an intro at Stripe")
    assert "2 months since you started looking" in text and "an intro at Stripe" in text
    assert "What would help most right now" in text
    assert "congratulations on the new role as PM at Stripe" in g.congratulations_draft("Ana", "Stripe", "PM")
    assert g.months_between(date(2026, 1, 31), date(2026, 3, 30)) == 1
    assert g.next_check_in(MON) == date(2026, 12, 2)


# ------------------------------------------------------------------- capacity, chunking


def test_parse_days():
    assert g.parse_days("mon,thu") == (0, 3)
    assert g.parse_days(["Thursday", "monday"]) == (0, 3)
    assert g.parse_days("") == ()
    with pytest.raises(ValueError, match="unknown weekday"):
        g.parse_days("mon,funday")


def test_chunking_batches_onto_giving_days():
    days = (0, 3)  # Monday, Thursday
    assert g.chunk_due(SUN, MON, days) == THU  # the latest giving day before the deadline
    assert g.chunk_due(date(2026, 11, 4), date(2026, 11, 3), days) == date(2026, 11, 4)  # none in reach: deadline
    assert g.chunk_due(SUN, MON, ()) == SUN
    assert g.is_giving_day(THU, days) and not g.is_giving_day(SUN, days) and g.is_giving_day(SUN, ())


def test_capacity_check_in_minutes_and_favors():
    minutes = g.Budget("minutes", 60)
    week = [g.Commitment(MON, 30), g.Commitment(THU, 20), g.Commitment(date(2026, 11, 9), 45)]
    ok = g.capacity_check(minutes, week, THU, 10, adding=True)
    assert (ok.used, ok.adding, ok.exceeds, ok.remaining) == (50, 10, False, 10)
    over = g.capacity_check(minutes, week, SUN, 15, adding=True)
    assert over.exceeds and "50 of 60 minutes" in over.message and over.week_of == MON
    favors = g.Budget("favors", 2)
    assert not g.capacity_check(favors, week[:1], MON, 90, adding=True).exceeds
    assert g.capacity_check(favors, week[:2], MON, 5, adding=True).exceeds
    assert g.capacity_check(favors, week[:2], MON).as_dict()["warning"] is None


# ------------------------------------------------------------------ closure toward me


def _facts(rid, pid, helped=None, thanked=None, reported=None, asked=MON):
    return g.RequestFacts(rid, pid, asked, helped, thanked, reported)


def test_closure_from_explicit_records_and_later_evidence():
    facts = [_facts(1, 7, helped=MON, thanked=THU), _facts(2, 8, helped=MON), _facts(3, 9, helped=None)]
    evidence = [
        g.Evidence(8, MON, frozenset({"thanked", "reported"})),  # the same day: may be the request itself
        g.Evidence(8, THU, frozenset({"reported"})),
        g.Evidence(9, THU, frozenset({"thanked"})),  # never helped: nothing to credit
    ]
    by_id = {c.request_id: c for c in g.closures(facts, evidence)}
    assert by_id[1].thanked and not by_id[1].reported and by_id[1].derived == ()
    assert not by_id[2].thanked and by_id[2].reported and by_id[2].reported_on == THU
    assert by_id[2].derived == ("reported",)
    assert not by_id[3].thanked and by_id[3].helped_on is None
    assert g.closure_counts(by_id.values()) == {"asked": 3, "helped": 2, "thanked": 1, "reported": 1}
    assert by_id[2].waiting_days(date(2026, 12, 2)) == 30 and by_id[3].waiting_days(THU) is None


def test_evidence_goes_to_the_latest_request_helped():
    facts = [_facts(1, 7, helped=date(2026, 10, 1)), _facts(2, 7, helped=MON)]
    out = {c.request_id: c for c in g.closures(facts, [g.Evidence(7, THU, frozenset({"thanked"}))])}
    assert out[2].thanked and not out[1].thanked


def test_evidence_kinds_from_a_message():
    assert g.evidence_kinds("Thanks so much for the intro!") == {"thanked"}
    assert g.evidence_kinds("Quick update: I got the offer") == {"reported"}
    assert g.evidence_kinds("Thank you - I have an interview next week") == {"thanked", "reported"}
    assert g.evidence_kinds("Lunch?") == set()


def test_strangers_and_no_word_back_lower_the_suggestion():
    assert g.suggestion(False, []) == "accept" and g.suggestion(True, []) == "clarify"
    assert g.suggestion(False, ["trust_gate"]) == "smaller" and g.suggestion(True, ["trust_gate"]) == "smaller"
    assert g.suggestion(False, ["no_word_back"]) == "smaller"
    assert g.suggestion(False, ["trust_gate", "no_word_back"]) == "decline"
    assert "no history" in g.vouching_gate("introduction", "stranger", "Sam")
    assert g.vouching_gate("introduction", "acquainted", "Sam") is None
    assert "trust stage 'acquainted'" in g.vouching_gate("referral", "acquainted", "Sam")
    assert g.vouching_gate("insight", "stranger", "Sam") is None


def test_the_smaller_and_decline_drafts_for_a_stranger_are_honest_and_consistent():
    what = "an introduction to a CMO at Nike"
    smaller = g.smaller_draft("Sam Stone", what, g.five_minute_favor("introduction")[1], stranger=True)
    assert "Since we haven't worked together" in smaller and what in smaller
    assert "can't take on" not in smaller and "introduc" not in smaller.split("I can offer")[1]
    decline = g.decline_draft("Sam Stone", what, stranger=True)
    assert what in decline and "not the right person to vouch" in decline

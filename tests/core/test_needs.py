from goodloop.core.needs import keywords, suggest_gives


def test_keywords_drop_filler_and_stem():
    assert keywords("Looking for a UX designer for her startup") == {"ux", "design", "startup"}


def test_need_matches_offer():
    gives = suggest_gives(
        ["a UX designer for her startup", "someone to water plants"],
        ["resume reviews for designers", "Python mentoring"],
    )
    assert len(gives) == 1
    assert gives[0].offer == "resume reviews for designers" and "design" in gives[0].reason


def test_need_for_org_becomes_introduction():
    gives = suggest_gives(
        ["an intro to someone at Stripe Inc."],
        ["an intro to anyone in fintech"],
        {"Stripe": ["Raj Patel"], "Plaid": []},
    )
    assert gives[0].offer == "an introduction to Raj Patel at Stripe"


def test_org_with_nobody_known_is_not_a_give():
    assert suggest_gives(["a contact at Plaid"], [], {"Plaid": []}) == []


def test_no_match_no_give():
    assert suggest_gives(["a plumber"], ["product strategy advice"]) == []

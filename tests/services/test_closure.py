"""Loop closure toward me, computed from what the requester later did: explicit records, an
inbound message after the help that thanks me or gives news, a favor they did me after it."""

from datetime import date

import pytest

from goodloop.errors import NotFound, ServiceError
from goodloop.giving import closure, requests
from goodloop.helploop import favors
from goodloop.network import interactions, people
from goodloop.overview import person_detail

MON, THU = date(2026, 11, 2), date(2026, 11, 5)
LATER = date(2026, 12, 20)
SPECIFIC = "Could you introduce me to a product manager at Acme? Thanks so much!"


@pytest.fixture
def cast(account):
    return {n: people.add_person(account, n, org="Initech") for n in ("Ana Ruiz", "Bo Li", "Cy Ng", "Di Fox")}


def helped(account, person, when=MON, kept=THU):
    """A request from `person`, accepted and kept: I helped on `kept`."""
    ask = requests.record(account, person, SPECIFIC, when).ask
    loop = requests.triage(account, ask.id, "accept", when=when).loops_opened[0]
    requests.keep_promise(account, loop.id, kept)
    return ask


def test_explicit_thanks_and_report(account, cast):
    ask = helped(account, cast["Ana Ruiz"])
    assert closure.toward_me(account, cast["Ana Ruiz"]) == {"asked": 1, "helped": 1, "thanked": 0, "reported": 0}
    closure.thanked_me(account, ask.id, date(2026, 11, 6))
    closure.reported_to_me(account, ask.id, date(2026, 11, 20), note="Got the interview")
    assert closure.toward_me(account, cast["Ana Ruiz"]) == {"asked": 1, "helped": 1, "thanked": 1, "reported": 1}
    data = person_detail.detail(account, cast["Ana Ruiz"], LATER)
    assert data["closure_toward_me"] == {"asked": 1, "helped": 1, "thanked": 1, "reported": 1}
    with pytest.raises(ServiceError, match="already recorded"):
        closure.thanked_me(account, ask.id, LATER)
    with pytest.raises(ServiceError, match="before it"):
        closure.reported_to_me(account, requests.record(account, cast["Bo Li"], SPECIFIC, THU).ask.id, MON)
    with pytest.raises(NotFound):
        closure.thanked_me(account, 9999)


def test_derived_from_what_they_did_after_the_help(account, cast):
    ana, bo, cy, di = (cast[n] for n in ("Ana Ruiz", "Bo Li", "Cy Ng", "Di Fox"))
    for p in (ana, bo, cy, di):
        helped(account, p)
    interactions.log(account, [ana], "email", "inbound", "Thanks so much for the intro to Kim!", date(2026, 11, 6))
    interactions.log(account, [ana], "email", "inbound", "Update: I got the offer at Acme", date(2026, 12, 1))
    favors.record(account, bo, "received", "share", when=date(2026, 11, 10))  # gratitude in kind
    interactions.log(account, [cy], "email", "inbound", "Thanks for the intro!", date(2026, 11, 1))  # before help
    interactions.log(account, [cy], "email", "outbound", "Any news? Thanks", date(2026, 11, 20))  # mine, not theirs
    by_name = {r["person"]["name"]: r for r in closure.givers_report(account, LATER)["people"]}
    assert (by_name["Ana Ruiz"]["thanked"], by_name["Ana Ruiz"]["reported"]) == (1, 1)
    assert (by_name["Bo Li"]["thanked"], by_name["Bo Li"]["reported"]) == (1, 0)
    assert (by_name["Cy Ng"]["thanked"], by_name["Cy Ng"]["reported"]) == (0, 0)
    ana_closure = closure.for_person(account, ana)[0]
    assert ana_closure.derived == ("thanked", "reported") and ana_closure.thanked_on == date(2026, 11, 6)


def test_declined_and_open_requests_are_asked_not_helped(account, cast):
    ana = cast["Ana Ruiz"]
    requests.triage(account, requests.record(account, ana, SPECIFIC, MON).ask.id, "decline", when=MON)
    requests.record(account, ana, SPECIFIC, THU)
    interactions.log(account, [ana], "email", "inbound", "Thanks anyway!", date(2026, 11, 20))
    assert closure.toward_me(account, ana) == {"asked": 2, "helped": 0, "thanked": 0, "reported": 0}


def test_redirect_counts_as_help(account, cast):
    ask = requests.record(account, cast["Ana Ruiz"], SPECIFIC, MON).ask
    requests.triage(account, ask.id, "redirect", to=cast["Bo Li"], when=MON)
    interactions.log(account, [cast["Ana Ruiz"]], "message", "inbound", "Thank you, Bo was great", THU)
    assert closure.toward_me(account, cast["Ana Ruiz"])["thanked"] == 1


def test_givers_report(account, cast):
    ana, bo, cy = cast["Ana Ruiz"], cast["Bo Li"], cast["Cy Ng"]
    a = helped(account, ana)
    closure.thanked_me(account, a.id, THU)
    closure.reported_to_me(account, a.id, date(2026, 11, 20))
    helped(account, bo)
    favors.record(account, bo, "given", "referral", when=date(2026, 11, 9))
    open_ask = requests.record(account, cy, SPECIFIC, date(2026, 12, 1)).ask
    promise = requests.triage(account, open_ask.id, "accept", when=date(2026, 12, 1)).loops_opened[0]
    report = closure.givers_report(account, LATER)
    assert report["closure"] == {"asked": 3, "helped": 2, "thanked": 1, "reported": 1}
    assert report["closed_the_loop"] == [{"id": ana.id, "name": "Ana Ruiz"}]
    assert report["no_word_back"] == [{"person": {"id": bo.id, "name": "Bo Li"}, "days": (LATER - THU).days}]
    assert [(x["person"]["name"], x["favors"], x["weighted"]) for x in report["helped_most"]] == [
        ("Bo Li", 2, 6.0), ("Ana Ruiz", 1, 3.0)]
    assert [(x["id"], x["request"], x["overdue"]) for x in report["open_promises"]] == [
        (promise.id, open_ask.id, True)]
    assert "score" not in str(report.keys())


def test_no_word_back_shows_in_the_next_reading(account, cast):
    helped(account, cast["Ana Ruiz"])
    data = requests.record(account, cast["Ana Ruiz"], SPECIFIC, LATER).as_dict()
    assert any(f["code"] == "no_word_back" and "2026-11-05" in f["message"] for f in data["findings"])

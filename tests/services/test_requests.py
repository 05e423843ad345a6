"""Requests made of me: the reading, each triage path and its draft, promises on Today, and
keeping a promise records the favor given (the ledger moves)."""

from datetime import date

import pytest

from goodloop.errors import NotFound, ServiceError
from goodloop.giving import queries, requests
from goodloop.helploop import loops as loop_service
from goodloop.helploop import trust as trust_service
from goodloop.helploop.models import Ask, Favor
from goodloop.network import people
from goodloop.overview import agenda, person_detail

MON, THU, SUN = date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 8)
VAGUE = "Do you know any companies I should target?"
SPECIFIC = "Could you introduce me to a product manager at Acme? Thanks so much!"


@pytest.fixture
def jane(account):
    return people.add_person(account, "Jane Doe", org="Initech", email="jane@initech.example")


@pytest.fixture
def bo(account):
    people.add_person(account, "Kim Acme", org="Acme", title="Product Manager")
    return people.add_person(account, "Bo Li", org="Globex", title="VP Product")


def test_vague_request_gets_a_clarifying_draft(account, jane):
    result = requests.record(account, jane, VAGUE, MON)
    data = result.as_dict()
    assert data["id"] == result.ask.id and data["person"] == {"id": jane.id, "name": "Jane Doe"}
    assert data["score"] < 50 and data["vague"] and data["suggestion"] == "clarify"
    assert {"no_org", "vague_chestnut"} <= {f["code"] for f in data["findings"]}
    assert "companies" in data["draft"] and "kind of people" in data["draft"]
    ask = Ask.objects.get(id=data["id"])
    assert (ask.direction, ask.status, ask.reply_draft) == ("received", "sent", data["draft"])
    assert Ask.objects.get(id=data["id"]).person.last_touch == MON


def known(account, person, stage="acquainted"):
    """Someone with history: the trust gate is for people with none."""
    trust_service.set_by_hand(account, person, stage)
    return person


def test_specific_request_suggests_accepting(account, jane, bo):
    data = requests.record(account, known(account, jane), SPECIFIC, MON).as_dict()
    assert data["score"] >= 70 and not data["vague"] and data["suggestion"] == "accept"
    assert data["draft"].startswith("Hi Jane, yes - glad to help with an introduction to a manager at Acme")
    assert data["capacity"]["exceeds"] is False


def test_referral_from_a_stranger_and_repeat_requests_are_flagged(account, jane):
    requests.record(account, jane, VAGUE, MON)
    data = requests.record(account, jane, "Would you refer me for the PM role at Acme? Thank you!", THU).as_dict()
    codes = {f["code"] for f in data["findings"]}
    assert {"trust_gate", "over_asking"} <= codes
    assert any("1 other time" in f["message"] for f in data["findings"] if f["code"] == "over_asking")


def test_accept_opens_a_promise_loop_with_a_due_date(account, jane, bo):
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    result = requests.triage(account, ask.id, "accept", due=SUN, when=MON)
    data = result.as_dict()
    assert data["id"] == ask.id and data["status"] == "answered" and data["triage"] == "accept"
    assert data["loops_opened"][0]["kind"] == "promise" and data["loops_opened"][0]["due"] == SUN.isoformat()
    assert "glad to help" in data["draft"] and "by Sunday" in data["draft"]
    assert data["warning"] is None and data["promise_due"] == SUN.isoformat()
    loop = result.loops_opened[0]
    assert loop.ask_id == ask.id and "You promised Jane Doe" in loop.reason and loop.draft
    assert [x["kind"] for x in map(loop_service.as_dict, loop_service.list_loops(account))] == ["promise"]
    assert queries.as_dict(requests.get(account, ask.id))["open"] is True


def test_accept_without_due_is_a_week(account, jane):
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    assert requests.triage(account, ask.id, "accept", when=MON).loops_opened[0].due == date(2026, 11, 9)


def test_smaller_offers_a_five_minute_favor(account, jane):
    ask = requests.record(account, known(account, jane), "Could you review my resume and introduce me to five people at Acme? "
                                         "Thanks!", MON).ask
    result = requests.triage(account, ask.id, "smaller", when=MON)
    assert "I can't take on" in result.draft and "but I can offer" in result.draft
    assert result.ask.promise_kind == "insight" and result.ask.minutes == 5
    assert "introduc" not in result.draft.split("but I can offer")[1]  # never the thing declined, smaller
    assert result.loops_opened[0].due == date(2026, 11, 5)  # three days


def test_redirect_points_to_someone_better_placed(account, jane, bo):
    ask = requests.record(account, jane, "Could you refer me to the VP of Product at Globex? Thanks!", MON).ask
    result = requests.triage(account, ask.id, "redirect", to=bo, note="Bo runs that team", when=MON)
    assert result.loops_opened == [] and result.ask.redirect_to_id == bo.id
    assert "Bo Li (VP Product at Globex) is much better placed" in result.draft
    assert "Bo runs that team." in result.draft
    assert queries.as_dict(result.ask)["redirect_to"] == {"id": bo.id, "name": "Bo Li"}


def test_decline_kindly(account, jane):
    ask = requests.record(account, jane, VAGUE, MON).ask
    result = requests.triage(account, ask.id, "decline", note="I'm on parental leave until March", when=MON)
    assert result.ask.status == "declined" and result.loops_opened == []
    assert "thank you for thinking of me" in result.draft and "parental leave until March." in result.draft
    assert queries.as_dict(result.ask)["open"] is False
    assert [a.id for a in queries.list_requests(account, open_only=True)] == []


def test_accepting_a_vague_request_asks_the_questions(account, jane):
    ask = requests.record(account, jane, VAGUE, MON).ask
    draft = requests.triage(account, ask.id, "accept", when=MON).draft
    assert "glad to help" in draft and "Which two or three companies" in draft


def test_triage_refuses_bad_input(account, jane, bo):
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    with pytest.raises(ServiceError, match="triage must be one of"):
        requests.triage(account, ask.id, "maybe")
    with pytest.raises(ServiceError, match="redirect to whom"):
        requests.triage(account, ask.id, "redirect")
    with pytest.raises(ServiceError, match="--to is for a redirect"):
        requests.triage(account, ask.id, "accept", to=bo)
    with pytest.raises(ServiceError, match="before today"):
        requests.triage(account, ask.id, "accept", due=MON, when=THU)
    with pytest.raises(NotFound):
        requests.triage(account, 9999, "accept")
    made = Ask.objects.create(account=account, person=jane, text="x", date=MON)  # my own ask, not a request
    with pytest.raises(NotFound):
        requests.triage(account, made.id, "accept")
    requests.triage(account, ask.id, "decline", when=MON)
    with pytest.raises(ServiceError, match="already triaged"):
        requests.triage(account, ask.id, "accept")
    with pytest.raises(ServiceError, match="needs some text"):
        requests.record(account, jane, "   ")


def test_promise_on_today_and_keeping_it_moves_the_ledger(account, jane):
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    loop = requests.triage(account, ask.id, "accept", due=THU, when=MON).loops_opened[0]
    items = [i for i in agenda.today(account, THU) if i.kind == "promise"]
    assert len(items) == 1 and items[0].person_name == "Jane Doe" and items[0].ref == {"loop": loop.id}
    assert "here's what I promised" in items[0].draft
    before = person_detail.detail(account, jane, THU)["ledger"]["given"]
    requests.keep_promise(account, loop.id, THU, note="Introduced her to Kim")
    favor = Favor.objects.get(ask=ask)
    assert (favor.direction, favor.kind, favor.note, favor.date) == ("given", "introduction",
                                                                     "Introduced her to Kim", THU)
    detail = person_detail.detail(account, jane, THU)
    assert detail["ledger"]["given"] == before + 3.0
    assert detail["given_to_them"] == {"favors": 1, "weighted": 3.0, "minutes": 15}
    assert requests.get(account, ask.id).status == "done"
    assert not [i for i in agenda.today(account, THU) if i.kind == "promise"]
    with pytest.raises(ServiceError, match="already done"):
        requests.keep_promise(account, loop.id, THU)


def test_a_plain_close_records_the_favor_once(account, jane):
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    loop = requests.triage(account, ask.id, "smaller", when=MON).loops_opened[0]
    closed = loop_service.close(account, loop.id, THU)  # `goodloop done` and Today's button
    assert Favor.objects.filter(ask=ask, direction="given").count() == 1
    assert requests.on_loop_closed(account, closed, THU) is None
    assert Favor.objects.filter(ask=ask, direction="given").count() == 1


def test_skipping_a_promise_records_nothing(account, jane):
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    loop = requests.triage(account, ask.id, "accept", when=MON).loops_opened[0]
    requests.keep_promise(account, loop.id, THU, note="They found someone", skip=True)
    assert not Favor.objects.filter(ask=ask).exists()
    thank = loop_service.open_loop(account, jane, "thank", THU, "Thank Jane", MON)
    with pytest.raises(ServiceError, match="a thank loop, not a promise"):
        requests.keep_promise(account, thank.id, THU)


def test_pasted_email_finds_a_known_sender(account, jane):
    message = ("From: Jane Doe <jane@initech.example>\nDate: Tue, 3 Nov 2026 09:12:00 +0000\n"
               "Subject: quick favor\n\nHi Sam,\n\nCould you introduce me to a designer at Acme?\n\n"
               "Thanks,\nJane Doe\nInitech")
    result = requests.record_pasted(account, message)
    assert result.ask.person_id == jane.id and result.ask.date == date(2026, 11, 3)
    assert result.ask.text == "Could you introduce me to a designer at Acme?\n\nThanks,"
    assert "no_gratitude" not in {f["code"] for f in result.reading["findings"]}


def test_pasted_linkedin_message_adds_an_unknown_sender(account):
    message = ("Priya Patel sent the following message at 10:02 AM\n"
               "Hello! I'm looking for work. Let me know if you hear of anything.")
    result = requests.record_pasted(account, message, when=MON)
    assert result.ask.person.display_name == "Priya Patel" and result.reading["vague"]
    assert result.ask.text.startswith("Hello! I'm looking")


def test_pasted_signature_names_the_sender(account):
    result = requests.record_pasted(account, "Hi,\nWould you look over my resume? Thank you!\n\nBest,\nOmar Haddad\n"
                                             "omar@example.org", when=MON)
    assert result.ask.person.display_name == "Omar Haddad"
    assert people.resolve(account, "omar@example.org").id == result.ask.person_id


def test_pasted_message_without_a_sender_is_refused(account):
    with pytest.raises(ServiceError, match="couldn't tell who sent"):
        requests.record_pasted(account, "Could you help me find a job?")


def test_request_from_me_is_refused(account):
    with pytest.raises(ServiceError, match="someone else"):
        requests.record(account, people.resolve(account, "me"), SPECIFIC)


def test_a_strangers_introduction_request_is_a_trust_gate(account, jane, bo):
    """Issue 13.9: "We haven't met ... Could you introduce me to the CMO at Nike?" is not a yes."""
    text = "Hi, we haven't met, but I saw your profile. Could you introduce me to the CMO at Nike? Thanks!"
    data = requests.record(account, jane, text, MON).as_dict()
    gate = next(f for f in data["findings"] if f["code"] == "trust_gate")
    assert "no history" in gate["message"] and not data["vague"] and data["suggestion"] == "smaller"
    assert "Since we haven't worked together" in data["draft"] and "CMO at Nike" in data["draft"]
    assert "Initech" not in data["draft"] and "Acme" not in data["draft"]  # their topic, never mine
    decline = requests.triage(account, data["id"], "decline", when=MON).draft
    assert "CMO at Nike" in decline and "not the right person to vouch" in decline
    # Someone I know asking the same is not gated.
    other = known(account, people.add_person(account, "Lee Park"))
    assert requests.record(account, other, text.replace("we haven't met, but I saw your profile. ", ""),
                           MON).as_dict()["suggestion"] == "accept"


def test_no_word_back_lowers_the_suggestion(account, jane, bo):
    known(account, jane)
    first = requests.record(account, jane, SPECIFIC, date(2026, 9, 1)).ask
    loop = requests.triage(account, first.id, "accept", when=date(2026, 9, 1)).loops_opened[0]
    requests.keep_promise(account, loop.id, date(2026, 9, 2))
    data = requests.record(account, jane, SPECIFIC, MON).as_dict()
    assert "no_word_back" in {f["code"] for f in data["findings"]}
    assert data["suggestion"] == "smaller" and "but I can offer" in data["draft"]
    stranger = people.add_person(account, "Max Roe")
    r = requests.record(account, stranger, "Could you refer me for the PM role at Acme?", date(2026, 9, 1)).ask
    loop = requests.triage(account, r.id, "accept", when=date(2026, 9, 1)).loops_opened[0]
    requests.keep_promise(account, loop.id, date(2026, 9, 2))
    again = requests.record(account, stranger, "Could you refer me for the PM role at Globex?", MON).as_dict()
    assert again["suggestion"] == "decline" and "Globex" in again["draft"] and "Acme" not in again["draft"]

"""The giver's side through the CLI (issue 7): request, requests, triage, loops/today/kept,
budget, seeking, thanked/reported, givers, person show - and one-line errors."""

import json

import pytest

MON, THU, SUN = "2026-11-02", "2026-11-05", "2026-11-08"
VAGUE = "Do you know any companies I should target?"
SPECIFIC = "Could you introduce me to a product manager at Acme? Thanks so much!"


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def network(cli):
    for args in (("Jane Doe", "--org", "Initech", "--email", "jane@initech.example"),
                 ("Bo Li", "--org", "Globex", "--title", "VP Product", "--email", "bo@globex.example")):
        code, _, err = cli("person", "add", *args)
        assert code == 0, err


def assert_one_line(code, err, text=""):
    assert code != 0 and err.startswith("goodloop: ") and err.count("\n") == 1, err
    assert text in err and "Traceback" not in err


def test_vague_request_prints_the_reading_and_a_clarifying_draft(cli, network):
    data = j(cli, "request", "jane@initech.example", VAGUE, "--date", MON)
    assert {"id", "person", "score", "findings", "draft"} <= set(data)
    assert data["person"]["name"] == "Jane Doe" and data["score"] < 50
    assert "vague_chestnut" in {f["code"] for f in data["findings"]}
    assert "Which two or three companies" in data["draft"]
    code, out, err = cli("request", "Jane Doe", VAGUE, "--date", MON)
    assert code == 0, err
    assert "too vague to act on" in out and "suggested: clarify" in out and "draft reply:" in out


def test_pasted_message_with_dash(cli, network):
    message = "From: Jane Doe <jane@initech.example>\n\nHi,\nCould you look over my resume?\n\nThanks,\nJane"
    data = j(cli, "request", "-", message, "--date", MON)
    assert data["person"]["name"] == "Jane Doe" and data["kind"] == "resume_feedback"


def test_accept_promise_today_kept_and_the_ledger(cli, network):
    req = j(cli, "request", "jane@initech.example", SPECIFIC, "--date", MON)
    tri = j(cli, "triage", str(req["id"]), "accept", "--due", THU, "--date", MON)
    assert set(tri) >= {"id", "status", "draft", "loops_opened"} and tri["status"] == "answered"
    assert [x["kind"] for x in tri["loops_opened"]] == ["promise"] and tri["loops_opened"][0]["due"] == THU
    promises = [x for x in j(cli, "loops", "--open") if x["kind"] == "promise"]
    assert [x["id"] for x in promises] == [tri["loops_opened"][0]["id"]]
    today = [x for x in j(cli, "today", "--date", THU) if x["kind"] == "promise"]
    assert today and today[0]["person"]["name"] == "Jane Doe" and today[0]["draft"]
    assert [x["id"] for x in j(cli, "requests", "--open")] == [req["id"]]
    before = j(cli, "person", "show", "jane@initech.example")
    code, out, err = cli("kept", str(promises[0]["id"]), "--date", THU, "--note", "Introduced her to Kim")
    assert code == 0 and "favor given recorded" in out, err
    after = j(cli, "person", "show", "jane@initech.example")
    assert after["ledger"]["given"] == before["ledger"]["given"] + 3.0
    assert after["closure_toward_me"] == {"asked": 1, "helped": 1, "thanked": 0, "reported": 0}
    assert after["given_to_them"]["favors"] == 1
    assert j(cli, "requests", "--open") == [] and j(cli, "requests")[0]["status"] == "done"
    code, _, err = cli("thanked", str(req["id"]), "--date", "2026-11-06")
    assert code == 0, err
    code, _, err = cli("reported", str(req["id"]), "--date", "2026-11-20", "--note", "Got the interview")
    assert code == 0, err
    shown = j(cli, "person", "show", "jane@initech.example")["closure_toward_me"]
    assert shown == {"asked": 1, "helped": 1, "thanked": 1, "reported": 1}


def test_each_triage_path(cli, network):
    ids = [j(cli, "request", "jane@initech.example", SPECIFIC, "--date", MON)["id"] for _ in range(3)]
    smaller = j(cli, "triage", str(ids[0]), "smaller", "--date", MON)
    assert "but I can offer" in smaller["draft"] and smaller["loops_opened"][0]["kind"] == "promise"
    redirect = j(cli, "triage", str(ids[1]), "redirect", "--to", "bo@globex.example", "--date", MON)
    assert "Bo Li" in redirect["draft"] and redirect["loops_opened"] == []
    code, out, err = cli("triage", str(ids[2]), "decline", "--note", "I'm away all month", "--date", MON)
    assert code == 0 and "I'm away all month." in out and "(declined)" in out, err


def test_budget_and_the_capacity_warning(cli, network):
    code, out, err = cli("budget", "--favors", "1", "--days", "mon,thu", "--date", MON)
    assert code == 0 and "1 favor a week" in out and "mon, thu" in out, err
    assert j(cli, "budget", "--date", MON)["days"] == ["mon", "thu"]
    first, second = (j(cli, "request", "jane@initech.example", SPECIFIC, "--date", MON)["id"] for _ in range(2))
    j(cli, "triage", str(first), "accept", "--due", SUN, "--date", MON)
    code, out, err = cli("triage", str(second), "accept", "--due", SUN, "--date", MON, "--json")
    assert code == 0 and err.startswith("goodloop: warning:") and "giving budget" in err
    data = json.loads(out)
    assert data["warning"] and data["loops_opened"][0]["due"] == THU  # batched onto Thursday
    assert j(cli, "budget", "--date", MON)["week"]["used"] == 2


def test_seeking_and_landed(cli, network):
    data = j(cli, "seeking", "Jane Doe", "--date", MON)
    assert data["seeking"] and data["loop"]["kind"] == "check_in" and "What would help most" in data["draft"]
    assert any(x["kind"] == "check_in" for x in j(cli, "today", "--date", MON))
    assert [x["person"]["name"] for x in j(cli, "seeking")] == ["Jane Doe"]
    landed = j(cli, "seeking", "Jane Doe", "--landed", "--at", "Stripe", "--date", "2026-12-01")
    assert not landed["seeking"] and "congratulations" in landed["draft"] and "Stripe" in landed["draft"]
    assert j(cli, "seeking") == []


def test_givers_report(cli, network):
    req = j(cli, "request", "jane@initech.example", SPECIFIC, "--date", MON)
    j(cli, "triage", str(req["id"]), "accept", "--date", MON)
    data = j(cli, "givers", "--date", THU)
    assert data["closure"] == {"asked": 1, "helped": 0, "thanked": 0, "reported": 0}
    assert [x["person"]["name"] for x in data["open_promises"]] == ["Jane Doe"]
    code, out, err = cli("givers", "--date", THU)
    assert code == 0 and "Requests made of you: 1" in out and "Open promises" in out, err


@pytest.mark.parametrize("args, text", [
    (("request", "nobody@example.com", SPECIFIC), "no person with the email"),
    (("request", "Jane Doe", "   "), "needs some text"),
    (("request", "-", "Could you help me?"), "couldn't tell who sent"),
    (("triage", "999", "accept"), "no request with id 999"),
    (("triage", "{id}", "maybe"), "triage must be one of"),
    (("triage", "{id}", "accept", "--due", "soon"), "--due 'soon' is not a date"),
    (("triage", "{id}", "redirect"), "redirect to whom"),
    (("triage", "0", "accept"), "REQUEST_ID is a positive number"),
    (("budget", "--favors", "2", "--minutes", "30"), "not both"),
    (("budget", "--days", "mon,funday"), "unknown weekday"),
    (("seeking", "Jane Doe", "--landed"), "isn't marked as job-seeking"),
    (("seeking", "--landed"), "--landed needs the person"),
    (("thanked", "999"), "no request with id 999"),
    (("kept", "999"), "no loop with id 999"),
])
def test_bad_input_is_one_line(cli, network, args, text):
    req = j(cli, "request", "jane@initech.example", SPECIFIC, "--date", MON)
    code, out, err = cli(*(a.replace("{id}", str(req["id"])) for a in args))
    assert_one_line(code, err, text)
    assert out == ""


def test_thanked_twice_is_one_line(cli, network):
    req = j(cli, "request", "jane@initech.example", SPECIFIC, "--date", MON)
    assert cli("thanked", str(req["id"]), "--date", THU)[0] == 0
    code, _, err = cli("thanked", str(req["id"]), "--date", THU)
    assert_one_line(code, err, "already recorded")

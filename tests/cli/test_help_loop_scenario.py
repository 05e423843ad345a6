"""The help loop end to end through the CLI, with --date (issue 4's scripted scenario)."""

import json

import pytest

MONDAY, WEDNESDAY, THURSDAY = "2026-11-02", "2026-11-04", "2026-11-05"


@pytest.fixture
def network(cli):
    def add(*args):
        code, out, err = cli("person", "add", *args, "--json")
        assert code == 0, err
        return json.loads(out)

    return {
        "maya": add("Maya Chen", "--org", "Northwind", "--title", "Product Marketing Lead", "--email",
                    "maya@northwind.example", "--tier", "active"),
        "sam": add("Sam Stranger", "--org", "Globex", "--email", "sam@globex.example"),
        "olga": add("Olga Close", "--org", "Initech", "--tier", "close", "--email", "olga@initech.example"),
    }


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_help_loop_scenario(cli, network):
    # Olga (close tier, 30 days) was last touched 40 days before Thursday.
    cli("log", "olga@initech.example", "--channel", "call", "--date", "2026-09-26")

    favor = j(cli, "got", "maya@northwind.example", "--kind", "advice", "--note", "advice on my positioning",
              "--date", MONDAY)
    thank = [x for x in favor["loops_opened"] if x["kind"] == "thank"]
    assert len(thank) == 1 and thank[0]["due"] == WEDNESDAY
    assert favor["person"]["name"] == "Maya Chen" and favor["direction"] == "received"

    agenda = j(cli, "today", "--date", THURSDAY)
    first = agenda[0]
    assert first["kind"] == "thank" and first["person"]["name"] == "Maya Chen"
    assert first["overdue_days"] == 1 and first["due"] == WEDNESDAY
    assert first["draft"].startswith("Hi Maya, thank you for your advice") and "(" not in first["draft"]
    assert first["reason"]

    checkins = [x for x in agenda if x["kind"] == "check_in"]
    assert [x["person"]["name"] for x in checkins] == ["Olga Close"]
    assert "40 days" in checkins[0]["reason"]

    code, out, err = cli("done", str(thank[0]["id"]), "--date", THURSDAY, "--note", "sent a card")
    assert code == 0, err
    assert not [x for x in j(cli, "today", "--date", THURSDAY) if x["kind"] == "thank"]
    assert [x["status"] for x in j(cli, "loops") if x["id"] == thank[0]["id"]] == ["done"]

    lead = j(cli, "lead", "add", "Northwind", "Senior PMM", "--via", "maya@northwind.example", "--date", THURSDAY)
    assert lead["stage"] == "identified"
    code, _, err = cli("lead", "move", str(lead["id"]), "interviewing", "--date", "2026-11-10")
    assert code == 0, err
    reports = [x for x in j(cli, "loops", "--open") if x["kind"] == "report" and x["person"]["name"] == "Maya Chen"]
    assert len(reports) == 1 and reports[0]["due"] == "2026-11-13"
    assert any(x["kind"] == "report" for x in j(cli, "today", "--date", "2026-11-13"))

    first_ask = j(cli, "ask", "maya@northwind.example",
                  "Could you introduce me to someone in product marketing at Northwind? Thank you!",
                  "--date", "2026-11-11")
    assert "over_asking" not in [f["code"] for f in first_ask["findings"]]
    second_ask = j(cli, "ask", "maya@northwind.example",
                   "Would you introduce me to one engineer at Northwind for 20 minutes? Thanks so much!",
                   "--date", "2026-11-20")
    assert "over_asking" in [f["code"] for f in second_ask["findings"]]

    referral = j(cli, "ask", "sam@globex.example",
                 "Would you refer me for the product marketing manager role at Globex? Thank you!",
                 "--kind", "referral", "--date", "2026-11-20")
    assert "trust_gate" in [f["code"] for f in referral["findings"]]


def test_second_nudge_never_suggested(cli, network):
    ask = j(cli, "ask", "sam@globex.example", "Could you introduce me to a designer at Globex? Thank you!",
            "--date", "2026-11-02")
    nudges = [x for x in j(cli, "today", "--date", "2026-11-12") if x["kind"] == "follow_up"]
    assert len(nudges) == 1 and "nudge" in nudges[0]["reason"].lower()
    from goodloop.accounts import account as accounts
    from goodloop.helploop import asks

    asks.record_follow_up(accounts.local_account(), ask["id"], "nudge")
    later = [x for x in j(cli, "today", "--date", "2026-11-16") if x["kind"] == "follow_up"]
    assert all("nudge" not in x["reason"].lower() or "never" in x["reason"].lower() for x in later)


def test_coach_saves_nothing(cli, network):
    data = j(cli, "coach", "Do you know any companies I should target?", "--person", "sam@globex.example")
    assert data["score"] < 50
    assert {"no_org", "vague_chestnut"} <= {f["code"] for f in data["findings"]}
    assert data["rewrite"]
    assert j(cli, "loops") == []
    assert "id" not in data


def test_bad_favor_kind_is_one_line(cli, network):
    code, _, err = cli("got", "sam@globex.example", "--kind", "cake")
    assert code == 1 and err.count("\n") == 1 and "favor kind must be one of" in err
    assert j(cli, "loops") == []


def test_landed_job_thanks_everyone(cli, network):
    j(cli, "got", "maya@northwind.example", "--kind", "introduction", "--note", "intro to the VP", "--date",
      "2026-10-01")
    j(cli, "got", "olga@initech.example", "--kind", "resume_feedback", "--date", "2026-10-03")
    j(cli, "gave", "sam@globex.example", "--kind", "advice", "--date", "2026-10-03")
    lead = j(cli, "lead", "add", "Northwind", "PMM", "--via", "maya@northwind.example", "--date", "2026-10-05")
    moved = j(cli, "lead", "move", str(lead["id"]), "accepted", "--date", "2026-11-01")
    assert sorted(x["person"] for x in moved["loops_opened"]) == ["Maya Chen", "Olga Close"]
    reports = [x for x in j(cli, "loops", "--open") if x["kind"] == "report"]
    by_person = {}
    for r in reports:
        by_person.setdefault(r["person"]["name"], []).append(r)
    assert {k: len(v) for k, v in by_person.items()} == {"Maya Chen": 1, "Olga Close": 1}
    # One item per person a day: the thank-yous (sent) go first, then the reports show.
    for loop in j(cli, "loops", "--open"):
        if loop["kind"] == "thank":
            cli("done", str(loop["id"]), "--date", "2026-10-04")
    drafts = {x["person"]["name"]: x["draft"] for x in j(cli, "today", "--date", "2026-11-04")
              if x["kind"] == "report"}
    assert "Thank you for your introduction" in drafts["Maya Chen"] and "intro to the VP" not in drafts["Maya Chen"]
    assert "your feedback on my resume" in drafts["Olga Close"]


def test_loops_list_what_is_owed_first(cli, network):
    for day in ("2026-10-01", "2026-10-05", "2026-10-09"):
        j(cli, "got", "maya@northwind.example", "--kind", "advice", "--date", day)
    first, second, third = [x["id"] for x in j(cli, "loops") if x["kind"] == "thank"]
    cli("done", str(first), "--date", "2026-10-03")
    listed = [(x["id"], x["status"]) for x in j(cli, "loops") if x["kind"] == "thank"]
    assert listed == [(second, "open"), (third, "open"), (first, "done")]

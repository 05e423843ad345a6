"""Loops and credit (issue 13, item 6): advice and insight are owed a report; a lead through
someone met via an introduction credits the introducer too, and its moves are reported along
the chain."""

import json

import pytest


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def chain(cli):
    for args in (("Priya Natarajan", "--org", "Corvid Labs", "--email", "priya@corvid.example"),
                 ("Omar Haddad", "--org", "Brightwell", "--email", "omar@brightwell.example"),
                 ("Lena Fischer", "--org", "Saltmarsh Pay", "--email", "lena@saltmarsh.example")):
        assert cli("person", "add", *args)[0] == 0
    # Priya introduced me to Omar; Omar introduced me to Lena; Lena has a role.
    for introducer, introduced, day in (("priya@corvid.example", "omar@brightwell.example", "2026-02-02"),
                                        ("omar@brightwell.example", "lena@saltmarsh.example", "2026-02-09")):
        intro = j(cli, "intro", introducer, "me", introduced, "--purpose", "learn about payments product work",
                  "--status", "made", "--date", day)
        assert cli("intro-status", str(intro["id"]), "met", "--date", day)[0] == 0
    for loop in j(cli, "loops", "--open"):
        if loop["kind"] == "thank":  # thanked at once, as one should
            assert cli("done", str(loop["id"]), "--date", "2026-02-10")[0] == 0


def test_advice_is_owed_a_report_in_two_weeks(cli, chain):
    favor = j(cli, "got", "priya@corvid.example", "--kind", "advice", "--note", "how to pitch my payments work",
              "--date", "2026-03-02")
    assert [(x["kind"], x["due"]) for x in favor["loops_opened"]] == [("thank", "2026-03-04"), ("report", "2026-03-16")]
    insight = j(cli, "got", "omar@brightwell.example", "--kind", "insight", "--date", "2026-03-02")
    assert ("report", "2026-03-16") in [(x["kind"], x["due"]) for x in insight["loops_opened"]]


def test_a_lead_credits_the_chain_and_its_moves_are_reported_along_it(cli, chain):
    lead = j(cli, "lead", "add", "Saltmarsh Pay", "Product Manager, Payouts", "--via", "lena@saltmarsh.example",
             "--date", "2026-03-03")
    credited = {c["name"]: c["credit"] for c in lead["contributors"]}
    assert credited == {"Lena Fischer": "the lead came through them",
                        "Omar Haddad": "introduced you to Lena Fischer",
                        "Priya Natarajan": "introduced you to Omar Haddad"}
    shown = j(cli, "lead", "show", str(lead["id"]))
    assert shown["contributors"] == lead["contributors"]
    code, out, _ = cli("lead", "show", str(lead["id"]))
    assert "credited: Omar Haddad (introduced you to Lena Fischer)" in out

    moved = j(cli, "lead", "move", str(lead["id"]), "interviewing", "--date", "2026-03-20")
    owed = {x["person"]: x["due"] for x in moved["loops_opened"]}
    # The introducers' reports on their introductions were already owed (and stay as late as they
    # are); the lead's news goes into them.
    assert owed == {"Lena Fischer": "2026-03-23", "Omar Haddad": "2026-02-12", "Priya Natarajan": "2026-02-05"}
    omar = [x for x in j(cli, "loops", "--open") if x["kind"] == "report" and x["person"]["name"] == "Omar Haddad"]
    # One report per person: the introduction's own report became the lead's update.
    assert len(omar) == 1
    reasons = {x["person"]["name"]: x["reason"] for x in j(cli, "loops", "--open") if x["kind"] == "report"}
    assert "(your introduction to Lena Fischer led to it)" in reasons["Omar Haddad"]
    assert "(your introduction to Omar Haddad led to it)" in reasons["Priya Natarajan"]
    drafts = {x["person"]["name"]: x["draft"] for x in j(cli, "today", "--date", "2026-03-23")
              if x["kind"] == "report"}
    assert "I'm now interviewing for the Product Manager, Payouts role at Saltmarsh Pay" in drafts["Omar Haddad"]
    assert "Product Manager, Payouts role at Saltmarsh Pay" in drafts["Priya Natarajan"]


def test_lead_show_unknown_is_one_line(cli):
    code, out, err = cli("lead", "show", "999")
    assert code != 0 and "no lead with id 999" in err and len(err.strip().splitlines()) == 1

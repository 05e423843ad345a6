"""Landed (issue 13, item 7): accepting a lead closes the rest of the search - listed and undoable -
Today stops nudging about it, the brief says so, and everyone who helped gets a specific report."""

import json

import pytest


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def search(cli):
    people = {}
    for key, name, org, email in (("ines", "Ines Carvalho", "Harbor Analytics", "ines@harbor.example"),
                                  ("tomas", "Tomas Brandt", "Veldt Energy", "tomas@veldt.example"),
                                  ("ruth", "Ruth Achebe", "Kiln Studio", "ruth@kiln.example")):
        people[key] = j(cli, "person", "add", name, "--org", org, "--email", email)
    for org in ("Harbor Analytics", "Veldt Energy"):
        assert cli("target", "add", org)[0] == 0
    assert cli("brief", "--help")[0] == 0
    win = j(cli, "lead", "add", "Harbor Analytics", "Analytics Lead", "--via", "ines@harbor.example",
            "--date", "2026-04-01")
    other = j(cli, "lead", "add", "Veldt Energy", "Data Product Manager", "--via", "tomas@veldt.example",
              "--date", "2026-04-02")
    j(cli, "lead", "move", str(other["id"]), "interviewing", "--date", "2026-04-10")
    ask = j(cli, "ask", "ruth@kiln.example",
            "Hi Ruth, could you spare 20 minutes to tell me how Kiln Studio staffs data projects? Thank you!",
            "--date", "2026-04-20")
    return {"win": win, "other": other, "ask": ask, "people": people}


def test_accepting_lands_the_search_and_it_can_be_undone(cli, search):
    win, other = search["win"], search["other"]
    moved = j(cli, "lead", "move", str(win["id"]), "accepted", "--date", "2026-04-24")
    landed = moved["landed"]
    assert [(x["id"], x["stage"], x["was"]) for x in landed["leads"]] == [(other["id"], "withdrawn", "interviewing")]
    assert sorted((t["organization"], t["status"]) for t in landed["targets"]) == [
        ("Harbor Analytics", "closed"), ("Veldt Energy", "closed")]
    assert [(a["person"], a["status"]) for a in landed["asks"]] == [("Ruth Achebe", "withdrawn")]
    assert all(t["status"] == "closed" for t in j(cli, "targets"))

    # Everyone who helped is owed a report, each with their own part named.
    reports = {x["person"]: x for x in moved["loops_opened"]}
    assert set(reports) == {"Ines Carvalho", "Tomas Brandt"}
    today = {x["person"]["name"]: x for x in j(cli, "today", "--date", "2026-04-27")}
    assert today["Ines Carvalho"]["kind"] == "report"
    assert "accepted an offer at Harbor Analytics as Analytics Lead" in today["Ines Carvalho"]["draft"]
    assert "accepted an offer at Harbor Analytics" in today["Tomas Brandt"]["draft"]
    # No nudges about the withdrawn lead or the withdrawn ask.
    kinds = {(x["kind"], x["person"]["name"]) for x in j(cli, "today", "--date", "2026-05-10")}
    assert not {k for k in kinds if k[0] in ("follow_up", "lead_step")}

    code, out, _ = cli("brief")
    assert "Update: I've landed. I accepted the Analytics Lead role at Harbor Analytics on 24 April 2026" in out
    assert "Veldt Energy" not in out  # the targets are closed

    code, out, _ = cli("lead", "move", str(win["id"]), "offer", "--date", "2026-04-25")
    assert "The landing is undone; restored:" in out
    assert f"lead #{other['id']} Data Product Manager at Veldt Energy: restored (was interviewing)" in out
    assert j(cli, "lead", "show", str(other["id"]))["stage"] == "interviewing"
    assert {t["status"] for t in j(cli, "targets")} == {"researching"}
    code, out, _ = cli("brief")
    assert "landed" not in out
    assert "Ines Carvalho" not in {x["person"]["name"] for x in j(cli, "today", "--date", "2026-04-27")
                                   if x["kind"] == "report"}


def test_each_thank_you_for_the_landing_is_honest_about_its_part(cli, search):
    """Read aloud: help on the accepted lead was part of getting here; help on a lead the landing
    withdrew didn't turn into a role, and says so; advice tied to no lead is thanked as advice."""
    advice = j(cli, "got", "ruth@kiln.example", "--kind", "advice", "--date", "2026-04-22")
    thanked = next(x["id"] for x in advice["loops_opened"] if x["kind"] == "thank")
    assert cli("done", str(thanked), "--date", "2026-04-23")[0] == 0
    assert cli("lead", "move", str(search["win"]["id"]), "accepted", "--date", "2026-04-24")[0] == 0
    drafts = {x["person"]["name"]: x["draft"] for x in j(cli, "today", "--date", "2026-04-27")
              if x["kind"] == "report"}
    news = "good news: I've accepted an offer at Harbor Analytics as Analytics Lead."
    assert drafts["Ines Carvalho"] == (
        f"Hi Ines, {news} Thank you for your help on the Analytics Lead role at Harbor Analytics: it was part "
        "of getting here. If I can ever return the favor, please ask.")
    assert drafts["Tomas Brandt"] == (
        f"Hi Tomas, {news} Thank you for your help on the Data Product Manager role at Veldt Energy: it didn't "
        "work out there, but it helped me keep my search moving. If I can ever return the favor, please ask.")
    assert drafts["Ruth Achebe"] == (
        f"Hi Ruth, {news} Thank you for your advice during my search. If I can ever return the favor, please ask.")
    assert not any("part of getting here" in drafts[name] for name in ("Tomas Brandt", "Ruth Achebe"))


def test_landing_text_lists_and_says_how_to_undo(cli, search):
    code, out, err = cli("lead", "move", str(search["win"]["id"]), "accepted", "--date", "2026-04-24")
    assert code == 0, err
    assert "You landed: Analytics Lead at Harbor Analytics. The rest of the search is closed:" in out
    assert f"lead #{search['other']['id']} Data Product Manager at Veldt Energy: withdrawn (was interviewing)" in out
    assert f"Undo: goodloop lead move {search['win']['id']} identified" in out

"""An eight-week job search replayed through the CLI with --date (issue 13, Must show).

One seeker, a handful of people and two targets: an ask for an introduction, the introduction
made and the meeting, a lead through the person met (crediting the introducer), an interview and
an accepted offer; along the way advice, a vague ask and a stranger's request on the giving side.
At eight dates the test reads Today's first three items - kind, person and the draft's text - so
the journey is documented as the user sees it.
"""

import json

import pytest


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def top3(cli, day):
    """Today's first three items on `day`; then I do them, as a user would (send the drafts)."""
    items = j(cli, "today", "--date", day)[:3]
    for x in items:
        if "loop" in x["ref"]:
            run(cli, "done", str(x["ref"]["loop"]), "--date", day, "--note", "sent the draft")
        elif x["kind"] in ("check_in", "reconnect"):
            run(cli, "log", str(x["person"]["id"]), "--channel", "email", "--direction", "outbound",
                "--summary", "sent the check-in", "--date", day)
    return [(x["kind"], x["person"]["name"], x["draft"]) for x in items]


def run(cli, *args):
    code, out, err = cli(*args)
    assert code == 0, err
    return out


@pytest.fixture
def cast(cli):
    for args in (("Marta Quinn", "--org", "Fennel Health", "--title", "Engineering Manager", "--tier", "close",
                  "--email", "marta@fennel.example"),
                 ("Leo Park", "--org", "Ardent Pay", "--title", "Director of Product", "--email",
                  "leo@ardentpay.example"),
                 ("Sana Iqbal", "--org", "Cobalt Ventures", "--title", "Partner", "--tier", "core", "--email",
                  "sana@cobalt.example"),
                 ("Victor Hale", "--org", "Bramble Labs", "--title", "Head of Data", "--tier", "active",
                  "--email", "victor@bramble.example"),
                 ("Gwen Ortiz", "--email", "gwen@ortiz.example")):
        run(cli, "person", "add", *args)
    run(cli, "person", "edit", "me", "--name", "Noor Rahman", "--email", "noor@rahman.example")
    for org in ("Ardent Pay", "Bramble Labs"):
        run(cli, "target", "add", org)
    # Contact before the search began, so the people are known, not strangers.
    run(cli, "log", "marta@fennel.example", "--channel", "call", "--date", "2025-12-15")
    run(cli, "log", "sana@cobalt.example", "--channel", "meeting", "--date", "2025-12-20")
    run(cli, "log", "victor@bramble.example", "--channel", "email", "--direction", "inbound", "--date", "2025-12-01")


def journey(cli) -> dict:
    """Replay the eight weeks; returns Today's first three items at each of the eight dates
    (after which I did them), and what else the test reads."""
    seen = {}
    # ---- Week 1: the ask for an introduction, a vague ask, advice from a mentor.
    seen["intro_ask"] = j(cli, "ask", "marta@fennel.example",
                          "Hi Marta, would you introduce me to Leo Park at Ardent Pay? I'd like 20 minutes to hear "
                          "how their payments product team works. Happy to send a short note you can forward. "
                          "Thank you!", "--org", "Ardent Pay", "--date", "2026-01-05")
    seen["vague"] = j(cli, "ask", "victor@bramble.example", "Let me know if you hear of anything.",
                      "--date", "2026-01-05")
    run(cli, "log", "sana@cobalt.example", "--channel", "call", "--date", "2026-01-06")
    run(cli, "got", "sana@cobalt.example", "--kind", "advice", "--note", "how to pitch my payments work",
        "--date", "2026-01-06")
    seen["2026-01-07"] = top3(cli, "2026-01-07")

    # ---- Week 2: Marta makes the introduction (her ask closes); Victor's vague ask waits.
    intro = j(cli, "intro", "marta@fennel.example", "me", "leo@ardentpay.example", "--purpose",
              "hear how Ardent Pay's payments product team works", "--status", "made", "--date", "2026-01-12")
    seen["leo_introduced"] = j(cli, "person", "show", "leo@ardentpay.example")["trust_stage"]
    seen["2026-01-14"] = top3(cli, "2026-01-14")

    # ---- Week 3: I meet Leo; a stranger asks me for an introduction.
    run(cli, "intro-status", str(intro["id"]), "met", "--date", "2026-01-20")
    seen["leo_met"] = j(cli, "person", "show", "leo@ardentpay.example")["trust_stage"]
    seen["stranger"] = j(cli, "request", "gwen@ortiz.example",
                         "We haven't met, but could you introduce me to the CTO at Ardent Pay?", "--date", "2026-01-21")
    seen["2026-01-22"] = top3(cli, "2026-01-22")

    # ---- Week 4: a week after meeting Leo, the relationship-building follow-up.
    seen["2026-01-27"] = top3(cli, "2026-01-27")

    # ---- Week 5: a lead through Leo, credited to Marta too; Leo refers me.
    seen["lead"] = lead = j(cli, "lead", "add", "Ardent Pay", "Senior Product Manager, Payments", "--via",
                            "leo@ardentpay.example", "--date", "2026-02-02")
    run(cli, "got", "leo@ardentpay.example", "--kind", "referral", "--lead", str(lead["id"]), "--note",
        "referred me to the hiring manager", "--date", "2026-02-03")
    seen["leo_referred"] = j(cli, "person", "show", "leo@ardentpay.example")["trust_stage"]
    seen["2026-02-05"] = top3(cli, "2026-02-05")

    # ---- Week 6: interviewing; the chain is owed a report.
    run(cli, "lead", "move", str(lead["id"]), "interviewing", "--date", "2026-02-10")
    seen["2026-02-13"] = top3(cli, "2026-02-13")

    # ---- Week 7: an offer.
    run(cli, "lead", "move", str(lead["id"]), "offer", "--date", "2026-02-18")
    seen["2026-02-20"] = top3(cli, "2026-02-20")

    # ---- Week 8: accepted - the search lands.
    seen["landed"] = run(cli, "lead", "move", str(lead["id"]), "accepted", "--date", "2026-02-24")
    seen["2026-02-27"] = top3(cli, "2026-02-27")
    seen["brief"] = run(cli, "brief")
    seen["later"] = j(cli, "today", "--date", "2026-03-10")
    return seen


def who(items):
    return [(kind, name) for kind, name, _ in items]


def test_eight_week_search(cli, cast):
    seen = journey(cli)
    assert seen["vague"]["score"] < seen["intro_ask"]["score"]

    # Week 1: the advice is thanked first (due tomorrow); people never contacted are offered to reconnect.
    day = seen["2026-01-07"]
    assert who(day)[0] == ("thank", "Sana Iqbal")
    assert day[0][2].startswith("Hi Sana, thank you for") and "yesterday" in day[0][2]
    assert day[0][2].startswith("Hi Sana, thank you for your advice")  # from facts: the note is not pasted

    # Week 2: the introduction is thanked; Marta's ask closed when she made it, so no nudge to her.
    assert seen["leo_introduced"] == "introduced"
    day = seen["2026-01-14"]
    assert who(day) == [("thank", "Marta Quinn"), ("follow_up", "Victor Hale")]
    assert day[0][2].startswith("Hi Marta, thank you for") and "Leo Park" in day[0][2] and "on Monday" in day[0][2]
    assert day[1][2].startswith("Hi Victor,") and "5 January" not in day[1][2]  # "last week"

    # Week 3: met Leo (trust follows the meeting); advice and introduction are owed reports.
    assert seen["leo_met"] == "acquainted"
    assert seen["stranger"]["suggestion"] != "accept"
    assert "Ardent Pay" in seen["stranger"]["draft"]
    day = seen["2026-01-22"]
    assert who(day) == [("report", "Sana Iqbal"), ("report", "Marta Quinn"), ("follow_up", "Victor Hale")]
    assert day[0][2].startswith("Hi Sana,") and "advice" in day[0][2]  # 14 days after the advice
    assert day[1][2].startswith("Hi Marta,") and "Leo Park" in day[1][2]

    # Week 4: a week after meeting Leo, the relationship-building follow-up (not a year away).
    day = seen["2026-01-27"]
    assert ("check_in", "Leo Park") in who(day)
    leo = next(d for k, n, d in day if n == "Leo Park")
    assert leo == ("Hi Leo, thank you again for making time to meet last week, and thanks to Marta for connecting us. "
                   "I've been thinking about what you said. Is there anything I can help you with?")

    # Week 5: the lead credits the chain; Leo's referral is thanked first; he is now an advocate.
    assert {c["name"]: c["credit"] for c in seen["lead"]["contributors"]} == {
        "Leo Park": "the lead came through them", "Marta Quinn": "introduced you to Leo Park"}
    assert seen["leo_referred"] == "advocate"
    day = seen["2026-02-05"]
    assert who(day)[0] == ("thank", "Leo Park")
    assert day[0][2].startswith("Hi Leo, thank you for") and "referring me for the Senior Product Manager, Payments role at Ardent Pay" in day[0][2]

    # Week 6: interviewing is reported along the chain - Leo and Marta, who introduced me to him.
    day = seen["2026-02-13"]
    assert who(day)[:2] == [("report", "Leo Park"), ("report", "Marta Quinn")]
    for _, name, draft in day[:2]:
        assert draft.startswith(f"Hi {name.split()[0]},")
        assert "I'm now interviewing for the Senior Product Manager, Payments role at Ardent Pay" in draft

    # Week 7: the offer, reported the same way.
    day = seen["2026-02-20"]
    assert who(day)[:2] == [("report", "Leo Park"), ("report", "Marta Quinn")]
    assert all("I have an offer for the Senior Product Manager, Payments role" in d for _, _, d in day[:2])

    # Week 8: landed - the rest closes (listed, with the undo), everyone who helped is told.
    assert "You landed: Senior Product Manager, Payments at Ardent Pay." in seen["landed"]
    assert "target Bramble Labs: closed" in seen["landed"] and f"ask #{seen['vague']['id']} to Victor Hale: withdrawn" in seen["landed"]
    day = seen["2026-02-27"]
    assert who(day) == [("report", "Leo Park"), ("report", "Marta Quinn"), ("report", "Sana Iqbal")]
    for _, name, draft in day:
        assert draft.startswith(f"Hi {name.split()[0]}, good news: I've accepted an offer at Ardent Pay as "
                                "Senior Product Manager, Payments.")
    assert "Leo Park" in day[1][2]  # Marta's part: the introduction to Leo
    assert "Update: I've landed. I accepted the Senior Product Manager, Payments role at Ardent Pay" in seen["brief"]
    assert not [x for x in seen["later"] if x["kind"] in ("follow_up", "lead_step")]


def test_eight_week_drafts_read_as_sentences(cli, cast):
    seen = journey(cli)
    drafts = [d for key, items in seen.items() if key.startswith("2026-") for _, _, d in items if d]
    assert len(drafts) >= 20
    for draft in drafts:
        assert "(" not in draft, draft  # no pasted note in brackets
        assert "Your referred" not in draft and "about Let me know" not in draft, draft
        assert " Me " not in f" {draft} " and "Noor Rahman" not in draft.split(",")[0], draft
        assert draft.rstrip()[-1] in ".?!", draft

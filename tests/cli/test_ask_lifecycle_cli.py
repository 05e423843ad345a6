"""Asks close when the person asked acts on them (issue 13, item 2), through the CLI with --date:
an introduction they make, help from them (linked or not), a reply; by hand with ask-status; the
one nudge with nudged. `got --ask` refuses someone else's ask and a request made of me."""

import json

import pytest

SENT = "2026-11-02"  # a Monday


@pytest.fixture
def folks(cli):
    def add(*args):
        code, out, err = cli("person", "add", *args, "--json")
        assert code == 0, err
        return json.loads(out)

    return {
        "iris": add("Iris Okafor", "--org", "Hooli", "--email", "iris@hooli.example", "--tier", "close"),
        "ines": add("Ines Marlow", "--org", "Acme Robotics", "--email", "ines@acme.example"),
        "tom": add("Tom Reyes", "--org", "Acme Robotics", "--email", "tom@acme.example"),
        "ula": add("Ula Brandt", "--org", "Umbra", "--email", "ula@umbra.example"),
    }


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def ask(cli, who, text, *extra):
    return j(cli, "ask", who, text, "--date", SENT, *extra)["id"]


def by_id(cli, *args):
    return {a["id"]: a for a in j(cli, "asks", *args)}


def test_an_introduction_made_by_the_person_asked_answers_the_ask(cli, folks):
    asked = ask(cli, "iris@hooli.example", "Could you introduce me to Ines Marlow at Acme Robotics?",
                "--org", "Acme Robotics")
    intro = j(cli, "intro", "iris@hooli.example", "me", "ines@acme.example", "--purpose", "robotics PM roles")
    cli("intro-status", str(intro["id"]), "made", "--date", "2026-11-05")
    row = by_id(cli)[asked]
    assert row["status"] == "answered" and row["closed_on"] == "2026-11-05"
    assert row["closed_reason"] == "Iris Okafor made the introduction to Ines Marlow"
    assert row["person"] == {"id": folks["iris"]["id"], "name": "Iris Okafor"}
    assert set(row) >= {"id", "person", "date", "text", "kind", "status", "score"}
    # Nothing left to nudge about: Today no longer asks for a follow-up.
    today = j(cli, "today", "--date", "2026-11-13")
    assert not [x for x in today if x["kind"] == "follow_up"]
    assert asked not in by_id(cli, "--open")


def test_help_from_them_without_a_link_and_a_reply_both_answer(cli, folks):
    advice = ask(cli, "ula@umbra.example", "Would you share how Umbra's product team runs its roadmap?")
    j(cli, "got", "ula@umbra.example", "--kind", "advice", "--date", "2026-11-04")
    assert by_id(cli)[advice]["closed_reason"] == "Ula Brandt helped: advice"
    second = ask(cli, "tom@acme.example", "Could you tell me how Acme Robotics hires PMs?")
    cli("log", "tom@acme.example", "--channel", "email", "--direction", "outbound", "--date", "2026-11-03")
    assert by_id(cli)[second]["status"] == "sent"  # my own message is not their answer
    cli("log", "tom@acme.example", "--channel", "email", "--direction", "inbound", "--date", "2026-11-06")
    row = by_id(cli)[second]
    assert row["status"] == "answered" and row["closed_reason"] == "Tom Reyes wrote back (email, 2026-11-06)"


def test_got_ask_refuses_someone_elses_ask_and_a_request_made_of_me(cli, folks):
    to_iris = ask(cli, "iris@hooli.example", "Could you introduce me to someone on Hooli's platform team?")
    code, _, err = cli("got", "ula@umbra.example", "--kind", "advice", "--ask", str(to_iris))
    assert code == 1 and err.count("\n") == 1
    assert f"ask #{to_iris} went to Iris Okafor, not Ula Brandt" in err
    request = j(cli, "request", "ula@umbra.example", "Could you review my deck for the Umbra pitch?",
                "--date", SENT)
    code, _, err = cli("got", "ula@umbra.example", "--kind", "advice", "--ask", str(request["id"]))
    assert code == 1 and "is a request Ula Brandt made of you, not your ask" in err
    assert by_id(cli)[to_iris]["status"] == "sent"
    assert request["id"] not in by_id(cli)  # `asks` lists my asks only


def test_ask_status_and_the_one_nudge(cli, folks):
    asked = ask(cli, "ines@acme.example", "Would you have 20 minutes to tell me about the PM team at Acme Robotics?")
    code, out, _ = cli("nudged", str(asked), "--date", "2026-11-11")
    assert code == 0 and "nudge recorded" in out
    assert by_id(cli)[asked]["nudges"] == 1
    code, _, err = cli("nudged", str(asked), "--date", "2026-11-12")
    assert code == 1 and "already nudged once" in err
    code, _, err = cli("ask-status", str(asked), "maybe")
    assert code == 1 and "answered, no_reply, withdrawn" in err
    done = j(cli, "ask-status", str(asked), "no_reply", "--date", "2026-11-20")
    assert done["status"] == "no_reply" and done["closed_reason"] == "marked no reply"
    withdrawn = ask(cli, "tom@acme.example", "Could you refer me for the robotics PM opening?")
    assert j(cli, "ask-status", str(withdrawn), "withdrawn", "--date", "2026-11-03")["status"] == "withdrawn"
    code, _, err = cli("ask-status", "99999", "answered")
    assert code == 1 and "no ask of yours with id 99999" in err


def test_asks_table_says_why_it_closed(cli, folks):
    asked = ask(cli, "ula@umbra.example", "Would you share how Umbra's product team runs its roadmap?")
    cli("got", "ula@umbra.example", "--kind", "insight", "--ask", str(asked), "--date", "2026-11-04")
    code, out, _ = cli("asks")
    assert code == 0 and "Ula Brandt helped: insight (2026-11-04)" in out

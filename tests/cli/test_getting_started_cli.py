"""`goodloop today` lists the first-run steps still open, with the command for each (issue 15 item 7)."""


def test_today_lists_what_is_left_to_set_up_and_stops_once_done(cli):
    code, out, _ = cli("today")
    assert code == 0
    assert "Getting started (0 of 4 done):" in out
    assert 'Set your name: Drafts, introductions and your brief are signed with it. `goodloop person edit me' in out
    assert "`goodloop import FILE`" in out and "`goodloop target add ORG`" in out

    assert cli("person", "edit", "me", "--name", "Ruth Abara")[0] == 0
    for org in ("Lantern Robotics", "Tidewater Books", "Copperleaf Analytics"):
        assert cli("target", "add", org)[0] == 0
    code, out, _ = cli("today")
    assert "Getting started (2 of 4 done):" in out and "Set your name" not in out and "target add" not in out

    for n in range(10):
        assert cli("person", "add", f"Hand Added {n}")[0] == 0
    assert cli("brief", "--headline", "Product marketer looking for a developer-tools team")[0] == 0
    code, out, _ = cli("today")
    assert code == 0 and "Getting started" not in out


def test_the_json_agenda_keeps_its_shape(cli):
    import json

    code, out, _ = cli("today", "--json")
    assert code == 0 and json.loads(out) == []  # a list of items, as DESIGN.md says; the checklist is not an item

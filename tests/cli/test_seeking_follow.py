"""seeking (issue 13, item 10): `person edit --job-seeking` starts the monthly check-ins; landing
moves them to their new organization and retires what they needed while looking."""

import json


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_job_seeking_flag_starts_and_ends_the_check_ins(cli):
    j(cli, "person", "add", "Dana Whitfield", "--org", "Marlow Freight", "--email", "dana@marlow.example")
    code, out, err = cli("person", "edit", "dana@marlow.example", "--job-seeking")
    assert code == 0, err
    assert "job-seeking: monthly check-ins, the next due" in out
    listed = j(cli, "seeking")
    assert [x["person"]["name"] for x in listed] == ["Dana Whitfield"] and listed[0]["loop"]["kind"] == "check_in"
    assert cli("person", "edit", "dana@marlow.example", "--job-seeking")[0] == 0  # again: still one
    assert len(j(cli, "seeking")) == 1
    assert cli("person", "edit", "dana@marlow.example", "--not-job-seeking")[0] == 0
    assert j(cli, "seeking") == []
    assert not [x for x in j(cli, "loops", "--open") if x["kind"] == "check_in"]
    assert cli("person", "edit", "me", "--job-seeking")[0] == 0  # my own flag: no check-ins with myself


def test_landed_moves_them_and_retires_their_needs(cli):
    j(cli, "person", "add", "Dana Whitfield", "--org", "Marlow Freight", "--email", "dana@marlow.example")
    assert cli("person", "edit", "dana@marlow.example", "--job-seeking", "--need",
               "an intro to a logistics data team")[0] == 0
    landed = j(cli, "seeking", "dana@marlow.example", "--landed", "--at", "Pemberton Rail", "--role",
               "Operations Analyst", "--date", "2026-05-04")
    assert landed["retired_needs"] == ["an intro to a logistics data team"]
    shown = j(cli, "person", "show", "dana@marlow.example")
    assert shown["organization"] == "Pemberton Rail" and shown["needs"] == []
    assert [r["organization"] for r in shown["roles"] if r["current"]] == ["Pemberton Rail"]
    assert "Marlow Freight" in [r["organization"] for r in shown["roles"] if not r["current"]]
    assert not [x for x in j(cli, "today", "--date", "2026-05-06") if x["kind"] == "give"]

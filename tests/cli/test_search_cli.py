"""`who`, `intro`, `intro-status`, `brief`, `report` through the CLI."""

import json


def j(cli, *args):
    code, out, err = cli(*args)
    assert code == 0, err
    return json.loads(out)


def test_who_intro_brief_report(cli, tmp_path):
    cli("person", "add", "Ines Inside", "--org", "Acme", "--email", "ines@acme.example")
    cli("person", "add", "Ira Introducer", "--org", "Hooli", "--email", "ira@hooli.example")
    rows = j(cli, "who", "acme", "--json")
    assert [r["person"]["name"] for r in rows] == ["Ines Inside"] and rows[0]["hops"] == 1
    intro = j(cli, "intro", "ira@hooli.example", "me", "ines@acme.example", "--purpose", "20 minutes", "--json")
    assert intro["status"] == "requested"
    moved = j(cli, "intro-status", str(intro["id"]), "made", "--date", "2026-11-02", "--json")
    assert moved == {"id": intro["id"], "status": "made"}
    rows = j(cli, "who", "acme", "--json")
    assert any(r["hops"] == 2 and r["path"] == ["Ira Introducer", "Ines Inside"] for r in rows)
    loops = j(cli, "loops", "--json")
    assert {x["kind"] for x in loops if x["person"]["name"] == "Ira Introducer"} == {"thank", "report"}
    code, out, err = cli("brief", "--format", "pdf", "-o", str(tmp_path / "b.pdf"))
    assert code == 0 and (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = cli("brief", "--format", "pdf")
    assert code == 1 and "needs a file" in err
    data = j(cli, "report", "--json", "--date", "2026-11-20")
    assert data["loop_closure"]["favors_received"] == 1


def test_who_unknown_org(cli):
    code, _, err = cli("who", "Nowhere Inc", "--json")
    assert code == 1 and "no organization named" in err


def test_who_takes_the_start_of_a_name_and_suggests_when_several_match(cli, account):
    from goodloop.network import people

    people.add_person(account, "Ines Inside", org="Northwind Analytics")
    people.add_person(account, "Paz Payments", org="Stripe Payments")
    people.add_person(account, "Sol Capital", org="Stripe Capital")
    rows = j(cli, "who", "northwind", "--json")
    assert [r["person"]["name"] for r in rows] == ["Ines Inside"]
    code, _, err = cli("who", "Stripe", "--json")
    assert code == 1 and err.strip() == ("goodloop: 'Stripe' names several organizations: Stripe Capital, "
                                         "Stripe Payments; use more of the name")
    code, _, err = cli("who", "", "--json")
    assert code == 1 and "an organization needs a name" in err


def test_who_on_the_demo_network_gives_one_and_two_hop_paths_with_reasons(cli, demo):
    rows = j(cli, "who", "Northwind Analytics", "--limit", "1000", "--json")
    by_hops = {1: [r for r in rows if r["hops"] == 1], 2: [r for r in rows if r["hops"] == 2]}
    assert by_hops[1] and by_hops[2] and len(rows) == len(by_hops[1]) + len(by_hops[2])
    for r in rows:
        assert len(r["path"]) == r["hops"] and r["path"][0] == r["person"]["name"]
        assert r["note"].startswith(r["person"]["name"]) and "tie strength" in r["note"]
    for r in by_hops[1]:
        assert ("works at Northwind Analytics now" in r["note"]) != r["former"]
    for r in by_hops[2]:
        assert f"knows {r['path'][1]} at Northwind Analytics" in r["note"]

"""Organizations named by any unambiguous part of their name, in every command (issue 15 item 5),
and `target edit` keeping priorities 1..n (issue 15 item 4)."""

import json

from goodloop.network.models import Organization


def j(cli, *args):
    code, out, err = cli(*args)
    assert code == 0, err
    return json.loads(out)


def _world(cli):
    cli("person", "add", "Greta Holm", "--org", "Northwind Analytics", "--title", "Data Lead")
    cli("person", "add", "Tomas Berg", "--org", "Northwind Analytics")
    cli("person", "add", "Lise Dahl", "--org", "Northstar Freight")
    cli("person", "add", "Ola Rask", "--org", "Fjord Ferries AS")


def test_one_match_is_used_everywhere(cli):
    _world(cli)
    orgs_before = Organization.objects.count()
    assert {p["name"] for p in j(cli, "people", "--org", "northwind", "--json")} == {"Greta Holm", "Tomas Berg"}
    assert [p["name"] for p in j(cli, "people", "--org", "FREIGHT", "--json")] == ["Lise Dahl"]  # a later word
    assert [p["name"] for p in j(cli, "people", "--org", "fjord ferries", "--json")] == ["Ola Rask"]
    code, out, _ = cli("lead", "add", "Northwind", "Analytics Engineer", "--via", "Greta Holm")
    assert code == 0 and "at Northwind Analytics" in out and "new organization" not in out
    ask = j(cli, "ask", "Greta Holm", "Could you introduce me to someone on the data team at Northwind?",
            "--org", "northwind", "--json")
    code, out, _ = cli("target", "add", "fjord")
    assert code == 0 and "Fjord Ferries AS" in out and "new organization" not in out
    assert [r["person"]["name"] for r in j(cli, "who", "northstar", "--json")] == ["Lise Dahl"]
    code, out, _ = cli("person", "add", "Per Lund", "--org", "Northstar")
    assert code == 0 and "at Northstar Freight" in out
    assert Organization.objects.count() == orgs_before  # no silent duplicate "Northwind"
    from goodloop.helploop.models import Ask

    assert [o.name for o in Ask.objects.get(id=ask["id"]).organizations.all()] == ["Northwind Analytics"]


def test_several_matches_are_an_error_listing_them(cli):
    _world(cli)
    orgs_before = Organization.objects.count()
    for args in (("people", "--org", "North", "--json"), ("who", "north"), ("target", "add", "North"),
                 ("lead", "add", "north", "Data Analyst"), ("person", "add", "Kari Nes", "--org", "North"),
                 ("ask", "Greta Holm", "An intro at North?", "--org", "North")):
        code, out, err = cli(*args)
        assert code == 1 and out == "", args
        assert err.count("\n") == 1 and "Northstar Freight" in err and "Northwind Analytics" in err, (args, err)
        assert "several organizations" in err and "Traceback" not in err
    assert Organization.objects.count() == orgs_before


def test_none_creates_only_where_creating_is_the_point_and_says_so(cli):
    _world(cli)
    code, _, err = cli("people", "--org", "Quillfeather", "--json")
    assert code == 1 and "no organization named 'Quillfeather'" in err
    code, _, err = cli("who", "Quillfeather")
    assert code == 1 and "no organization named" in err
    code, _, err = cli("target", "edit", "Quillfeather", "--priority", "1")
    assert code == 1 and "no organization named" in err
    assert not Organization.objects.filter(name__icontains="quill").exists()
    code, out, _ = cli("lead", "add", "Quillfeather Press", "Editor")
    assert code == 0 and out.splitlines()[0] == "new organization: Quillfeather Press"
    code, out, _ = cli("target", "add", "Lantern Robotics")
    assert code == 0 and out.splitlines()[0] == "new organization: Lantern Robotics"
    code, out, _ = cli("person", "add", "Mia Sund", "--org", "Tidewater Books")
    assert code == 0 and out.splitlines()[0] == "new organization: Tidewater Books"
    code, out, _ = cli("ask", "Mia Sund", "Could you tell me in 20 minutes how Ember Labs hires?", "--org", "Ember Labs")
    assert code == 0 and out.splitlines()[0] == "new organization: Ember Labs"
    code, out, _ = cli("lead", "add", "quillfeather", "Copy Editor")  # now it exists: used, not created again
    assert code == 0 and "new organization" not in out and "at Quillfeather Press" in out
    assert Organization.objects.filter(name__icontains="quill").count() == 1


def _targets(cli):
    return [(t["organization"], t["priority"]) for t in j(cli, "targets", "--json")]


def test_target_edit_renumbers_and_changes_status_and_why(cli):
    for name in ("Northwind Analytics", "eBay", "Fjord Ferries AS"):
        assert cli("target", "add", name, "--why", f"I like {name}")[0] == 0
    code, out, _ = cli("target", "add", "Lantern Robotics", "--priority", "1")
    assert code == 0 and "(priority 1)" in out
    assert _targets(cli) == [("Lantern Robotics", 1), ("Northwind Analytics", 2), ("eBay", 3),
                             ("Fjord Ferries AS", 4)]
    code, out, err = cli("target", "edit", "fjord", "--priority", "1", "--status", "networking")
    assert code == 0, err
    assert out.strip().endswith("Fjord Ferries AS (priority 1, networking)")
    assert _targets(cli) == [("Fjord Ferries AS", 1), ("Lantern Robotics", 2), ("Northwind Analytics", 3),
                             ("eBay", 4)]
    data = j(cli, "target", "edit", "ebay", "--priority", "2", "--why", "", "--json")
    assert data["priority"] == 2 and data["why"] == "" and data["organization"] == "eBay"
    assert _targets(cli) == [("Fjord Ferries AS", 1), ("eBay", 2), ("Lantern Robotics", 3), ("Northwind Analytics", 4)]
    assert j(cli, "target", "edit", "northwind", "--priority", "40", "--json")["priority"] == 4
    code, _, err = cli("target", "edit", "eBay", "--status", "dreaming")
    assert code == 1 and "status must be one of" in err
    code, _, err = cli("target", "edit", "eBay", "--priority", "0")
    assert code == 2 and "--priority" in err
    cli("person", "add", "Ida Nyheim", "--org", "Ember Labs")
    code, _, err = cli("target", "edit", "ember")
    assert code == 1 and "Ember Labs is not on the target list" in err

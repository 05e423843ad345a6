"""`goodloop person edit`: correct anyone's details, and set your own name for every draft."""

import json


def test_person_edit_me_sets_my_name_and_contact_lines(cli):
    code, out, err = cli("person", "edit", "me", "--name", "Rosa Quintero", "--email", "rosa@quintero.example",
                         "--phone", "+34 600 111 222", "--url", "rosaquintero.example", "--json")
    assert code == 0, err
    me = json.loads(out)
    assert me["name"] == "Rosa Quintero" and me["emails"] == ["rosa@quintero.example"]
    assert me["phones"] == ["+34 600 111 222"] and me["urls"] == ["https://rosaquintero.example"]
    code, out, _ = cli("person", "edit", "me", "--email", "rosa@elsewhere.example", "--json")
    assert json.loads(out)["emails"] == ["rosa@elsewhere.example"]  # corrected, not added


def test_a_new_organization_keeps_the_old_role_as_history_and_search_follows(cli):
    assert cli("person", "add", "Bo Chen", "--org", "Acme Payments", "--title", "Engineer")[0] == 0
    code, out, err = cli("person", "edit", "Bo Chen", "--org", "Lumen Health", "--title", "Staff Engineer")
    assert code == 0, err and "Staff Engineer at Lumen Health" in out
    code, out, _ = cli("person", "show", "Bo Chen", "--json")
    roles = [(r["organization"], r["title"], r["current"]) for r in json.loads(out)["roles"]]
    assert roles == [("Lumen Health", "Staff Engineer", True), ("Acme Payments", "Engineer", False)]
    assert [p["name"] for p in json.loads(cli("people", "lumen", "--json")[1])] == ["Bo Chen"]
    assert json.loads(cli("people", "acme", "--json")[1]) == []


def test_a_bad_edit_is_one_line_and_changes_nothing(cli):
    cli("person", "add", "Ana Silva", "--email", "ana@silva.example")
    cli("person", "add", "Cy Park", "--email", "cy@park.example")
    code, out, err = cli("person", "edit", "Cy Park", "--name", "Cyrus Park", "--email", "ana@silva.example")
    assert code != 0 and "already has the email" in err and len(err.strip().splitlines()) == 1
    assert json.loads(cli("person", "show", "cy@park.example", "--json")[1])["name"] == "Cy Park"
    code, _, err = cli("person", "edit", "Cy Park")
    assert code != 0 and "nothing to change" in err


def test_check_reports_no_drift_after_edits(cli):
    cli("person", "add", "Dee Ramos", "--org", "Oldco", "--email", "dee@ramos.example")
    cli("person", "edit", "Dee Ramos", "--org", "Newco", "--name", "Dee Ramos-Vidal")
    cli("log", "Dee Ramos-Vidal", "--channel", "call", "--date", "2026-03-02")
    code, out, err = cli("check", "--json")
    assert code == 0, (out, err)
    assert json.loads(out)["drift"] == 0


def test_my_name_reaches_the_brief_and_the_introduction_drafts(cli, tmp_path):
    cli("person", "add", "María López", "--org", "Northwind")
    cli("person", "add", "Bo Chen", "--org", "Acme Payments")
    code, out, _ = cli("brief", "--format", "md")
    assert code == 0 and "# My networking brief" in out  # no "Me" before you give your name
    code, out, _ = cli("intro", "María López", "me", "Bo Chen", "--purpose", "20 minutes on payments")
    draft = out.split(":\n", 1)[1]  # the request draft after the summary line
    assert code == 0 and "Me" not in draft.replace("Message", "") and "hoping for 20 minutes" in draft
    cli("person", "edit", "me", "--name", "Rosa Quintero", "--email", "rosa@quintero.example",
        "--url", "linkedin.com/in/rosaq")
    code, out, _ = cli("brief", "--format", "md")
    assert "# Rosa Quintero: networking brief" in out
    assert "rosa@quintero.example · https://linkedin.com/in/rosaq" in out
    code, out, _ = cli("brief", "--format", "html")
    assert "<h1>Rosa Quintero: networking brief</h1>" in out
    code, out, _ = cli("intro", "me", "María López", "Bo Chen", "--purpose", "learn about the payments team")
    assert code == 0 and "Hi María, happy to introduce you to Bo Chen at Acme Payments" in out and "— Rosa" in out
    assert "Hi Me" not in out

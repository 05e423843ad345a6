"""`goodloop leads`, `intros`, `favors`: ids, filters (--open, --person, --org) and --json,
the same serializer as the API's lists (issue 15 item 4)."""

import json

from django.test import Client


def j(cli, *args):
    code, out, err = cli(*args)
    assert code == 0, err
    return json.loads(out)


def _world(cli):
    cli("person", "add", "Greta Holm", "--org", "Northwind Analytics", "--email", "greta@northwind.example")
    cli("person", "add", "Tomas Berg", "--org", "Tidewater Books")
    cli("person", "add", "Lise Dahl", "--org", "Northwind Analytics")
    cli("person", "add", "Ola Rask", "--org", "Fjord Ferries")
    leads = {
        "data": j(cli, "lead", "add", "Northwind", "Data Analyst", "--via", "Greta Holm", "--json")["id"],
        "books": j(cli, "lead", "add", "Tidewater", "Bookseller", "--via", "Tomas Berg", "--json")["id"],
        "ferry": j(cli, "lead", "add", "Fjord Ferries", "Deckhand", "--json")["id"],
    }
    cli("lead", "move", str(leads["books"]), "rejected", "--date", "2026-11-03")
    intros = {
        "lise": j(cli, "intro", "Greta Holm", "me", "Lise Dahl", "--purpose", "20 minutes on analytics", "--json")["id"],
        "ola": j(cli, "intro", "Tomas Berg", "me", "Ola Rask", "--status", "met", "--json")["id"],
    }
    favors = {
        "advice": j(cli, "got", "Greta Holm", "--kind", "advice", "--note", "reworked my pitch", "--json"),
        "gave": j(cli, "gave", "Tomas Berg", "--kind", "share", "--note", "shared his shop's post", "--json"),
        "lead": j(cli, "got", "Ola Rask", "--kind", "lead", "--lead", str(leads["ferry"]), "--json"),
    }
    return leads, intros, favors


def test_leads_listing_with_filters_and_the_api_shape(cli, account):
    leads, _, _ = _world(cli)
    rows = j(cli, "leads", "--json")
    assert {r["id"] for r in rows} == set(leads.values())
    assert {r["id"] for r in j(cli, "leads", "--open", "--json")} == {leads["data"], leads["ferry"]}
    assert [r["id"] for r in j(cli, "leads", "--org", "northwind", "--json")] == [leads["data"]]
    assert [r["id"] for r in j(cli, "leads", "--person", "greta@northwind.example", "--json")] == [leads["data"]]
    # the person credited through a favor about the lead counts too
    assert [r["id"] for r in j(cli, "leads", "--person", "Ola Rask", "--json")] == [leads["ferry"]]
    api = Client().get("/api/leads", {"limit": 200}).json()["items"]
    keys = ("id", "stage", "organization", "title", "contributors")
    assert sorted(rows, key=lambda r: r["id"]) == sorted(({k: r[k] for k in keys} for r in api), key=lambda r: r["id"])
    code, out, _ = cli("leads", "--open")
    lines = out.splitlines()
    assert lines[0] == "id\tstage\torganization\ttitle\twho helped"
    assert f"{leads['data']}\tidentified\tNorthwind Analytics\tData Analyst\tGreta Holm" in lines


def test_intros_listing_with_filters(cli, account):
    _, intros, _ = _world(cli)
    assert {r["id"] for r in j(cli, "intros", "--json")} == set(intros.values())
    opened = j(cli, "intros", "--open", "--json")
    assert [r["id"] for r in opened] == [intros["lise"]]
    assert opened[0]["introducer"]["name"] == "Greta Holm" and opened[0]["purpose"] == "20 minutes on analytics"
    assert [r["id"] for r in j(cli, "intros", "--person", "Ola Rask", "--json")] == [intros["ola"]]
    assert [r["id"] for r in j(cli, "intros", "--org", "fjord", "--json")] == [intros["ola"]]
    assert j(cli, "intros", "--org", "northwind", "--open", "--person", "Tomas Berg", "--json") == []
    code, out, _ = cli("intros")
    assert out.splitlines()[0] == "id\tstatus\tintroducer\tintroducee\tintroduced\tsince\tpurpose"


def test_favors_listing_with_filters_and_the_api_shape(cli, account):
    _, _, favors = _world(cli)
    rows = j(cli, "favors", "--json")
    # the introduction Tomas made (status met) is a favor he did me, recorded by the help loop
    made = [r for r in rows if r["kind"] == "introduction"]
    assert [(r["person"]["name"], r["direction"]) for r in made] == [("Tomas Berg", "received")]
    assert {r["id"] for r in rows} == {f["id"] for f in favors.values()} | {made[0]["id"]}
    # open: a thank-you (or report) it opened is still owed; a favor given opens none
    owed = {favors["advice"]["id"], favors["lead"]["id"], made[0]["id"]}
    assert {r["id"] for r in j(cli, "favors", "--open", "--json")} == owed
    for loop in favors["advice"]["loops_opened"]:
        cli("done", str(loop["id"]))
    assert {r["id"] for r in j(cli, "favors", "--open", "--json")} == owed - {favors["advice"]["id"]}
    tomas = {favors["gave"]["id"], made[0]["id"]}
    assert {r["id"] for r in j(cli, "favors", "--person", "Tomas Berg", "--json")} == tomas
    assert {r["id"] for r in j(cli, "favors", "--org", "tidewater", "--json")} == tomas
    # --org also finds a favor through the lead it relates to (Ola works at Fjord Ferries too)
    assert [r["id"] for r in j(cli, "favors", "--org", "fjord", "--json")] == [favors["lead"]["id"]]
    api = {r["id"]: r for r in Client().get("/api/favors", {"limit": 200}).json()["items"]}
    for r in rows:
        assert {k: api[r["id"]][k] for k in r} == r
    assert rows[0].keys() == {"id", "direction", "kind", "person", "date", "note"}


def test_bad_filters_are_one_line_errors(cli, account):
    _world(cli)
    cli("person", "add", "Siv Aune", "--org", "Fjordline Cargo")
    for args, message in ((("leads", "--org", "Quillfeather"), "no organization named 'Quillfeather'"),
                          (("intros", "--person", "Nobody Atall"), "Nobody Atall"),
                          (("favors", "--org", "f"), "names several organizations: Fjord Ferries, Fjordline Cargo")):
        code, out, err = cli(*args, "--json")
        assert code == 1 and out == "" and message in err and err.count("\n") == 1, (args, err)


def test_api_lists_take_the_same_filters(cli, account):
    leads, intros, favors = _world(cli)
    c = Client()
    assert [r["id"] for r in c.get("/api/leads", {"open": "true", "org": "north"}).json()["items"]] == [leads["data"]]
    assert [r["id"] for r in c.get("/api/introductions", {"open": "true"}).json()["items"]] == [intros["lise"]]
    bad = c.get("/api/favors", {"org": "Quillfeather"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "org"

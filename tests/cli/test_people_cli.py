"""`people`, `person add|show|merge`, `log`, `target add`, `targets` through the CLI contract."""

import json
import uuid

import pytest


@pytest.fixture
def ada(cli):
    code, out, err = cli("person", "add", "Ada Lovelace", "--org", "Analytical Engines Inc.", "--title",
                         "Engineer", "--email", "ada@example.com", "--url",
                         "https://www.linkedin.com/in/ada-lovelace/", "--tier", "close", "--json")
    assert code == 0, err
    return json.loads(out)


def test_person_add_json_is_a_people_element(ada):
    assert set(ada) == {"id", "uid", "name", "emails", "phones", "urls", "organization", "title", "tier",
                        "trust_stage", "tags"}
    assert str(uuid.UUID(ada["uid"])) == ada["uid"]  # the stable identity, also the vCard UID
    assert ada["name"] == "Ada Lovelace"
    assert ada["emails"] == ["ada@example.com"]
    assert ada["organization"] == "Analytical Engines Inc."
    assert ada["title"] == "Engineer"
    assert ada["tier"] == "close"


def test_people_json_lists_and_filters(cli, ada):
    cli("person", "add", "Grace Hopper", "--org", "Navy", "--title", "Admiral")
    code, out, _ = cli("people", "--json")
    assert code == 0
    people = json.loads(out)
    assert [p["name"] for p in people] == ["Ada Lovelace", "Grace Hopper"]
    _, out, _ = cli("people", "engineer", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Ada Lovelace"]
    _, out, _ = cli("people", "--org", "analytical engines", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Ada Lovelace"]
    _, out, _ = cli("people", "ada@example", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Ada Lovelace"]


@pytest.mark.parametrize("ref", ["Ada Lovelace", "ada lovelace", "ada@example.com", "ADA@EXAMPLE.COM",
                                 "https://linkedin.com/in/ada-lovelace", "Lovelace"])
def test_person_show_resolves_every_kind_of_ref(cli, ada, ref):
    code, out, err = cli("person", "show", ref, "--json")
    assert code == 0, err
    assert json.loads(out)["id"] == ada["id"]


def test_person_show_json_shape(cli, ada):
    cli("log", "Ada Lovelace", "--channel", "call", "--summary", "Talked about engines", "--date", "2026-10-01")
    code, out, _ = cli("person", "show", str(ada["id"]), "--json")
    data = json.loads(out)
    for key in ("id", "name", "emails", "phones", "urls", "organization", "title", "tier", "trust_stage", "tags",
                "strength", "ledger", "loops", "interactions", "roles", "needs", "met_through"):
        assert key in data
    assert set(data["strength"]) >= {"score", "components"}
    assert 0 < data["strength"]["score"] <= 100
    assert set(data["ledger"]) >= {"given", "received", "balance"}
    assert data["interactions"][0]["summary"] == "Talked about engines"
    assert data["roles"][0]["organization"] == "Analytical Engines Inc."


def test_me_is_the_owner(cli):
    code, out, _ = cli("person", "show", "me", "--json")
    assert code == 0
    assert json.loads(out)["name"] == "Me"
    _, out, _ = cli("people", "--json")
    assert json.loads(out) == []


def test_merge_moves_everything(cli, ada):
    _, out, _ = cli("person", "add", "A. Lovelace", "--email", "ada@home.example", "--json")
    other = json.loads(out)
    cli("log", str(other["id"]), "--channel", "meeting", "--date", "2026-09-01")
    code, out, err = cli("person", "merge", str(ada["id"]), str(other["id"]), "--yes")
    assert code == 0, err
    _, out, _ = cli("person", "show", str(ada["id"]), "--json")
    data = json.loads(out)
    assert sorted(data["emails"]) == ["ada@example.com", "ada@home.example"]
    assert data["organization"] == "Analytical Engines Inc."
    assert len(data["interactions"]) == 1
    code, _, err = cli("person", "show", str(other["id"]))
    assert code == 1 and "no person with id" in err
    (m,) = data["merges"]
    assert m["merged_away"] == "A. Lovelace"
    code, out, err = cli("person", "unmerge", str(m["id"]))
    assert code == 0, err
    _, out, _ = cli("person", "show", str(other["id"]), "--json")
    assert json.loads(out)["emails"] == ["ada@home.example"]


def test_targets_in_priority_order(cli):
    cli("target", "add", "Globex", "--priority", "2", "--why", "great team")
    cli("target", "add", "eBay Inc.", "--priority", "1")
    cli("target", "add", "ebay", "--priority", "1", "--why", "payments")  # same organization, updated
    code, out, _ = cli("targets", "--json")
    assert code == 0
    data = json.loads(out)
    assert [t["organization"] for t in data] == ["eBay Inc.", "Globex"]
    assert data[0] == {"id": data[0]["id"], "organization": "eBay Inc.", "priority": 1, "status": "researching",
                       "why": "payments"}


def test_log_resets_last_touch(cli, ada):
    cli("log", "ada@example.com", "--channel", "email", "--direction", "outbound", "--date", "2026-10-05")
    cli("log", "ada@example.com", "--channel", "call", "--date", "2026-09-01")  # older: the clock stays
    _, out, _ = cli("person", "show", "ada@example.com", "--json")
    assert json.loads(out)["last_touch"] == "2026-10-05"


def test_person_edit(cli, ada):
    code, out, err = cli("person", "edit", "ada@example.com", "--tier", "core", "--cadence", "10", "--need",
                         "a designer for her startup", "--trust", "rapport", "--json")
    assert code == 0, err
    assert json.loads(out)["tier"] == "core" and json.loads(out)["trust_stage"] == "rapport"
    _, out, _ = cli("person", "show", "ada@example.com", "--json")
    data = json.loads(out)
    assert data["needs"] == ["a designer for her startup"] and data["cadence_days"] == 10
    code, _, err = cli("person", "edit", "ada@example.com", "--tier", "bestie")
    assert code == 1 and "tier must be one of" in err
    code, _, err = cli("person", "edit", "ada@example.com", "--cadence", "0")
    assert code == 1 and "cadence is 1 to" in err

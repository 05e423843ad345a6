"""Every resource through the API: the happy path, and bad input as 422 with field reasons."""

import pytest


def test_people_add_show_edit_delete(owner, api_as):
    api = api_as(owner)
    r = api.post("/api/people", {"name": "Dee Ramos", "organization": "Initech Inc.", "title": "VP Marketing",
                                 "email": "dee@initech.example", "tier": "close", "tags": ["alumni"]})
    assert r.status_code == 201, r.content
    dee = r.json()
    assert dee["organization"] == "Initech Inc." and dee["emails"] == ["dee@initech.example"] and dee["tags"] == ["alumni"]
    shown = api.get(f"/api/people/{dee['id']}").json()
    assert shown["name"] == "Dee Ramos" and "strength" in shown and "ledger" in shown
    r = api.patch(f"/api/people/{dee['id']}", {"tier": "core", "notes": "met at <b>SaaStr</b>", "needs": ["a designer"],
                                               "organization": "Globex", "title": "CMO"})
    assert r.status_code == 200, r.content
    assert r.json()["tier"] == "core" and r.json()["organization"] == "Globex" and r.json()["title"] == "CMO"
    assert api.get(f"/api/people/{dee['id']}").json()["needs"] == ["a designer"]
    assert api.get("/api/people", q="dee").json()["count"] == 1
    assert api.delete(f"/api/people/{dee['id']}").status_code == 204
    assert api.get(f"/api/people/{dee['id']}").status_code == 404


def test_deleting_me_is_refused(owner, api_as):
    r = api_as(owner).delete(f"/api/people/{owner.me_id}")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "id"


@pytest.mark.parametrize("url,body,field", [
    ("/api/people", {}, "name"),
    ("/api/people", {"name": ""}, "name"),
    ("/api/people", {"name": "x" * 301}, "name"),
    ("/api/people", {"name": "Ok", "tier": "bestie"}, "tier"),
    ("/api/people", {"name": "Ok", "email": "not-an-email"}, "email"),
    ("/api/people", {"name": "Ok", "tags": "alumni"}, "tags"),
    ("/api/people", {"name": 42}, "name"),
    ("/api/organizations", {"name": ""}, "name"),
    ("/api/targets", {"organization": "Acme", "priority": 0}, "priority"),
    ("/api/targets", {"organization": "Acme", "status": "dreaming"}, "status"),
    ("/api/interactions", {"people": [], "channel": "call"}, "people"),
    ("/api/interactions", {"people": ["{person}"], "channel": "telepathy"}, "channel"),
    ("/api/interactions", {"people": ["{person}"], "channel": "call", "date": "2026-13-45"}, "date"),
    ("/api/interactions", {"people": ["{person}"], "channel": "call", "date": "yesterday"}, "date"),
    ("/api/asks", {"person": "{person}", "text": ""}, "text"),
    ("/api/asks", {"person": "{person}", "text": "hi", "kind": "bribe"}, "kind"),
    ("/api/asks", {"person": "abc", "text": "hi"}, "person"),
    ("/api/asks", {"person": "{me}", "text": "Do you know anyone at Acme?"}, "person"),
    ("/api/coach", {"text": ""}, "text"),
    ("/api/coach", {"text": "x" * 5001}, "text"),
    ("/api/favors", {"person": "{person}", "direction": "sideways", "kind": "advice"}, "direction"),
    ("/api/favors", {"person": "{person}", "direction": "given", "kind": "money"}, "kind"),
    ("/api/favors", {"person": "{person}", "direction": "given", "kind": "advice", "ask": 999999}, "ask"),
    ("/api/introductions", {"introducer": "{person}", "introducee": "{person}", "introduced": "{other}"}, None),
    ("/api/introductions", {"introducer": "{person}", "introducee": "{me}", "introduced": "{other}",
                            "status": "maybe"}, "status"),
    ("/api/leads", {"organization": "Acme", "title": ""}, "title"),
    ("/api/leads", {"organization": "Acme", "title": "PM", "stage": "dreaming"}, "stage"),
    ("/api/tokens", {"name": "x" * 101}, "name"),
])
def test_bad_input_is_422_with_the_field(owner, api_as, url, body, field):
    ids = {"{person}": owner.ids["person"], "{other}": owner.ids["other_person"], "{me}": owner.me_id}

    def fill(v):
        if isinstance(v, list):
            return [fill(x) for x in v]
        return ids.get(v, v) if isinstance(v, str) else v

    r = api_as(owner).post(url, {k: fill(v) for k, v in body.items()})
    if field is None:  # a refused operation with no single field at fault
        assert r.status_code == 400 and r.json()["detail"]
        return
    assert r.status_code == 422, r.content
    data = r.json()
    assert data["detail"] and field in [e["field"] for e in data["errors"]], data


@pytest.mark.parametrize("url,body,field", [
    ("/api/people/{person}", {"tier": "bestie"}, "tier"),
    ("/api/people/{person}", {"cadence_days": 0}, "cadence_days"),
    ("/api/people/{person}", {"notes": "x" * 20001}, "notes"),
    ("/api/people/{person}", {"name": ""}, "name"),
    ("/api/people/{third}", {"title": "CEO", "organization": ""}, "organization"),
    ("/api/targets/{target}", {"status": "nope"}, "status"),
    ("/api/asks/{ask}", {"status": "pending"}, "status"),
    ("/api/loops/{loop}", {"status": "open"}, "status"),
    ("/api/introductions/{introduction}", {"status": "bogus"}, "status"),
    ("/api/leads/{lead}", {"stage": "won"}, "stage"),
    ("/api/leads/{lead}", {"stage": "applied", "date": "02/03/2026"}, "date"),
])
def test_bad_patches_are_422_with_the_field(owner, api_as, url, body, field):
    ids = {f"{{{k}}}": v for k, v in owner.ids.items()}
    for k, v in ids.items():
        url = url.replace(k, str(v))
    r = api_as(owner).patch(url, body)
    assert r.status_code == 422, r.content
    assert field in [e["field"] for e in r.json()["errors"]]


@pytest.mark.parametrize("url", ["/api/people?limit=0", "/api/people?limit=201", "/api/people?offset=-1",
                                 "/api/people?limit=abc", "/api/today?date=2026-02-30", "/api/loops?status=maybe",
                                 "/api/people?tier=bestie"])
def test_bad_query_parameters_are_422(owner, api_as, url):
    r = api_as(owner).client.get(url, **api_as(owner).headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"]


def test_malformed_json_is_a_clean_4xx(owner, api_as):
    api = api_as(owner)
    r = api.client.post("/api/people", "{not json", content_type="application/json", **api.headers)
    assert 400 <= r.status_code < 500


def test_asks_are_coached_and_the_coach_saves_nothing(owner, api_as):
    from goodloop.helploop.models import Ask

    api = api_as(owner)
    before = Ask.objects.count()
    coached = api.post("/api/coach", {"text": "Do you know any companies I should target?"})
    assert coached.status_code == 200
    assert coached.json()["score"] < 60 and coached.json()["findings"] and coached.json()["rewrite"]
    assert Ask.objects.count() == before
    made = api.post("/api/asks", {"person": owner.ids["other_person"],
                                  "text": "Do you know anyone in product marketing at Zeta owner0?"})
    assert made.status_code == 201, made.content
    data = made.json()
    assert data["id"] and "score" in data and isinstance(data["findings"], list)
    assert Ask.objects.count() == before + 1
    changed = api.patch(f"/api/asks/{data['id']}", {"status": "answered"})
    assert changed.json()["status"] == "answered"


def test_favor_received_returns_the_loops_it_opened(owner, api_as):
    r = api_as(owner).post("/api/favors", {"person": owner.ids["other_person"], "direction": "received",
                                           "kind": "referral", "note": "referred me", "date": "2026-03-01"})
    assert r.status_code == 201, r.content
    kinds = {x["kind"] for x in r.json()["loops_opened"]}
    assert "thank" in kinds and "report" in kinds


def test_loops_close_and_skip(owner, api_as):
    api = api_as(owner)
    loop_id = owner.ids["loop"]
    r = api.patch(f"/api/loops/{loop_id}", {"status": "done", "note": "sent it"})
    assert r.status_code == 200 and r.json()["status"] == "done"
    again = api.patch(f"/api/loops/{loop_id}", {"status": "skipped"})
    assert again.status_code == 400 and "already" in again.json()["detail"]
    assert api.get("/api/loops", status="done").json()["count"] >= 1


def test_introductions_and_leads_move(owner, api_as):
    api = api_as(owner)
    r = api.patch(f"/api/introductions/{owner.ids['introduction']}", {"status": "made", "date": "2026-03-03"})
    assert r.status_code == 200 and r.json()["status"] == "made"
    shown = api.get(f"/api/introductions/{owner.ids['introduction']}").json()
    assert set(shown["drafts"]) == {"request", "opt_in", "introduction"}
    lead = api.post("/api/leads", {"organization": "Acme", "title": "PMM", "via": owner.ids["person"]}).json()
    moved = api.patch(f"/api/leads/{lead['id']}", {"stage": "applied"})
    assert moved.status_code == 200 and moved.json()["stage"] == "applied"
    assert [x["person"]["id"] for x in moved.json()["loops_opened"]] == [owner.ids["person"]]


def test_accepting_a_lead_lands_the_search_and_moving_back_undoes_it(owner, api_as):
    api = api_as(owner)
    win = api.post("/api/leads", {"organization": "Acme", "title": "PMM", "via": owner.ids["person"]}).json()
    other = api.post("/api/leads", {"organization": "Initrode", "title": "Product Lead", "stage": "applied"}).json()
    moved = api.patch(f"/api/leads/{win['id']}", {"stage": "accepted", "date": "2026-04-01"}).json()
    withdrawn = {x["id"]: (x["stage"], x["was"]) for x in moved["landed"]["leads"]}
    assert withdrawn[other["id"]] == ("withdrawn", "applied") and win["id"] not in withdrawn
    assert moved["landed"]["on"] == "2026-04-01" and moved["landing_undone"] is None
    back = api.patch(f"/api/leads/{win['id']}", {"stage": "offer", "date": "2026-04-02"}).json()
    assert back["landing_undone"]["undone_on"] == "2026-04-02" and back["landed"] is None
    assert api.get(f"/api/leads/{other['id']}").json()["stage"] == "applied"


def test_targets_and_organizations(owner, api_as):
    api = api_as(owner)
    t = api.post("/api/targets", {"organization": "Umbrella Corp", "priority": 1, "why": "mission"})
    assert t.status_code == 201 and t.json()["organization"] == "Umbrella Corp"
    assert api.patch(f"/api/targets/{t.json()['id']}", {"status": "applied"}).json()["status"] == "applied"
    assert api.get("/api/targets").json()["items"][0]["priority"] == 1
    org = api.post("/api/organizations", {"name": "Umbrella"}).json()  # same organization, normalized
    assert org["id"] == api.get("/api/organizations", q="umbrella").json()["items"][0]["id"]
    assert api.get(f"/api/organizations/{owner.ids['organization']}").json()["people_count"] == 1
    assert api.delete(f"/api/targets/{t.json()['id']}").status_code == 204


def test_interactions_log_and_today(owner, api_as):
    api = api_as(owner)
    r = api.post("/api/interactions", {"people": [owner.ids["person"], owner.ids["third_person"]],
                                       "channel": "meeting", "summary": "coffee", "date": "2026-03-01"})
    assert r.status_code == 201 and len(r.json()["people"]) == 2
    today = api.get("/api/today", date="2026-03-02")
    assert today.status_code == 200
    assert any(item["kind"] == "thank" for item in today.json()["items"])


def test_openapi_document_loads_and_lists_every_resource(owner, api_as):
    doc = api_as(owner).get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    paths = set(doc["paths"])
    for p in ["/api/people", "/api/people/{person_id}", "/api/organizations", "/api/targets", "/api/interactions",
              "/api/asks", "/api/coach", "/api/favors", "/api/loops", "/api/introductions", "/api/leads",
              "/api/today", "/api/tokens"]:
        assert p in paths, p
    assert set(doc["paths"]["/api/people/{person_id}"]) == {"get", "patch", "delete"}
    schemes = doc["components"]["securitySchemes"]
    assert schemes["BearerToken"]["scheme"] == "bearer" and "AccountSession" in schemes


def test_docs_page_loads_nothing_from_a_cdn(owner, api_as):
    html = api_as(owner).get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "//cdn"):
        assert cdn not in html

"""PATCH /api/people/{id}: one transaction, derived fields kept (issue 12 drift bug 1), and contact details."""


def test_a_new_organization_is_found_by_search_and_the_old_one_is_not(owner, api_as):
    api = api_as(owner)
    dee = api.post("/api/people", {"name": "Dee Ramos", "organization": "Oldco Widgets", "title": "Buyer"}).json()
    assert api.get("/api/people", q="oldco").json()["count"] == 1
    r = api.patch(f"/api/people/{dee['id']}", {"organization": "Newco Gadgets", "title": "Head of Buying"})
    assert r.status_code == 200, r.content
    assert [p["id"] for p in api.get("/api/people", q="newco").json()["items"]] == [dee["id"]]
    assert api.get("/api/people", q="oldco").json()["count"] == 0
    assert api.get("/api/people", q="head of buying").json()["count"] == 1
    roles = api.get(f"/api/people/{dee['id']}").json()["roles"]
    assert [(r["organization"], r["current"]) for r in roles] == [("Newco Gadgets", True), ("Oldco Widgets", False)]


def test_contact_details_and_tags_are_replaced_and_a_refused_edit_saves_nothing(owner, api_as):
    api = api_as(owner)
    pid = owner.ids["person"]
    r = api.patch(f"/api/people/{pid}", {"name": "Ana Lucía Silva", "emails": ["ana.lucia@new.example"],
                                         "phones": ["+1 415 555 0101"], "urls": ["linkedin.com/in/analucia"],
                                         "tags": ["mentor"]})
    assert r.status_code == 200, r.content
    ana = r.json()
    assert ana["name"] == "Ana Lucía Silva" and ana["emails"] == ["ana.lucia@new.example"]
    assert ana["phones"] == ["+1 415 555 0101"] and ana["urls"] == ["https://linkedin.com/in/analucia"]
    assert ana["tags"] == ["mentor"]
    assert api.get("/api/people", q="ana.lucia@new").json()["count"] == 1
    other_email = api.get(f"/api/people/{owner.ids['other_person']}").json()["emails"][0]
    refused = api.patch(f"/api/people/{pid}", {"name": "Someone Else", "emails": [other_email]})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "email"
    assert api.get(f"/api/people/{pid}").json()["name"] == "Ana Lucía Silva"  # one transaction: no half edit
    assert api.patch(f"/api/people/{pid}", {"urls": ["javascript:alert(1)"]}).status_code == 422


def test_my_own_name_and_contact_lines(owner, api_as):
    api = api_as(owner)
    r = api.patch(f"/api/people/{owner.me_id}", {"name": "Rosa Quintero", "emails": ["rosa@quintero.example"]})
    assert r.status_code == 200, r.content
    assert api.get(f"/api/people/{owner.me_id}").json()["name"] == "Rosa Quintero"


def test_an_outsider_cannot_edit_my_people(owner, outsider, api_as):
    r = api_as(outsider).patch(f"/api/people/{owner.ids['person']}", {"name": "Taken Over"})
    assert r.status_code == 404
    assert api_as(owner).get(f"/api/people/{owner.ids['person']}").json()["name"] != "Taken Over"


def test_every_writer_leaves_no_drift(owner):
    from goodloop.overview import check
    from tests.web import network

    network.build(owner, n=15)
    assert check.run(owner).total == 0

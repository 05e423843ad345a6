"""Targets keep priorities 1..n whichever face changes them (issue 12 item 3, issue 15 item 4)."""


def _order(api):
    return [(t["organization"], t["priority"]) for t in api.get("/api/targets").json()["items"]]


def _add(api, name, **extra):
    r = api.post("/api/targets", {"organization": name, **extra})
    assert r.status_code == 201, r.content
    return r.json()["id"]


def test_patch_priority_moves_the_target_and_renumbers_the_rest(owner, api_as):
    api = api_as(owner)
    # the fixture's world already holds one target ("Zeta owner0", priority 1)
    lantern = _add(api, "Lantern Robotics")
    tidewater = _add(api, "Tidewater Books")
    assert _order(api) == [("Zeta owner0", 1), ("Lantern Robotics", 2), ("Tidewater Books", 3)]

    r = api.patch(f"/api/targets/{tidewater}", {"priority": 1})
    assert r.status_code == 200 and r.json()["priority"] == 1
    assert _order(api) == [("Tidewater Books", 1), ("Zeta owner0", 2), ("Lantern Robotics", 3)]

    api.patch(f"/api/targets/{tidewater}", {"priority": 99})  # past the end: last
    assert _order(api) == [("Zeta owner0", 1), ("Lantern Robotics", 2), ("Tidewater Books", 3)]
    api.patch(f"/api/targets/{lantern}", {"status": "applied"})  # a status change keeps the order
    assert _order(api) == [("Zeta owner0", 1), ("Lantern Robotics", 2), ("Tidewater Books", 3)]


def test_adding_at_a_taken_priority_pushes_the_others_down(owner, api_as):
    api = api_as(owner)
    _add(api, "Lantern Robotics")
    _add(api, "Quillfeather Press", priority=1)
    assert _order(api) == [("Quillfeather Press", 1), ("Zeta owner0", 2), ("Lantern Robotics", 3)]
    assert api.delete(f"/api/targets/{owner.ids['target']}").status_code == 204
    assert _order(api) == [("Quillfeather Press", 1), ("Lantern Robotics", 2)]


def test_patch_can_clear_why_and_leaves_it_alone_when_not_sent(owner, api_as):
    api = api_as(owner)
    target = owner.ids["target"]
    assert api.get(f"/api/targets/{target}").json()["why"] == "great team"
    assert api.patch(f"/api/targets/{target}", {"status": "networking"}).json()["why"] == "great team"
    r = api.patch(f"/api/targets/{target}", {"why": ""})
    assert r.status_code == 200 and r.json()["why"] == ""
    assert api.get(f"/api/targets/{target}").json()["why"] == ""

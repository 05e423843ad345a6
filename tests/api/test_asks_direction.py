"""/api/asks is my asks only; requests made of me live at /api/requests (issue 12, drift bug 2:
the API listed, showed and PATCHed both together, and PATCH "done" on a request skipped triage)."""

from datetime import date

from goodloop.giving import requests
from goodloop.helploop.models import Ask
from goodloop.network import people

DAY = date(2026, 3, 2)


def _request(owner):
    asker = people.add_person(owner, "Rui Requester", org="Gamma Works")
    return requests.record(owner, asker, "Could you look over my cover letter for a design role?", DAY).ask


def test_a_request_made_of_me_is_not_one_of_my_asks(owner, api_as):
    api = api_as(owner)
    request = _request(owner)
    listed = api.get("/api/asks", limit=100).json()
    assert request.id not in {a["id"] for a in listed["items"]}
    assert {a["direction"] for a in listed["items"]} == {"made"}
    assert api.get(f"/api/asks/{request.id}").status_code == 404


def test_patch_done_on_a_request_does_not_skip_triage(owner, api_as):
    api = api_as(owner)
    request = _request(owner)
    response = api.patch(f"/api/asks/{request.id}", {"status": "done"})
    assert response.status_code == 404
    assert "request" in response.json()["detail"]
    request.refresh_from_db()
    assert request.status == "sent" and request.triage is None  # untouched: triage it on the giving side
    assert api.delete(f"/api/asks/{request.id}").status_code == 404
    assert Ask.objects.filter(id=request.id).exists()


def test_requests_have_their_own_endpoint(owner, api_as):
    api = api_as(owner)
    request = _request(owner)
    listed = api.get("/api/requests").json()
    # This request and the one every test world holds; none of my own asks.
    assert {r["id"] for r in listed["items"]} == {request.id, owner.ids["request"]}
    shown = api.get(f"/api/requests/{request.id}").json()
    assert shown["person"]["name"] == "Rui Requester" and shown["direction"] == "received"
    mine = owner.ids["ask"]
    assert api.get(f"/api/requests/{mine}").status_code == 404


def test_my_ask_shows_why_it_closed(owner, api_as):
    # The world's favor from Ana (advice, after her ask) answered it.
    shown = api_as(owner).get(f"/api/asks/{owner.ids['ask']}").json()
    assert shown["status"] == "answered" and shown["closed_on"] == DAY.isoformat()
    assert shown["closed_reason"].endswith("helped: advice")


def test_today_items_have_keys_and_can_be_done_or_put_off(owner, api_as):
    api = api_as(owner)
    items = api.get("/api/today", date="2026-03-02").json()["items"]
    assert items and all(i["key"] for i in items)
    first = items[0]["key"]
    put_off = api.post("/api/today/snooze", {"key": first, "days": 3, "date": "2026-03-02"})
    assert put_off.status_code == 200 and "2026-03-05" in put_off.json()["message"]
    assert first not in {i["key"] for i in api.get("/api/today", date="2026-03-02").json()["items"]}
    second = api.get("/api/today", date="2026-03-02").json()["items"][0]["key"]
    assert api.post("/api/today/done", {"key": second, "date": "2026-03-02"}).status_code == 200
    assert second not in {i["key"] for i in api.get("/api/today", date="2026-03-02").json()["items"]}
    bad = api.post("/api/today/done", {"key": "nope:1"})
    assert bad.status_code in (400, 422) and "not an agenda item key" in bad.content.decode()

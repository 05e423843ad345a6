"""The API document is valid OpenAPI and the API keeps the conventions clients rely on (issue 16,
item 5): unique schema names, unknown body fields refused by name, JSON for every error under /api/,
Location on 201, lead contributors readable."""

import importlib
import json
import pkgutil
from collections import Counter

from ninja import Schema
from openapi_spec_validator import validate

import goodloop.api
from goodloop.network.models import Person


def test_the_openapi_document_is_valid(client, owner, api_as):
    response = api_as(owner).get("/api/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    validate(doc)  # raises on any error
    assert doc["components"]["securitySchemes"]["BearerToken"] == {
        "type": "http", "scheme": "bearer", "bearerFormat": "goodloop API token"}


def test_every_schema_class_has_its_own_name():
    """ninja names a component by its class name: two classes of one name silently share one schema
    (a generated client then read a favor's loops with a lead's fields and crashed)."""
    names = []
    for info in pkgutil.iter_modules(goodloop.api.__path__):
        module = importlib.import_module(f"goodloop.api.{info.name}")
        names += [obj.__name__ for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, Schema) and obj.__module__ == module.__name__]
    assert names and [n for n, k in Counter(names).items() if k > 1] == []


def test_unknown_body_fields_are_a_422_naming_them(owner, api_as):
    api = api_as(owner)
    before = Person.objects.filter(account=owner).count()
    r = api.post("/api/people", {"name": "Ada Lovelace", "emial": "ada@example.com", "tier": "close"})
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["emial"]
    assert Person.objects.filter(account=owner).count() == before  # nothing saved
    r = api.patch(f"/api/people/{owner.ids['person']}", {"titel": "CTO"})
    assert r.status_code == 422 and [e["field"] for e in r.json()["errors"]] == ["titel"]


def test_every_error_under_api_is_json(owner, api_as):
    api = api_as(owner)
    for response, status in ((api.get("/api/no-such-thing"), 404), (api.get("/api/people/1/extra/x"), 404),
                             (api.delete("/api/today"), 405), (api.client.put("/api/people",
                                                                             **api.headers), 405)):
        assert response.status_code == status
        assert response["Content-Type"].startswith("application/json")
        body = response.json()
        assert body["detail"] and body["errors"] == []
    assert "GET" in api.delete("/api/today")["Allow"]


def test_a_created_resource_says_where_it_lives(owner, api_as):
    api = api_as(owner)
    r = api.post("/api/people", {"name": "Grace Hopper", "email": "grace@navy.example"})
    assert r.status_code == 201
    location = r["Location"]
    assert location == f"http://testserver/api/people/{r.json()['id']}"
    assert api.get(location.removeprefix("http://testserver")).json()["name"] == "Grace Hopper"
    r = api.post("/api/leads", {"organization": "Zeta", "title": "PMM", "via": owner.ids["person"]})
    assert r.status_code == 201 and r["Location"].endswith(f"/api/leads/{r.json()['id']}")


def test_lead_contributors_are_readable(owner, api_as):
    api = api_as(owner)
    lead = api.get(f"/api/leads/{owner.ids['lead']}").json()
    person = api.get(f"/api/people/{owner.ids['person']}").json()
    assert lead["contributors"] == [{"id": person["id"], "name": person["name"], "credit": "the lead came through them"}]
    listed = api.get("/api/leads").json()["items"]
    assert any(x["contributors"] == lead["contributors"] for x in listed)
    json.dumps(listed)


def test_every_resource_carries_created_and_updated(owner, api_as):
    api = api_as(owner)
    ids = owner.ids
    for path in (f"/api/people/{ids['other_person']}", f"/api/organizations/{ids['organization']}",
                 f"/api/targets/{ids['target']}", f"/api/interactions/{ids['interaction']}",
                 f"/api/asks/{ids['ask']}", f"/api/favors/{ids['favor']}", f"/api/loops/{ids['loop']}",
                 f"/api/introductions/{ids['introduction']}", f"/api/leads/{ids['lead']}"):
        body = api.get(path).json()
        assert body["created"] and body["updated"], path
        assert body["created"] <= body["updated"], path
    for collection in ("people", "organizations", "targets", "interactions", "asks", "favors", "loops",
                       "introductions", "leads"):
        item = api.get(f"/api/{collection}").json()["items"][0]
        assert item["created"] and item["updated"], collection
    from datetime import UTC, datetime

    from goodloop.search.models import Lead

    Lead.objects.filter(id=ids["lead"]).update(updated=datetime(2026, 1, 1, tzinfo=UTC))  # an old change
    before = api.get(f"/api/leads/{ids['lead']}").json()
    after = api.patch(f"/api/leads/{ids['lead']}", {"stage": "applied"}).json()
    assert after["created"] == before["created"] and after["updated"] > before["updated"]


def test_today_with_a_date_out_of_range_is_a_422(owner, api_as):
    r = api_as(owner).get("/api/today", date="0001-01-01")  # was a 500 (OverflowError), found by the seeded run
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "date"

"""Isolation: every API route with an id, read or write, answers 404 for another account's
object — the same as for a missing one, with no data — and changes nothing."""

import pytest

# (method, path template, kind of object, body for writes) — every id route of the API.
MATRIX = [
    ("get", "/api/people/{id}", "person", None),
    ("patch", "/api/people/{id}", "person", {"notes": "pwned"}),
    ("delete", "/api/people/{id}", "person", None),
    ("get", "/api/organizations/{id}", "organization", None),
    ("get", "/api/targets/{id}", "target", None),
    ("patch", "/api/targets/{id}", "target", {"priority": 3}),
    ("delete", "/api/targets/{id}", "target", None),
    ("get", "/api/interactions/{id}", "interaction", None),
    ("get", "/api/asks/{id}", "ask", None),
    ("patch", "/api/asks/{id}", "ask", {"status": "answered"}),
    ("delete", "/api/asks/{id}", "ask", None),
    ("get", "/api/requests/{id}", "request", None),
    ("get", "/api/favors/{id}", "favor", None),
    ("patch", "/api/favors/{id}", "favor", {"note": "pwned"}),
    ("delete", "/api/favors/{id}", "favor", None),
    ("get", "/api/loops/{id}", "loop", None),
    ("patch", "/api/loops/{id}", "loop", {"status": "done"}),
    ("get", "/api/introductions/{id}", "introduction", None),
    ("patch", "/api/introductions/{id}", "introduction", {"status": "made"}),
    ("get", "/api/leads/{id}", "lead", None),
    ("patch", "/api/leads/{id}", "lead", {"stage": "applied"}),
    ("delete", "/api/leads/{id}", "lead", None),
    ("delete", "/api/tokens/{id}", "token", None),
]


def _ids(account):
    from goodloop.accounts.models import ApiToken

    return {**account.ids, "token": ApiToken.objects.filter(account=account).values_list("id", flat=True)[0]}


def _call(api, method, url, body):
    if method in ("get", "delete"):
        return getattr(api, method)(url)
    return getattr(api, method)(url, body)


def test_the_matrix_covers_every_id_route_in_the_openapi_document(client, owner):
    from tests.api.conftest import Api

    doc = Api(owner.token).get("/api/openapi.json").json()
    routes = {(m, p.replace("{" + p.split("{")[1].split("}")[0] + "}", "{id}"))
              for p, ops in doc["paths"].items() if "{" in p for m in ops}
    assert routes == {(m, p) for m, p, _, _ in MATRIX}


@pytest.mark.parametrize("method,template,kind,body", MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX])
def test_outsider_gets_404_for_the_owners_object(owner, outsider, api_as, method, template, kind, body):
    from goodloop.network import people
    from goodloop.overview import person_detail

    before = person_detail.detail(owner, people.resolve(owner, str(owner.ids["person"])))
    url = template.format(id=_ids(owner)[kind])
    response = _call(api_as(outsider), method, url, body)
    assert response.status_code == 404, response.content
    text = response.content.decode()
    assert "Ana owner" not in text and "owner@" not in text
    missing = _call(api_as(outsider), method, template.format(id=987654321), body)
    assert missing.status_code == 404
    assert set(missing.json()) == set(response.json())  # same shape: no existence leak
    # ...and nothing of the owner's changed.
    assert person_detail.detail(owner, people.resolve(owner, str(owner.ids["person"]))) == before
    assert _call(api_as(owner), "get", url, None).status_code in (200, 405)


@pytest.mark.parametrize("method,template,kind,body", MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX])
def test_owner_reaches_their_own_object(owner, outsider, api_as, method, template, kind, body):
    response = _call(api_as(owner), method, template.format(id=_ids(owner)[kind]), body)
    assert response.status_code in (200, 204), response.content


LISTS = ["/api/people", "/api/organizations", "/api/targets", "/api/interactions", "/api/asks", "/api/favors",
         "/api/loops", "/api/introductions", "/api/leads", "/api/today", "/api/tokens"]


@pytest.mark.parametrize("url", LISTS)
def test_lists_show_only_the_callers_own_rows(owner, outsider, api_as, url):
    response = api_as(outsider).get(url, date="2026-03-02")
    assert response.status_code == 200
    text = response.content.decode()
    assert "owner" not in text.lower()
    assert "outsider" in text.lower() or url in ("/api/today", "/api/loops", "/api/favors", "/api/asks",
                                                 "/api/leads", "/api/introductions", "/api/interactions")


@pytest.mark.parametrize("url,field", [
    ("/api/interactions?person={person}", None),
    ("/api/asks?person={person}", None),
    ("/api/favors?person={person}", None),
])
def test_filters_on_another_accounts_person_find_nothing(owner, outsider, api_as, url, field):
    response = api_as(outsider).get(url.format(person=owner.ids["person"]))
    assert response.status_code == 200 and response.json()["count"] == 0


@pytest.mark.parametrize("url,body", [
    ("/api/asks", {"person": "{person}", "text": "Do you know anyone in marketing at Acme?"}),
    ("/api/favors", {"person": "{person}", "direction": "received", "kind": "advice"}),
    ("/api/favors", {"person": "{own}", "direction": "received", "kind": "advice", "ask": "{ask}"}),
    ("/api/favors", {"person": "{own}", "direction": "received", "kind": "lead", "lead": "{lead}"}),
    ("/api/interactions", {"people": ["{person}"], "channel": "call"}),
    ("/api/leads", {"organization": "Acme", "title": "PM", "via": "{person}"}),
    ("/api/introductions", {"introducer": "{person}", "introducee": "{own}", "introduced": "{own2}"}),
    ("/api/coach", {"text": "Do you know anyone at Acme?", "person": "{person}"}),
])
def test_writes_naming_another_accounts_objects_are_refused_without_a_leak(owner, outsider, api_as, url, body):
    from goodloop.helploop.models import Ask, Favor

    values = {"person": owner.ids["person"], "ask": owner.ids["ask"], "lead": owner.ids["lead"],
              "own": outsider.ids["person"], "own2": outsider.ids["other_person"]}

    def fill(v):
        if isinstance(v, list):
            return [fill(x) for x in v]
        return values[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v

    counts = (Ask.objects.count(), Favor.objects.count())
    response = api_as(outsider).post(url, {k: fill(v) for k, v in body.items()})
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["field"] in ("person", "people", "ask", "lead", "via", "introducer")
    assert "Ana owner" not in response.content.decode()
    assert (Ask.objects.count(), Favor.objects.count()) == counts

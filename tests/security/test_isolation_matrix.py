"""The isolation matrix: every web URL pattern and every API route that names an object is
asked, by the owner of one account, for the object of ANOTHER account — with GET and POST
(and PATCH and DELETE on the API). The answer must be 404, exactly as for a missing object:
not 403, not 200, no redirect, not a word of the other account's data in the body, and not
one row of the other account changed. Patterns and routes are discovered (the resolver and
the OpenAPI document), so a new page with an id is checked the day it lands — or fails here
until the registry below says what kind of object its id names.

Runs in server mode (two accounts with logins, the owner signed in) and in local mode (the
local account against a second account), on SQLite and PostgreSQL.
"""

import pytest
from django.test import Client

from tests.security.conftest import (
    PASSWORD,
    api_operations,
    build_world,
    fill,
    route_params,
    snapshot,
    web_patterns,
)

SECRET = "Zanzibar"  # every name and text of the other account carries it
MISSING = 987654321

# What kind of object each web URL parameter names: (URL name, parameter) -> kind, a key of
# build_world(). A new pattern with an id must be added here (the test fails until it is).
WEB_OBJECT_KIND = {
    ("person", "pk"): "person",
    ("person_edit", "pk"): "person",
    ("person_rhythm", "pk"): "person",
    ("person_trust", "pk"): "person",
    ("person_needs", "pk"): "person",
    ("person_log", "pk"): "log_person",
    ("person_delete", "pk"): "spare_person",
    ("person_delete_undo", "pk"): "deleted_person",
    ("organization", "pk"): "organization",
    ("organization-paths", "pk"): "organization",
    ("ask_status", "pk"): "ask",
    ("loop_close", "pk"): "loop",
    ("merge_undo", "pk"): "merge",
    ("duplicates_undo", "pk"): "merge",
    ("target", "pk"): "target",
    ("target-move", "pk"): "target",
    ("target-edit", "pk"): "target",
    ("target-paths", "pk"): "target",
    ("introduction-status", "pk"): "introduction",
    ("lead-move", "pk"): "lead",
    ("import_job", "pk"): "import_job",
    ("import_progress", "pk"): "import_job",
    ("import_retry", "pk"): "import_job",
    ("token_revoke", "pk"): "token",
    # the giver's pages
    ("giving_triage", "pk"): "request",
    ("giving_preview", "pk"): "request",
    ("giving_promise_done", "pk"): "promise",
    ("giving_closure", "pk"): "request",
    ("transition_landed", "pk"): "seeker",
    ("person_giving", "pk"): "person",
}

# Parameters that name no object of an account: the values to try for each.
WEB_NOT_OBJECTS = {
    ("brief-download", "fmt"): ["md", "html", "pdf"],
    ("export", "fmt"): ["vcard", "csv", "json", "ics"],
    ("calendar_feed", "token"): ["no-such-token"],  # the token is the credential: any other is a 404
    ("password_reset_confirm", "uidb64"): ["MQ"],
    ("password_reset_confirm", "token"): ["set-password"],
}

# What kind of object each API path parameter names.
API_OBJECT_KIND = {
    "person_id": "person",
    "org_id": "organization",
    "target_id": "target",
    "interaction_id": "interaction",
    "ask_id": "ask",
    "favor_id": "favor",
    "loop_id": "loop",
    "intro_id": "introduction",
    "lead_id": "lead",
    "token_id": "token",
    "request_id": "request",
}

# A form body that would pass most forms ("{pk}" in a key is the id in the URL, for prefixed forms), so an unscoped write would really happen (and be caught).
POST_BODY = {"note": "pwned", "need": "pwned need", "tier": "close", "cadence_days": "30", "trust_stage": "advocate",
             "why": "pwned", "priority": "1", "direction": "down", "position": "1", "action": "done",
             "kind": "thanked", "next": "/", "unit": "minutes", "amount": "5"}
POST_BODY_FOR = {"ask": {"status": "answered"}, "introduction": {"status": "made"},
                 "target": {"status": "networking", "t{pk}-status": "networking", "t{pk}-why": "pwned"},
                 "lead": {"stage": "applied"},
                 "request": {"action": "decline"}, "person": {"name": "Pwned Name"},
                 "log_person": {"channel": "email", "direction": "outbound", "summary": "pwned"}}


# --------------------------------------------------------------------------- the two worlds


def _accounts(mode: str):
    """(owner, other, client acting for the owner) for a mode."""
    from goodloop.accounts import account as accounts

    if mode == "server":
        owner = accounts.create_account("owner@example.org", PASSWORD)
        client = Client()
        client.force_login(owner.user)
    else:
        owner = accounts.local_account()
        client = Client()
    other = accounts.create_account("other@example.org", PASSWORD)
    return owner, other, client


@pytest.fixture(params=["server", "local"])
def world(request, db, settings):
    from django.core.cache import cache

    settings.GOODLOOP_SERVER_MODE = request.param == "server"
    cache.clear()
    owner, other, client = _accounts(request.param)
    owner.ids = build_world(owner, "Owned")
    other.ids = build_world(other, SECRET)
    from goodloop.accounts import tokens

    owner.token = tokens.create(owner, "matrix")[1]
    yield request.param, owner, other, client
    cache.clear()


def _request(client, method: str, url: str, data=None, **headers):
    call = getattr(client, method.lower())
    try:
        if method in ("GET", "DELETE"):
            return call(url, **headers), None
        if data is None:
            return call(url, **headers), None
        if isinstance(data, dict) and headers.pop("json", False):
            return call(url, data, content_type="application/json", **headers), None
        return call(url, data, **headers), None
    except Exception as exc:  # a 500 in the test client: report it with the others
        return None, f"{method} {url}: raised {type(exc).__name__}: {exc}"


def _check(failures, what, response, error, other=None, before=None, expect=(404,)):
    """The answer is one of `expect`, shows nothing of the other account and (when `before` is given)
    changed none of its rows."""
    if error:
        failures.append(f"{what}: {error}")
        return
    if response is None:  # only the rows
        if before is not None and snapshot(other) != before:
            failures.append(f"{what}: the other account's rows changed")
        return
    body = response.content.decode("utf-8", "replace")
    if response.status_code not in expect:
        failures.append(f"{what}: status {response.status_code}, want {' or '.join(map(str, expect))}")
    if SECRET in body or "other@example.org" in body:
        failures.append(f"{what}: the body shows the other account's data")
    if before is not None and snapshot(other) != before:
        failures.append(f"{what}: the other account's rows changed")


# --------------------------------------------------------------------------- web


def _web_object_patterns():
    """(route, name, {param: kind or values}) for every web pattern; unknown ids fail the test."""
    unknown, out = [], []
    for route, name, _ in web_patterns():
        params = {}
        for converter, param in route_params(route):
            if (name, param) in WEB_OBJECT_KIND:
                params[param] = WEB_OBJECT_KIND[(name, param)]
            elif (name, param) in WEB_NOT_OBJECTS:
                params[param] = WEB_NOT_OBJECTS[(name, param)]
            else:
                unknown.append(f"{route} (name {name!r}, parameter {param!r}, {converter})")
        out.append((route, name, params))
    assert not unknown, (
        "New URL pattern(s) with a parameter the isolation matrix does not know. Add each to WEB_OBJECT_KIND "
        "(the kind of object its id names, a key of build_world()) or to WEB_NOT_OBJECTS in "
        "tests/security/test_isolation_matrix.py:\n  " + "\n  ".join(unknown))
    return out


def test_every_web_pattern_with_an_id_is_404_for_another_accounts_object(world):
    mode, owner, other, client = world
    failures, checked = [], []
    for route, name, params in _web_object_patterns():
        kinds = {p: k for p, k in params.items() if isinstance(k, str)}
        if not kinds:
            continue
        fixed = {p: v[0] for p, v in params.items() if not isinstance(v, str)}
        template = {**POST_BODY, **POST_BODY_FOR.get(next(iter(kinds.values())), {})}

        def body_for(values, template=template, first=next(iter(kinds))):
            return {k.replace("{pk}", str(values[first])): v for k, v in template.items()}

        checked.append(route)
        before = snapshot(other)
        for method in ("GET", "POST"):
            for extra in ({}, {"HTTP_HX_REQUEST": "true"}) if method == "GET" else ({},):
                expect = (404,)
                for label, ids in (("missing", None), ("other's", other.ids)):
                    values = {**fixed, **{p: (ids[k] if ids else MISSING) for p, k in kinds.items()}}
                    url = fill(route, values)
                    response, error = _request(client, method, url, body_for(values) if method == "POST" else None,
                                               **extra)
                    if label == "missing" and response is not None and response.status_code == 405:
                        expect = (405,)  # the method is not served at all: the same answer, whatever the id
                    _check(failures, f"[{mode}] {method} {url} ({name}, {label} {'/'.join(kinds.values())}"
                                     f"{', htmx' if extra else ''})", response, error, expect=expect)
        _check(failures, f"[{mode}] {route} ({name}), GET and POST", None, None, other, before)
        # The registry is right: the owner's own object of that kind is found (not a 404), and the
        # body is one the view accepts (not a 400), so an unscoped write would have been caught above.
        values = {p: owner.ids[k] for p, k in kinds.items()}
        own = fill(route, {**fixed, **values})
        for method in ("GET", "POST"):
            response, error = _request(client, method, own, body_for(values) if method == "POST" else None)
            if error or response.status_code in (400, 404):
                failures.append(f"[{mode}] {method} {own} ({name}): the owner's own {'/'.join(kinds.values())} "
                                f"answers {error or response.status_code} — is WEB_OBJECT_KIND / POST_BODY right?")
    assert len(checked) >= 15, checked
    assert not failures, f"{len(failures)} isolation failure(s):\n" + "\n".join(failures)


def test_every_web_page_without_an_id_shows_nothing_of_another_account(world):
    """Lists, searches, exports, the brief, the agenda: the other account's data never appears."""
    mode, owner, other, client = world
    failures, checked, before = [], 0, snapshot(other)
    for route, name, params in _web_object_patterns():
        if any(isinstance(k, str) for k in params.values()) or route.startswith("/accounts/"):
            continue
        choices = [{}]
        for p, values in params.items():
            choices = [{**c, p: v} for c in choices for v in values]
        for values in choices:
            for query in ("", "?q=anzib"):  # matches the secret, never echoes it
                url = fill(route, values) + query
                response, error = _request(client, "GET", url)
                checked += 1
                _check(failures, f"[{mode}] GET {url} ({name})", response, error, expect=(200, 302, 400, 404, 405))
    _check(failures, f"[{mode}] every page without an id", None, None, other, before)
    assert checked >= 40
    assert not failures, f"{len(failures)} leak(s):\n" + "\n".join(failures)


# --------------------------------------------------------------------------- API


def _sample(schema: dict, doc: dict):
    """A small valid value for a JSON schema (refs resolved against the OpenAPI document)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _sample(doc["components"]["schemas"][name], doc)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return _sample(options[0], doc) if options else None
    if "enum" in schema:
        return schema["enum"][-1]
    if "default" in schema and schema["default"] not in (None, ""):
        return schema["default"]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _sample(v, doc) for k, v in props.items()}
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    if schema.get("format") == "date":
        return "2026-03-01"
    return "pwned"


def _api_body(op: dict, doc: dict):
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return None
    body = _sample(content["schema"], doc)
    # A write that names no other object, so it would succeed if the route were not scoped.
    return {k: v for k, v in body.items() if not (isinstance(v, int) and not isinstance(v, bool))
            and k not in ("person", "people", "introducer", "introducee", "introduced", "via", "to")}


def _api_id_routes():
    from tests.security.conftest import openapi_document

    doc = openapi_document()
    unknown, out = [], []
    for method, path, op in api_operations():
        params = [p["name"] for p in op.get("parameters", []) if p.get("in") == "path"]
        if not params:
            continue
        missing = [p for p in params if p not in API_OBJECT_KIND]
        if missing:
            unknown.append(f"{method} {path}: {', '.join(missing)}")
            continue
        out.append((method, path, {p: API_OBJECT_KIND[p] for p in params}, _api_body(op, doc)))
    assert not unknown, ("New API route(s) with a path parameter the isolation matrix does not know: add each "
                         "to API_OBJECT_KIND in tests/security/test_isolation_matrix.py:\n  " + "\n  ".join(unknown))
    return out


def test_every_api_route_with_an_id_is_404_for_another_accounts_object(world):
    mode, owner, other, client = world
    routes = _api_id_routes()
    declared = {(m, p) for m, p, _, _ in routes}
    paths = {p: kinds for _, p, kinds, _ in routes}
    bodies = {(m, p): b for m, p, _, b in routes}
    failures = []
    auths = {"token": {"HTTP_AUTHORIZATION": f"Bearer {owner.token}"},
             "session" if mode == "server" else "local": {}}
    for path, kinds in paths.items():
        before = snapshot(other)
        for method in ("GET", "POST", "PATCH", "DELETE"):
            expect = (404,) if (method, path) in declared else (404, 405)
            body = bodies.get((method, path)) or {}
            for auth, headers in auths.items():
                for label, ids in (("other's", other.ids), ("missing", None)):
                    url = path
                    for p, k in kinds.items():
                        url = url.replace("{" + p + "}", str(ids[k] if ids else MISSING))
                    data = None if method in ("GET", "DELETE") else body
                    response, error = _request(client, method, url, data, json=True, **headers)
                    _check(failures, f"[{mode}, {auth}] {method} {url} ({label} {'/'.join(kinds.values())})",
                           response, error, expect=expect)
                    if response is not None and response.status_code == 404:
                        payload = response.json()
                        if set(payload) != {"detail", "errors"} or payload["errors"]:
                            failures.append(f"[{mode}, {auth}] {method} {url}: 404 body {payload}")
        _check(failures, f"[{mode}] {path}, every method", None, None, other, before)
    # The registry is right: the owner's own object is found.
    for method, path, kinds, _ in routes:
        if method != "GET":
            continue
        url = path
        for p, k in kinds.items():
            url = url.replace("{" + p + "}", str(owner.ids[k]))
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {owner.token}")
        if response.status_code != 200:
            failures.append(f"[{mode}] GET {url}: the owner's own object answers {response.status_code}")
    assert len(declared) >= 15, declared
    assert not failures, f"{len(failures)} isolation failure(s):\n" + "\n".join(failures)


def test_api_lists_and_filters_show_nothing_of_another_account(world):
    """Every list: never the other account's rows; a filter naming its person finds nothing."""
    mode, owner, other, client = world
    failures, checked = [], 0
    headers = {"HTTP_AUTHORIZATION": f"Bearer {owner.token}"}
    before = snapshot(other)
    for method, path, op in api_operations():
        if method != "GET" or "{" in path:
            continue
        queries = [{}, {"q": "anzib"}]  # matches the secret, never echoes it
        for p in op.get("parameters", []):
            if p["name"] in ("person", "org", "organization"):
                queries.append({p["name"]: other.ids["person" if p["name"] == "person" else "organization"]})
        for query in queries:
            try:
                response, error = client.get(path, query, **headers), None
            except Exception as exc:
                response, error = None, f"raised {type(exc).__name__}: {exc}"
            checked += 1
            _check(failures, f"[{mode}] GET {path} {query}", response, error, expect=(200, 404, 422))
            if response is not None and response.status_code == 200 and query.get("person"):
                data = response.json()
                items = data.get("items", data) if isinstance(data, dict) else data
                if items:
                    failures.append(f"[{mode}] GET {path} {query}: lists {len(items)} item(s)")
    _check(failures, f"[{mode}] every API list", None, None, other, before)
    assert checked >= 12
    assert not failures, f"{len(failures)} leak(s):\n" + "\n".join(failures)

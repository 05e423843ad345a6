"""Issue 17, item 5: no input gets a 5xx.

Every web URL pattern (walked from the resolver) is requested with every hostile value in every
query parameter the pages read, by GET and by POST, with its path ids filled with the account's
own objects and with out-of-range ids; every API operation (walked from the OpenAPI document)
gets the same values in its query, path and body fields. No answer may be a 5xx.
"""

import json
import re
from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.security.conftest import api_operations, body_fields, build_world, fill, route_params, web_patterns
from tests.security.test_isolation_matrix import API_OBJECT_KIND, WEB_NOT_OBJECTS, WEB_OBJECT_KIND

# Unicode digits (isdigit() but not int()), out-of-range numbers and dates, odd text.
HOSTILE = ["²", "٣", "𝟗", "0", "-1", "9" * 25, "1e9", "9999-12-31", "0001-01-01", "2025-02-30", "", " ",
           "\u202e1", "%", "'", "<script>", "a" * 5000, "1,2", "null", "../../etc/passwd", "1\n2", "\x00"]
HUGE_IDS = [0, 2**31, 2**63, 10**30]
# Every query or form parameter a page reads (request.GET / request.POST), and the common filters.
PARAMS = ["date", "q", "ask", "recorded", "request", "loop", "merged", "page", "status", "stage", "show", "since",
          "org", "tag", "tier", "person", "field", "remove", "order", "when", "due", "sort", "kind", "to",
          "limit", "offset", "text", "name", "title", "organization", "url", "next"]


@pytest.fixture
def world(db):
    from goodloop.accounts import account as accounts

    account = accounts.local_account()
    account.ids = build_world(account, "Walk")
    return account


def _check(response, what: str, failures: list) -> int:
    if response.status_code >= 500:
        failures.append(f"{what}: {response.status_code}")
    return 1


def _summary(capsys, what: str, requests: int, failures: list) -> None:
    with capsys.disabled():
        print(f"\n{what} = {requests} requests, {len(failures)} answered 5xx")
    assert failures == [], "\n".join(failures)


def _web_urls(ids) -> list[tuple[str, bool, list[str]]]:
    """Each pattern's URL with the account's own ids, sent every hostile value; then, for each id,
    the URL with that id out of range. The out-of-range URLs share the values among them (value i
    with HUGE_IDS[i % 4]): every value still meets an out-of-range id of every id parameter, and
    every out-of-range id five or six values, by GET and by POST. A view looks its object up before
    it can use a value with it, and what a value does to the view alone the own-ids URL shows; the
    full product (each value with each of the four ids) was half the walk's 8,228 requests.
    True marks the own-ids URL."""
    out = []
    for route, name, _ in web_patterns():
        if route.startswith("accounts/") or route.startswith("/accounts/"):
            continue
        params = route_params(route)
        if not params:
            out.append((route, True, HOSTILE))
            continue
        own = {p: (ids[WEB_OBJECT_KIND[(name, p)]] if (name, p) in WEB_OBJECT_KIND
                   else WEB_NOT_OBJECTS[(name, p)][0]) for _, p in params}
        out.append((fill(route, own), True, HOSTILE))
        for converter, p in params:
            if converter == "int":
                out += [(fill(route, {**own, p: n}), False, HOSTILE[k::len(HUGE_IDS)])
                        for k, n in enumerate(HUGE_IDS)]
    return out


# A form is posted to each pattern's own-ids URL as multipart (the test client's default, and the
# upload form's encoding) and to its out-of-range ids as urlencoded (what the pages' forms and htmx
# send): the same values reach the views through request.POST either way, and both of Django's
# form parsers meet every value. Multipart everywhere cost about a fifth of the walk in parsing alone.
URLENCODED = "application/x-www-form-urlencoded"


def test_every_web_pattern_with_hostile_values_answers_below_500(world, capsys):
    client = Client(raise_request_exception=False)
    urls = _web_urls(world.ids)
    failures, requests = [], 0
    for url, own, values in urls:
        for value in values:
            data = {p: value for p in PARAMS}
            requests += _check(client.get(url, data), f"GET {url} = {value!r}", failures)
            if own:
                response = client.post(url, data)
            else:
                response = client.post(url, urlencode(data), content_type=URLENCODED)
            requests += _check(response, f"POST {url} = {value!r}", failures)
    _summary(capsys, f"hostile web walk: {len(urls)} URLs (from {len(web_patterns())} patterns), {len(HOSTILE)} values"
                     " at each own-ids URL and shared among its out-of-range ids, x GET/POST", requests, failures)


def _api_value(schema: dict, value):
    if schema.get("type") == "array":
        return [value]
    return value


def test_every_api_operation_with_hostile_values_answers_below_500(world, capsys):
    from goodloop.accounts import tokens

    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {tokens.create(world, 'walk')[1]}")
    from tests.security.conftest import openapi_document

    document = openapi_document()
    failures, requests, operations = [], 0, api_operations()
    for method, path, op in operations:
        if method == "DELETE":
            continue  # deletes with hostile ids are the path walk below; real deletes would empty the world
        names = [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
        body = body_fields(op, document)
        for value in HOSTILE:
            own = {p: world.ids[API_OBJECT_KIND[p]] for p in re.findall(r"{(\w+)}", path)}
            for ids in [own, {p: value for p in own} if own else None]:
                if ids is None:
                    continue
                url = re.sub(r"{(\w+)}", lambda m, ids=ids: str(ids[m.group(1)]).replace("/", "%2F") or "x", path)
                query = {n: value for n in names}
                payload = json.dumps({k: _api_value(s, value) for k, s in body.items()})
                if method == "GET":
                    response = client.get(url, query)
                else:
                    response = client.generic(method, url, payload, content_type="application/json")
                requests += _check(response, f"{method} {url} = {value!r}", failures)
        for n in HUGE_IDS:
            if "{" in path:
                url = re.sub(r"{\w+}", str(n), path)
                response = client.generic(method, url, "{}", content_type="application/json")
                requests += _check(response, f"{method} {url}", failures)
    _summary(capsys, f"hostile API walk: {len(operations)} operations x {len(HOSTILE)} values (+ out-of-range ids)",
             requests, failures)

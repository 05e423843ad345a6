"""schemathesis over the OpenAPI document: every operation, fed generated input (valid and
invalid), in-process against the Django app, as an account with data and a bearer token.
No answer may be a server error, and every answer must match the schema the document gives
for it. Bounded: a few examples per operation, no deadline."""


import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from tests.security.conftest import PASSWORD, body_fields, build_world, openapi_document

MAX_EXAMPLES = 15

# NUL characters are sent on both engines: the API refuses them up front (RefuseNulMiddleware, issue 17).
DOCUMENT = openapi_document()
schema = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture
def token_account(db, settings):
    """An account with one of everything, its bearer token, and the app called in-process."""
    from django.core.wsgi import get_wsgi_application

    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens

    settings.ALLOWED_HOSTS = ["*"]
    account = accounts.create_account("fuzz@example.org", PASSWORD)
    account.ids = build_world(account, "Fuzz", full=False)
    account.token = tokens.create(account, "schemathesis")[1]
    # Like Django's test client: the test's transaction must survive each request's end.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    account.app = get_wsgi_application()
    try:
        yield account
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# What an id names, by path parameter and by body field, so the seeded run below reaches real objects.
PATH_KIND = {"person_id": "person", "org_id": "organization", "target_id": "target", "interaction_id": "interaction",
             "ask_id": "ask", "favor_id": "favor", "intro_id": "introduction", "lead_id": "lead", "loop_id": "loop",
             "token_id": "token"}
BODY_KIND = {"person": "person", "via": "person", "introducer": "person", "introducee": "other_person",
             "introduced": "other_person", "ask": "ask", "lead": "lead", "introduction": "introduction"}


def _names_an_id(ctx) -> bool:
    """Whether `seed` below changes this operation's cases: a path id or a body field it fills in.
    For an operation naming none, the two tests below were one test run twice (the same coverage
    cases, each with its own 15 random draws), so only the seeded one runs it."""
    body = body_fields(DOCUMENT["paths"][ctx.operation.path][ctx.operation.method.lower()], DOCUMENT)
    return (any(name in PATH_KIND for name in re.findall(r"{(\w+)}", ctx.operation.path))
            or bool(set(body) & {*BODY_KIND, "people"}))


# CI runs this one on SQLite only (tests/conftest.py); on PostgreSQL the seeded run below stands for
# it. Its random ids name nothing, so every operation with an id answers 404 from an empty lookup;
# an id out of the engine's range, in every path, is the hostile API walk's (run on both); and each
# operation's coverage cases (the schema's bounds, wrong types, missing fields) are the seeded run's
# own. It runs only the operations whose ids the seeded run fills in (_names_an_id); the others, the
# seeded run sends alike.
@pytest.mark.sqlite_pass
@schema.include(_names_an_id).parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case, token_account):
    case.call_and_validate(app=token_account.app, headers={"Authorization": f"Bearer {token_account.token}"},
                           checks=[not_a_server_error, response_schema_conformance])


def seed(case, ids: dict) -> None:
    """Real ids in place of random ones: random ids almost never name an object, so without this a
    successful POST or PATCH (and the response it must match) was hardly ever exercised."""
    for name in list(case.path_parameters or {}):
        if name in PATH_KIND:
            case.path_parameters[name] = ids[PATH_KIND[name]]
    if isinstance(case.body, dict):
        for key, kind in BODY_KIND.items():
            if isinstance(case.body.get(key), int) and not isinstance(case.body[key], bool):
                case.body[key] = ids[kind]
        if isinstance(case.body.get("people"), list):
            case.body["people"] = [ids["person"]]


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_with_real_ids_conforms_and_never_fails(case, token_account):
    seed(case, token_account.ids)
    case.call_and_validate(app=token_account.app, headers={"Authorization": f"Bearer {token_account.token}"},
                           checks=[not_a_server_error, response_schema_conformance])


def test_the_seeded_run_reaches_real_objects(token_account):
    """The seeding works: a case with real ids gets a success where a random id would get a 404."""
    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_account.token}")
    ids = token_account.ids
    checked = 0
    for name, kind in PATH_KIND.items():
        op = next((o for o in schema.get_all_operations() if f"{{{name}}}" in o.ok().path and o.ok().method == "get"),
                  None)
        if op is None:
            continue
        path = op.ok().path.replace(f"{{{name}}}", str(ids[kind]))
        assert client.get(path).status_code == 200, path
        checked += 1
    assert checked >= 8


def test_every_operation_of_the_document_is_fuzzed():
    operations = [op for op in schema.get_all_operations()]
    assert len(operations) >= 35, len(operations)


def test_the_random_id_run_leaves_out_only_operations_seeding_does_not_change():
    named = {op.ok().label for op in schema.include(_names_an_id).get_all_operations()}
    assert {"GET /api/people/{person_id}", "POST /api/asks", "POST /api/introductions", "DELETE /api/tokens/{token_id}"} <= named
    # no id, or an id seed() does not fill in: the seeded run sends these exactly as the other would
    assert not named & {"GET /api/people", "POST /api/people", "GET /api/today", "GET /api/requests/{request_id}"}
    assert len(named) >= 25, len(named)

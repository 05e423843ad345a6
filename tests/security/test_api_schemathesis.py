"""schemathesis over the OpenAPI document: every operation, fed generated input (valid and
invalid), in-process against the Django app, as an account with data and a bearer token.
No answer may be a server error, and every answer must match the schema the document gives
for it. Bounded: a few examples per operation, no deadline."""


import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from tests.security.conftest import PASSWORD, build_world, openapi_document

MAX_EXAMPLES = 15

# NUL characters are sent on both engines: the API refuses them up front (RefuseNulMiddleware, issue 17).
schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.fixture
def token_account(db, settings):
    """An account with one of everything, its bearer token, and the app called in-process."""
    from django.core.wsgi import get_wsgi_application

    from goodloop.services import accounts, tokens

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


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case, token_account):
    case.call_and_validate(app=token_account.app, headers={"Authorization": f"Bearer {token_account.token}"},
                           checks=[not_a_server_error, response_schema_conformance])


def test_every_operation_of_the_document_is_fuzzed():
    operations = [op for op in schema.get_all_operations()]
    assert len(operations) >= 35, len(operations)

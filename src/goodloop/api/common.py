"""What every API router shares: authentication, pagination, error mapping, references.

Authentication: `Authorization: Bearer TOKEN` always works (tokens.authenticate); without
a token, the request's own account is used — the local account in local mode (same-origin
web use, CSRF-checked for writes) or the logged-in user's in server mode.

Errors: every 4xx body is `{"detail": "...", "errors": [{"field": ..., "message": ...}]}`.
Bad input is 422 with the field at fault; another account's object is 404, exactly like a
missing one (never 403, never its data).
"""

import datetime as dt
from datetime import datetime
from typing import Annotated

from django.conf import settings
from django.http import Http404
from ninja import Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf
from pydantic import BeforeValidator, ConfigDict, create_model

from goodloop.accounts import tokens
from goodloop.core.input_bounds import parse_day
from goodloop.errors import Ambiguous, NotFound, ServiceError
from goodloop.network import organizations


def _day(value):
    """A date as YYYY-MM-DD within the shared bounds; `0` or a timestamp is not a date."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError("not a date: use YYYY-MM-DD")
    return parse_day(value)


# Every date an operation takes, in a body or a query (OpenAPI still says string/date).
Day = Annotated[dt.date, BeforeValidator(_day)]

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class BearerToken(HttpBearer):
    """`Authorization: Bearer TOKEN`: the token's account, or 401."""

    openapi_bearerFormat = "goodloop API token"  # every openapi_* attribute lands in the scheme

    def authenticate(self, request, token):
        account = tokens.authenticate(token)
        request.by_token = account is not None  # some operations need a login (see api/tokens.py)
        return account


class AccountSession(APIKeyCookie):
    """The request's own account (set by AccountMiddleware) when no token is sent."""

    param_name = settings.SESSION_COOKIE_NAME
    openapi_name = "session"

    def __init__(self):
        super().__init__(csrf=True)
        self.openapi_name = "session"

    def __call__(self, request):
        if request.headers.get("Authorization"):
            return None  # a token was sent: it alone decides (a bad token is a 401, not a fallback)
        account = getattr(request, "account", None)
        if account is None:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request):
            raise HttpError(403, "CSRF check failed: send a token, or the csrftoken cookie and X-CSRFToken header")
        return account

    def authenticate(self, request, key):  # pragma: no cover - __call__ decides
        return getattr(request, "account", None)


AUTH = [BearerToken(), AccountSession()]


class In(Schema):
    """A request body: a field it does not know is a 422 naming it (a misspelt `emial` must not
    create a person without the email)."""

    model_config = ConfigDict(extra="forbid")


class PersonRef(Schema):
    id: int
    name: str


class Stamped(Schema):
    """When a resource was created and last saved (rows older than the columns carry the time of the
    migration that added them). A change made by a bulk update does not move `updated`."""

    created: datetime | None = None
    updated: datetime | None = None


def stamps(obj) -> dict:
    return {"created": getattr(obj, "created", None), "updated": getattr(obj, "updated", None)}


def stamped(serialize):
    """`serialize` (a model to a dict) with the model's created/updated added."""
    return lambda obj: {**serialize(obj), **stamps(obj)}


class ErrorItem(Schema):
    field: str | None = None
    message: str


class Error(Schema):
    detail: str
    errors: list[ErrorItem] = []


ERRORS = {400: Error, 401: Error, 404: Error, 422: Error}


def page_of(item):
    """The response schema of a paginated list of `item`."""
    return create_model(f"{item.__name__}Page", __base__=Schema, count=(int, ...), limit=(int, ...),
                        offset=(int, ...), items=(list[item], ...))


def paginate(qs, limit: int, offset: int, serialize) -> dict:
    """One COUNT and one page query (plus the caller's fixed prefetches), whatever the size."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), MAX_OFFSET))
    count = qs.count()
    items = [serialize(x) for x in qs[offset:offset + limit]] if offset < count else []
    return {"count": count, "limit": limit, "offset": offset, "items": items}


def paginate_list(rows: list, limit: int, offset: int) -> dict:
    return {"count": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}


# `?org=` on a list: any unambiguous part of an organization's name (none or several: a 422 on org).
ORG_FILTER = Query(None, max_length=300, description="An organization: any unambiguous part of its name")


def org_filter(account, name: str | None) -> int | None:
    """The id of the organization a list's `org` names, or None without one."""
    return organizations.for_filter(account, name).id if name else None


def ref(lookup, account, obj_id, field: str):
    """A related object named in a body: another account's or a missing one is a 422 on
    `field` with the same message either way (no existence leak)."""
    try:
        return lookup(account, obj_id)
    except NotFound as exc:
        raise ServiceError(exc.message, field=field) from None


def _field_of(loc) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie", "form"):
        where, parts = parts[0], parts[1:]
        if where == "body" and parts and parts[0] == "payload":
            parts = parts[1:]
    return ".".join(parts) or "body"


def _response(api, request, status: int, detail: str, errors: list[dict]):
    return api.create_response(request, {"detail": detail, "errors": errors}, status=status)


def install_error_handlers(api) -> None:
    from django.db import DataError

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = [{"field": _field_of(e.get("loc", ())), "message": e.get("msg", "invalid")} for e in exc.errors]
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5]) or "invalid input"
        return _response(api, request, 422, detail, errors)

    @api.exception_handler(NotFound)
    def not_found(request, exc):
        if exc.field:
            return _response(api, request, 422, exc.message, [{"field": exc.field, "message": exc.message}])
        return _response(api, request, 404, exc.message, [])

    @api.exception_handler(Ambiguous)
    def ambiguous(request, exc):
        return _response(api, request, 422, exc.message, [{"field": exc.field or "person", "message": exc.message}])

    @api.exception_handler(ServiceError)
    def service_error(request, exc):
        if exc.field:
            return _response(api, request, 422, exc.message, [{"field": exc.field, "message": exc.message}])
        return _response(api, request, 400, exc.message, [])

    @api.exception_handler(DataError)
    def data_error(request, exc):
        # The database refused a value the schema let through (PostgreSQL stores no NUL
        # character, for one): the client's input is at fault, so 422, never a 500.
        message = "a value cannot be stored (for example it contains a NUL character or is too long)"
        return _response(api, request, 422, message, [{"field": "body", "message": message}])

    @api.exception_handler(Http404)
    def http404(request, exc):
        return _response(api, request, 404, "not found", [])

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = _response(api, request, 401, "authentication required: send Authorization: Bearer TOKEN", [])
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return _response(api, request, exc.status_code, str(exc), [])

"""Every request knows its account; in local mode that is the one local account."""

import json

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse

from goodloop.accounts import account as accounts


class AccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.account = accounts.account_for_request(request)
        return self.get_response(request)


class RefuseNulMiddleware:
    """A NUL character in a query string, a form or a JSON body is refused up front, with a reason
    (issue 17). PostgreSQL stores no NUL and SQLite would: refusing it here gives both engines the same
    answer, and no lookup (a live coach reading a half-typed person, say) ever sends one to the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = _nul_in(request)
        if where is None:
            return self.get_response(request)
        message = f"{where} contains a NUL character, which cannot be stored"
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message, "errors": [{"field": where, "message": message}]}, status=422)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _nul_in(request) -> str | None:
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in v for v in values):
            return key.replace("\x00", "") or "query"
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                              "multipart/form-data"):
        for key, values in request.POST.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                return key.replace("\x00", "") or "form"
    if request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/json":
        body = request.body
        if b"\\u0000" in body or b"\x00" in body:
            try:
                return _nul_field(json.loads(body)) or None
            except ValueError:  # bad JSON: the API says so itself
                return None
    return None


def _nul_field(value, path: str = "body") -> str:
    if isinstance(value, str):
        return path if "\x00" in value else ""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _nul_field(item, str(key) if path == "body" else f"{path}.{key}")
        if found or (isinstance(key, str) and "\x00" in key):
            return found or path
    return ""


class PermissionsPolicyMiddleware:
    """Every response says which browser features (camera, microphone, location ...) no page may use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

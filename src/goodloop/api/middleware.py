"""Under /api/, every answer is JSON and every created resource says where it lives.

- An error Django or ninja answered outside our handlers (a path no route has: 404; a method a route
  lacks: 405; anything else) gets the API's error body `{"detail": ..., "errors": []}` instead of an
  HTML page a client cannot read.
- A 201 whose body carries an `id` gets `Location: <collection>/<id>` when that path is a route.
"""

import json
from http import HTTPStatus

from django.http import JsonResponse
from django.urls import Resolver404, resolve

PREFIX = "/api/"


class ApiResponsesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(PREFIX):
            return response
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith("application/json"):
            return _json_error(response)
        if response.status_code == 201 and request.method == "POST" and not response.has_header("Location"):
            _locate(request, response)
        return response


def _json_error(response):
    status = response.status_code
    try:
        phrase = HTTPStatus(status).phrase.lower()
    except ValueError:
        phrase = "error"
    detail = {404: "no such API path (see /api/docs)",
              405: f"method not allowed here; allowed: {response.get('Allow', 'none')}"}.get(status, phrase)
    out = JsonResponse({"detail": detail, "errors": []}, status=status)
    for header in ("Allow", "WWW-Authenticate", "Retry-After"):
        if response.has_header(header):
            out[header] = response[header]
    return out


def _locate(request, response) -> None:
    try:
        body = json.loads(response.content)
    except ValueError:
        return
    if not isinstance(body, dict) or not isinstance(body.get("id"), int) or isinstance(body["id"], bool):
        return
    path = f"{request.path_info.rstrip('/')}/{body['id']}"
    try:
        resolve(path)
    except Resolver404:
        return
    response["Location"] = request.build_absolute_uri(path)

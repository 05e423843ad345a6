"""Server mode: every page and API call needs a login (or a token); Django's login, logout,
CSRF and security headers; the login throttle."""

import re

import pytest
from django.test import Client

from tests.server.conftest import PASSWORD


def _web_paths(patterns=None, prefix="/") -> list[str]:
    """Every web URL pattern (nested includes too), with 1 for each path parameter."""
    from django.urls import URLResolver

    from goodloop.web import urls

    out = []
    for p in urls.urlpatterns if patterns is None else patterns:
        route = prefix + re.sub(r"<[^>]+>", "1", str(p.pattern)).lstrip("^").rstrip("$")
        out += _web_paths(p.url_patterns, route) if isinstance(p, URLResolver) else [route]
    return out


def test_every_page_redirects_to_login_when_signed_out(server, member):
    client = Client()
    paths = _web_paths()
    assert "/" in paths and "/people/" in paths
    # the one exception: a calendar feed, whose secret address is its credential (a wrong one is a 404;
    # tests/web/test_calendar_feed.py and tests/server/test_calendar_feed_http.py)
    paths.remove("/calendar/1.ics")
    for path in paths:
        for method in (client.get, client.post):
            r = method(path)
            assert r.status_code == 302, (method, path)
            assert r["Location"].startswith("/accounts/login/?next="), path


def test_no_local_account_is_created_or_used_in_server_mode(server, db):
    from goodloop.accounts.models import Account

    Client().get("/")
    Client().get("/people/")
    assert not Account.objects.filter(is_local=True).exists()


def test_the_api_needs_a_token_or_a_login(server, member):
    from goodloop.accounts import tokens

    r = Client().get("/api/people")
    assert r.status_code == 401 and r.json()["detail"].startswith("authentication required")
    assert Client().get("/api/openapi.json").status_code == 401
    assert Client().post("/api/people", {"name": "x"}, content_type="application/json").status_code == 401
    _, clear = tokens.create(member)
    r = Client().get("/api/people", HTTP_AUTHORIZATION=f"Bearer {clear}")
    assert r.status_code == 200 and r.json()["items"][0]["name"] == "Mina Member-Contact"
    assert Client().get("/api/people", HTTP_AUTHORIZATION="Bearer gl_wrong").status_code == 401


def test_login_shows_the_users_own_network_then_logout(server, member, stranger):
    client = Client()
    assert client.get("/accounts/login/").status_code == 200
    r = client.post("/accounts/login/", {"username": "member@example.org", "password": PASSWORD})
    assert r.status_code == 302 and r["Location"] == "/"
    page = client.get("/people/").content.decode()
    assert "Mina Member-Contact" in page and "Sol Stranger-Contact" not in page
    api = client.get("/api/people").json()
    assert [p["name"] for p in api["items"]] == ["Mina Member-Contact"]
    r = client.post("/accounts/logout/")
    assert r.status_code == 302 and r["Location"] == "/accounts/login/"
    assert client.get("/people/").status_code == 302


def test_login_with_the_email_in_any_case(server, member):
    r = Client().post("/accounts/login/", {"username": " Member@Example.ORG", "password": PASSWORD})
    assert r.status_code == 302


def test_session_api_writes_need_the_csrf_token(server, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)
    r = client.post("/api/people", {"name": "No Csrf"}, content_type="application/json")
    assert r.status_code == 403
    client.cookies["csrftoken"] = "c" * 32
    r = client.post("/api/people", {"name": "With Csrf"}, content_type="application/json", HTTP_X_CSRFTOKEN="c" * 32)
    assert r.status_code == 201


def test_login_form_is_csrf_protected(server, member):
    r = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "member@example.org",
                                                                   "password": PASSWORD})
    assert r.status_code == 403


def test_a_login_without_an_account_is_told_so(server, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("bare@example.org", "bare@example.org", PASSWORD)
    client = Client()
    client.force_login(user)
    r = client.get("/")
    assert r.status_code == 403 and b"no goodloop account" in r.content


def test_security_headers(server, member):
    r = Client().get("/accounts/login/")
    assert r["X-Frame-Options"] == "DENY"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Referrer-Policy"] == "same-origin"
    assert r["Cross-Origin-Opener-Policy"] == "same-origin"
    client = Client()
    client.post("/accounts/login/", {"username": "member@example.org", "password": PASSWORD})
    assert client.cookies["sessionid"]["httponly"] and client.cookies["sessionid"]["samesite"] == "Lax"


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password_reset/", "/accounts/password_reset/done/",
                                  "/accounts/reset/done/"])
def test_login_and_reset_pages_are_open(server, db, path):
    assert Client().get(path).status_code == 200


def test_local_mode_stays_login_free(db):
    assert Client().get("/").status_code == 200
    assert Client().get("/api/people").status_code == 200

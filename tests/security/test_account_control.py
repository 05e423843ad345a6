"""Accounts an administrator controls (issue 17, item 4): disable and enable, a new password,
removal of every row; a disabled account's tokens, sessions and calendar export stop at once;
a token cannot mint tokens; tokens may expire."""

import io
from datetime import timedelta

import pytest
from django.test import Client

from tests.security.conftest import PASSWORD

EMAIL = "ctl@example.org"


@pytest.fixture
def member(db):
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens
    from goodloop.network import people

    account = accounts.create_account(EMAIL, PASSWORD)
    people.add_person(account, "Ctl Contact", org="Acme", email="contact@acme.example")
    _, account.token = tokens.create(account, "script")
    return account


def _session(account) -> Client:
    client = Client()
    client.force_login(account.user)
    return client


def _bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_disable_stops_tokens_sessions_and_the_calendar_export_at_once_and_enable_restores(server, member, cli):
    from goodloop.transfer import calendar_feed

    feed = calendar_feed.path(calendar_feed.feed_token(member))
    assert Client().get(feed).status_code == 200
    web = _session(member)
    assert web.get("/people/").status_code == 200
    assert web.get("/export/ics/").status_code == 200
    assert Client().get("/api/people", **_bearer(member.token)).status_code == 200

    code, out, err = cli("account", "disable", EMAIL)
    assert code == 0, err
    assert "disabled" in out
    assert Client().get("/api/people", **_bearer(member.token)).status_code == 401  # was 200 on the old code
    assert web.get("/people/").status_code == 302  # the open session: back to the login page
    assert web.get("/export/ics/").status_code == 302
    assert Client().get(feed).status_code == 404  # the calendar feed's address stops too
    assert web.get("/api/people").status_code == 401
    r = Client().post("/accounts/login/", {"username": EMAIL, "password": PASSWORD})
    assert r.status_code == 200 and "_auth_user_id" not in r.client.session

    code, _, err = cli("account", "enable", EMAIL)
    assert code == 0, err
    assert Client().get("/api/people", **_bearer(member.token)).status_code == 200
    assert Client().post("/accounts/login/", {"username": EMAIL, "password": PASSWORD}).status_code == 302


def test_a_token_cannot_mint_tokens_but_a_login_can(server, member):
    from goodloop.accounts.models import ApiToken

    r = Client().post("/api/tokens", {"name": "successor"}, content_type="application/json",
                      **_bearer(member.token))
    assert r.status_code == 403 and "cannot create tokens" in r.json()["detail"]
    assert ApiToken.objects.filter(account=member).count() == 1
    r = _session(member).post("/api/tokens", {"name": "from the web"}, content_type="application/json")
    assert r.status_code == 201 and r.json()["token"].startswith("gl_")
    # listing and revoking with a token still work
    assert Client().get("/api/tokens", **_bearer(member.token)).status_code == 200


def test_a_token_expires(server, member):
    from django.utils import timezone

    from goodloop.accounts import tokens
    from goodloop.accounts.models import ApiToken

    token, clear = tokens.create(member, "short", expires_in_days=1)
    assert Client().get("/api/people", **_bearer(clear)).status_code == 200
    assert tokens.as_dict(token)["expires"] is not None
    ApiToken.objects.filter(id=token.id).update(expires=timezone.now() - timedelta(seconds=1))
    assert Client().get("/api/people", **_bearer(clear)).status_code == 401


def test_expiry_through_the_api_the_web_and_the_cli(server, member, cli):
    from goodloop.accounts.models import ApiToken

    web = _session(member)
    r = web.post("/api/tokens", {"name": "api", "expires_in_days": 30}, content_type="application/json")
    assert r.status_code == 201 and r.json()["expires"]
    assert web.post("/api/tokens", {"expires_in_days": 0}, content_type="application/json").status_code == 422
    r = web.post("/tokens/", {"name": "web", "expires_in_days": "7"})
    assert r.status_code == 200 and ApiToken.objects.get(name="web").expires is not None
    assert web.post("/tokens/", {"name": "bad", "expires_in_days": "-3"}).status_code == 400
    code, _, err = cli("token", "create", "--account", EMAIL, "--name", "cli", "--expires-in", "90")
    assert code == 0, err
    row = ApiToken.objects.get(name="cli")
    assert 89 <= (row.expires - row.created).days <= 90
    code, _, err = cli("token", "create", "--account", EMAIL, "--expires-in", "0")
    assert code == 1 and "1 to 3650 days" in err
    code, out, _ = cli("tokens", "--account", EMAIL)
    assert "expires" in out


def test_set_password_replaces_the_old_one_and_ends_sessions(server, member, cli, monkeypatch):
    web = _session(member)
    monkeypatch.setattr("sys.stdin", io.StringIO("a-brand-new-passphrase-77\n"))
    code, out, err = cli("account", "set-password", EMAIL, "--password-stdin")
    assert code == 0, err
    assert web.get("/people/").status_code == 302
    assert Client().post("/accounts/login/", {"username": EMAIL, "password": PASSWORD}).status_code == 200
    assert Client().post("/accounts/login/", {"username": EMAIL,
                                              "password": "a-brand-new-passphrase-77"}).status_code == 302


@pytest.mark.parametrize("weak", ["12345678901234", EMAIL, "password"])
def test_set_password_applies_the_password_rules(server, member, cli, monkeypatch, weak):
    monkeypatch.setattr("sys.stdin", io.StringIO(weak + "\n"))
    code, _, err = cli("account", "set-password", EMAIL, "--password-stdin")
    assert code == 1 and "password refused" in err


def _owned_rows(account_id: int) -> int:
    from django.apps import apps

    from goodloop.accounts.models import Account

    total = 0
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "account"), None)
        if field is not None and field.related_model is Account:
            total += model.objects.filter(account_id=account_id).count()
    return total


def test_remove_deletes_every_row_of_that_account_only(server, member, cli):
    from django.contrib.auth import get_user_model

    from goodloop.accounts import account as accounts
    from goodloop.accounts.models import Account
    from tests.security.conftest import build_world

    build_world(member, "ctl")
    other = accounts.create_account("other@example.org", PASSWORD)
    build_world(other, "other", full=False)
    before_other = _owned_rows(other.id)
    assert _owned_rows(member.id) > 20

    code, _, err = cli("account", "remove", EMAIL)  # no terminal to ask on: refused
    assert code == 1 and "--yes" in err and _owned_rows(member.id) > 20
    code, out, err = cli("account", "remove", EMAIL, "--yes")
    assert code == 0, err
    assert "removed" in out
    assert _owned_rows(member.id) == 0
    assert not Account.objects.filter(id=member.id).exists()
    assert not get_user_model().objects.filter(username=EMAIL).exists()
    assert _owned_rows(other.id) == before_other
    assert Client().get("/api/people", **_bearer(member.token)).status_code == 401


def test_remove_asks_on_a_terminal(server, member, cli, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("typer.confirm", lambda *a, **k: False)
    code, _, err = cli("account", "remove", EMAIL)
    assert code == 1 and "nothing removed" in err
    assert _owned_rows(member.id) > 0


@pytest.mark.parametrize("command", [["disable"], ["enable"], ["remove", "--yes"]])
def test_an_unknown_email_is_one_line(server, db, cli, command):
    code, _, err = cli("account", command[0], "nobody@example.org", *command[1:])
    assert code == 1 and "no account for" in err and "Traceback" not in err

"""API tokens: stored hashed, shown once, revocable; the CLI commands that manage them."""

import hashlib
import io
import json

import pytest

from tests.api.conftest import PASSWORD, Api


def test_tokens_are_stored_as_sha256_only(db):
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens
    from goodloop.accounts.models import ApiToken

    account = accounts.create_account("hash@example.org", PASSWORD)
    token, clear = tokens.create(account, "script")
    row = ApiToken.objects.get(id=token.id)
    assert row.token_hash == hashlib.sha256(clear.encode()).hexdigest()
    assert clear not in json.dumps([row.name, row.prefix, row.token_hash])
    assert clear.startswith(row.prefix) and len(row.prefix) < 12
    assert tokens.authenticate(clear) == account
    assert tokens.authenticate(clear + "x") is None
    assert tokens.authenticate(row.token_hash) is None


def test_a_token_works_until_revoked_and_records_its_last_use(owner, api_as):
    from goodloop.accounts import tokens
    from goodloop.accounts.models import ApiToken

    api = api_as(owner)
    assert api.get("/api/people").status_code == 200
    row = ApiToken.objects.get(account=owner)
    assert row.last_used is not None
    tokens.revoke(row.id)
    r = api.get("/api/people")
    assert r.status_code == 401 and r.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer", "Bearer ", "Bearer nope", "Basic dXNlcjpwYXNz", "Token gl_x"])
def test_a_bad_authorization_header_is_401_never_the_local_account(db, header):
    from django.test import Client

    from goodloop.accounts import account as accounts

    accounts.local_account()
    r = Client().get("/api/people", HTTP_AUTHORIZATION=header)
    assert r.status_code == 401


def test_local_mode_api_without_a_token_is_the_local_account_and_csrf_checked(db):
    from django.test import Client

    from goodloop.accounts import account as accounts

    local = accounts.local_account()
    assert Client().get("/api/people").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    r = strict.post("/api/people", {"name": "Cross Site"}, content_type="application/json")
    assert r.status_code == 403
    secret = "s" * 32  # the CSRF cookie a same-origin page would have set
    strict.cookies["csrftoken"] = secret
    r = strict.post("/api/people", {"name": "Same Origin"}, content_type="application/json",
                    HTTP_X_CSRFTOKEN=secret)
    assert r.status_code == 201, r.content
    assert r.json()["name"] == "Same Origin"
    assert local.is_local


def test_tokens_through_the_api_create_list_revoke_own_only(owner, outsider, api_as):
    from django.test import Client

    api = api_as(owner)
    assert api.post("/api/tokens", {"name": "phone"}).status_code == 403  # a token cannot mint tokens
    session = Client()
    session.force_login(owner.user)
    created = session.post("/api/tokens", {"name": "phone"}, content_type="application/json")
    assert created.status_code == 201
    clear = created.json()["token"]
    listed = api.get("/api/tokens").json()
    assert {t["name"] for t in listed} == {"tests", "phone"}
    assert clear not in json.dumps(listed)
    assert Api(clear).get("/api/people").status_code == 200
    assert api_as(outsider).delete(f"/api/tokens/{created.json()['id']}").status_code == 404
    assert api.delete(f"/api/tokens/{created.json()['id']}").status_code == 204
    assert Api(clear).get("/api/people").status_code == 401


# --- the CLI


def _stdin(monkeypatch, text):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_account_add_reads_the_password_from_stdin(cli, monkeypatch):
    from django.contrib.auth import get_user_model

    from goodloop.accounts.models import Account

    _stdin(monkeypatch, PASSWORD + "\n")
    code, out, err = cli("account", "add", "New.User@Example.org", "--password-stdin")
    assert code == 0, err
    assert "new.user@example.org" in out
    user = get_user_model().objects.get(username="new.user@example.org")
    assert user.check_password(PASSWORD) and user.password != PASSWORD
    account = Account.objects.get(user=user)
    assert account.me is not None and not account.is_local


@pytest.mark.parametrize("args,stdin,message", [
    (["account", "add", "a@example.org"], PASSWORD, "--password-stdin"),
    (["account", "add", "a@example.org", "--password-stdin"], "", "no password"),
    (["account", "add", "a@example.org", "--password-stdin"], "short\n", "password refused"),
    (["account", "add", "a@example.org", "--password-stdin"], "password123\n", "too common"),
    (["account", "add", "not-an-email", "--password-stdin"], PASSWORD, "not an email"),
])
def test_account_add_errors_are_one_line(cli, monkeypatch, args, stdin, message):
    _stdin(monkeypatch, stdin)
    code, out, err = cli(*args)
    assert code != 0 and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_account_add_twice_is_refused(cli, monkeypatch):
    _stdin(monkeypatch, PASSWORD)
    assert cli("account", "add", "twice@example.org", "--password-stdin")[0] == 0
    _stdin(monkeypatch, PASSWORD)
    code, _, err = cli("account", "add", "twice@example.org", "--password-stdin")
    assert code == 1 and "exists already" in err


def test_token_create_prints_it_once_then_list_and_revoke(cli, monkeypatch):
    _stdin(monkeypatch, PASSWORD)
    cli("account", "add", "tok@example.org", "--password-stdin")
    code, out, err = cli("token", "create", "--account", "tok@example.org", "--name", "laptop")
    assert code == 0, err
    clear = out.strip()
    assert clear.startswith("gl_") and "only time" in err
    assert Api(clear).get("/api/people").status_code == 200
    code, out, _ = cli("tokens", "--json")
    listed = json.loads(out)
    assert [t["account"] for t in listed] == ["tok@example.org"] and clear not in out
    code, out, _ = cli("token", "revoke", str(listed[0]["id"]))
    assert code == 0 and "revoked" in out
    assert json.loads(cli("tokens", "--json")[1])[0]["revoked"] is True
    assert Api(clear).get("/api/people").status_code == 401
    code, _, err = cli("token", "revoke", "999999")
    assert code == 1 and "no token" in err


def test_token_create_without_account_is_the_local_account_in_local_mode(cli):
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens

    code, out, err = cli("token", "create", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert tokens.authenticate(data["token"]) == accounts.local_account()


def test_token_create_for_an_unknown_account(cli):
    code, _, err = cli("token", "create", "--account", "ghost@example.org")
    assert code == 1 and "no account" in err

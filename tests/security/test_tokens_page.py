"""The API tokens page: list, create (the clear token shown once), revoke; and the header's
sign-out form in server mode."""

import re

from django.test import Client

from tests.security.conftest import PASSWORD


def _signed_in(email="tok@example.org"):
    from goodloop.accounts import account as accounts

    account = accounts.create_account(email, PASSWORD)
    client = Client()
    client.force_login(account.user)
    return account, client


def test_create_shows_the_token_once_and_it_works_then_revoke_ends_it(server):
    account, client = _signed_in()
    page = client.get("/tokens/")
    assert page.status_code == 200 and b"No tokens yet" in page.content
    r = client.post("/tokens/", {"name": "backup <script>"})
    assert r.status_code == 200 and r["Cache-Control"] == "no-store"
    html = r.content.decode()
    clear = re.search(r'id="new-token">(gl_[^<]+)<', html).group(1)
    assert "backup &lt;script&gt;" in html and "backup <script>" not in html
    api = Client().get("/api/people", HTTP_AUTHORIZATION=f"Bearer {clear}")
    assert api.status_code == 200
    again = client.get("/tokens/").content.decode()
    assert clear not in again and clear[:10] in again  # the prefix only, from now on
    token_id = int(re.search(r'id="token-(\d+)"', again).group(1))
    r = client.post(f"/tokens/{token_id}/revoke/")
    assert r.status_code == 302 and r["Location"] == "/tokens/"
    assert "revoked" in client.get("/tokens/").content.decode()
    assert Client().get("/api/people", HTTP_AUTHORIZATION=f"Bearer {clear}").status_code == 401


def test_a_too_long_name_is_a_field_error(server):
    from goodloop.accounts.models import ApiToken

    account, client = _signed_in()
    r = client.post("/tokens/", {"name": "x" * 101})
    assert r.status_code == 400
    assert 'id="id_name_error"' in r.content.decode()
    assert not ApiToken.objects.filter(account=account).exists()


def test_revoke_is_post_only_and_another_accounts_token_is_404(server):
    from goodloop.accounts import tokens
    from goodloop.accounts.models import ApiToken

    other, _ = _signed_in("someone-else@example.org")
    theirs, _ = tokens.create(other, "theirs")
    account, client = _signed_in()
    assert client.get(f"/tokens/{theirs.id}/revoke/").status_code == 405
    assert client.post(f"/tokens/{theirs.id}/revoke/").status_code == 404
    assert not ApiToken.objects.get(id=theirs.id).revoked
    assert "theirs" not in client.get("/tokens/").content.decode()


def test_the_header_has_sign_out_in_server_mode_only(server):
    account, client = _signed_in()
    html = client.get("/").content.decode()
    assert 'action="/accounts/logout/"' in html and "Sign out" in html and "tok@example.org" in html
    r = client.post("/accounts/logout/")
    assert r.status_code == 302 and client.get("/").status_code == 302


def test_local_mode_has_no_sign_out_but_the_page_works(db):
    client = Client()
    assert "Sign out" not in client.get("/").content.decode()
    r = client.post("/tokens/", {"name": "script"})
    assert r.status_code == 200 and "gl_" in r.content.decode()

"""Server-mode CLI on an explicit account (issue 16, item 6): --account EMAIL or GOODLOOP_ACCOUNT, and
without either a clear error; never a hidden account no login reaches."""

import json

from goodloop.accounts.models import Account


def test_server_mode_commands_need_an_account(server, member, cli):
    code, out, err = cli("people", "--json")
    assert code == 1 and out == ""
    assert "server mode: name the account this command acts on with --account EMAIL" in err
    assert not Account.objects.filter(is_local=True).exists()  # no hidden account made on the way


def test_account_option_and_environment(server, member, stranger, cli, monkeypatch):
    code, out, err = cli("--account", "member@example.org", "people", "--json")
    assert code == 0, err
    assert [p["name"] for p in json.loads(out)] == ["Mina Member-Contact"]
    monkeypatch.setenv("GOODLOOP_ACCOUNT", "stranger@example.org")
    code, out, _ = cli("people", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Sol Stranger-Contact"]
    code, out, err = cli("--account", "nobody@example.org", "people")
    assert code == 1 and "no account for 'nobody@example.org'" in err


def test_demo_goes_to_the_named_account_only(server, member, stranger, cli):
    code, out, err = cli("--account", "member@example.org", "demo", "--reset")
    assert code == 0, err
    code, out, _ = cli("--account", "member@example.org", "people", "--json")
    assert len(json.loads(out)) == 250
    code, out, _ = cli("--account", "stranger@example.org", "people", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Sol Stranger-Contact"]


def test_local_mode_needs_no_account(cli):
    code, out, err = cli("people", "--json")
    assert code == 0 and json.loads(out) == []

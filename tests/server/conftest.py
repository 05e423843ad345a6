"""Server-mode fixtures: the setting switched on, a clean throttle, accounts with logins."""

import pytest

PASSWORD = "a-long-enough-passphrase-42"


@pytest.fixture
def server(settings):
    from django.core.cache import cache

    settings.GOODLOOP_SERVER_MODE = True
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def member(db):
    from goodloop.accounts import account as accounts
    from goodloop.network import people

    account = accounts.create_account("member@example.org", PASSWORD)
    people.add_person(account, "Mina Member-Contact", org="Acme")
    return account


@pytest.fixture
def stranger(db):
    from goodloop.accounts import account as accounts
    from goodloop.network import people

    account = accounts.create_account("stranger@example.org", PASSWORD)
    people.add_person(account, "Sol Stranger-Contact", org="Globex")
    return account

"""The local account every local-mode request reads (accounts.local_account): its query is compiled
once per process, but the row is read afresh on every call, so a request always sees the account as
the store holds it now — changed by another process (a command), removed by a rolled-back test, or
made again."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from goodloop.accounts import account as accounts
from goodloop.accounts.models import Account
from goodloop.network.models import Person
from goodloop.web.middleware import AccountMiddleware

pytestmark = pytest.mark.django_db


def _as_the_orm_reads_it() -> Account:
    return Account.objects.filter(is_local=True).select_related("me").first()


def _values(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def _request_account() -> Account:
    """The account AccountMiddleware gives a request."""
    seen = []
    AccountMiddleware(lambda request: seen.append(request.account) or HttpResponse())(RequestFactory().get("/"))
    return seen[0]


def test_the_local_account_is_read_as_django_reads_it(account, django_assert_num_queries):
    expected = _as_the_orm_reads_it()
    with django_assert_num_queries(1):
        got = accounts.local_account()
    assert _values(got) == _values(expected)
    assert {k: type(v) for k, v in _values(got).items()} == {k: type(v) for k, v in _values(expected).items()}
    assert (got._state.db, got._state.adding) == ("default", False)
    with django_assert_num_queries(0):  # "me" came with the account, as select_related gives it
        me = got.me
    assert _values(me) == _values(expected.me)
    assert {k: type(v) for k, v in _values(me).items()} == {k: type(v) for k, v in _values(expected.me).items()}
    assert (me._state.db, me._state.adding) == ("default", False)
    assert me.is_me and got.me_id == me.id


def test_each_call_gives_its_own_instance(account):
    first, second = accounts.local_account(), accounts.local_account()
    assert first is not second and first.me is not second.me  # a request may change its own copy
    first.name = "changed in memory only"
    assert accounts.local_account().name == "Me"


def test_an_account_without_me_reads_none_without_a_query(account, django_assert_num_queries):
    Account.objects.filter(id=account.id).update(me=None)
    got = accounts.local_account()
    with django_assert_num_queries(0):
        assert got.me is None


def test_a_change_made_elsewhere_is_seen_by_the_next_request(account):
    """Another process (a command, a second server) changes the row, not this process's objects."""
    assert _request_account().name == "Me"
    Account.objects.filter(id=account.id).update(name="Ada", time_zone="Asia/Tokyo")
    Person.objects.filter(id=account.me_id).update(display_name="Ada Lovelace")
    got = _request_account()
    assert (got.name, got.time_zone, got.me.display_name) == ("Ada", "Asia/Tokyo", "Ada Lovelace")


def test_the_you_page_shows_the_time_zone_as_stored_now(account):
    client = Client()
    Account.objects.filter(id=account.id).update(time_zone="Pacific/Auckland")
    assert "Pacific/Auckland" in client.get("/you/").content.decode()
    Account.objects.filter(id=account.id).update(time_zone="America/Los_Angeles")
    page = client.get("/you/").content.decode()
    assert "America/Los_Angeles" in page and "Pacific/Auckland" not in page


def test_a_removed_account_is_made_again_by_the_next_request():
    """As after a test's rollback: the next request finds no account and makes a new one."""
    assert not Account.objects.exists()
    first = _request_account()
    assert first.is_local and first.me.is_me
    Person.objects.filter(account=first).update(met_through=None)
    first.delete()
    assert not Account.objects.exists()
    again = _request_account()
    assert Account.objects.filter(is_local=True).count() == 1
    assert again.me.is_me and again.me.account_id == again.id
    assert Client().get("/").status_code == 200


@pytest.mark.parametrize("run", [1, 2])
def test_a_fresh_store_in_each_test_gets_its_own_account(run):
    """Tests share one process and each rolls its store back: no account leaks from one to the next."""
    assert not Account.objects.exists()
    made = accounts.local_account()
    assert _values(accounts.local_account()) == _values(made)
    assert _values(_as_the_orm_reads_it()) == _values(made)


@pytest.mark.django_db(transaction=True)
def test_a_request_thread_reads_the_account_on_its_own_connection():
    """The local server runs each request in a thread of its own, with its own connection."""
    import threading

    from django.db import connection

    made = accounts.local_account()
    Account.objects.filter(id=made.id).update(time_zone="Europe/Berlin")
    seen, errors = [], []

    def request_thread():
        try:
            got = accounts.local_account()
            seen.append((_values(got), _values(got.me), got._state.db))
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=request_thread)
    thread.start()
    thread.join(30)
    assert errors == []
    expected = _as_the_orm_reads_it()
    assert seen == [(_values(expected), _values(expected.me), "default")]
    assert expected.time_zone == "Europe/Berlin"

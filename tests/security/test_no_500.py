"""Issue 17, item 5: each request the probe found answering 500, now a 4xx (or a page) with a reason.

Unicode digits in id parameters (`"²".isdigit()` is true, `int("²")` fails), dates near year 1 or
9999 in forms, the API, the CLI and query strings, `date=0` read as 1970, and query lengths.
"""

import pytest
from django.test import Client

from goodloop.helploop import favors
from goodloop.helploop.models import Ask, Favor
from goodloop.network import people

WEB_IDS = ["/asks/?ask=²", "/favors/new/?recorded=²", "/giving/?recorded=²", "/giving/?request=²",
           "/giving/transitions/?loop=²", "/duplicates/?merged=²", "/asks/?ask=99999999999999999999999"]


@pytest.fixture
def client(db):
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens

    account = accounts.local_account()
    c = Client(raise_request_exception=False)
    c.account = account
    c.token = tokens.create(account, "t")[1]
    c.ada = people.add_person(account, "Ada Lovelace")
    return c


@pytest.mark.parametrize("path", WEB_IDS)
def test_a_unicode_digit_or_huge_id_in_a_query_is_ignored(client, path):
    assert client.get(path).status_code == 200


def test_a_unicode_digit_in_a_form_id_is_a_400_or_ignored(client):
    from goodloop.search import targets

    t = targets.add_target(client.account, "Acme")
    response = client.post("/targets/reorder/", {"order": ["²"]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and b"target ids" in response.content
    assert client.post("/targets/reorder/", {"order": [str(t.id)]}).status_code < 400
    client.ada.needs = ["intro to Acme"]
    client.ada.save(update_fields=["needs"])
    assert client.post(f"/people/{client.ada.id}/needs/", {"remove": "²"}).status_code < 500


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_an_out_of_range_date_is_refused_with_the_range(client, day):
    response = client.get(f"/?date={day}")
    assert response.status_code == 400 and b"1900-01-01 to 2200-12-31" in response.content
    api = {"HTTP_AUTHORIZATION": f"Bearer {client.token}"}
    response = client.get(f"/api/today?date={day}", **api)
    assert response.status_code == 422 and "1900-01-01 to 2200-12-31" in response.json()["detail"]
    response = client.post("/api/favors", {"person": client.ada.id, "direction": "given", "kind": "advice",
                                           "date": day}, content_type="application/json", **api)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "date"
    response = client.post("/api/asks", {"person": client.ada.id, "text": "Could you introduce me to Bo at Acme?",
                                         "date": day}, content_type="application/json", **api)
    assert response.status_code == 422
    assert not Favor.objects.exists() and not Ask.objects.exists()
    response = client.post("/favors/new/", {"person": str(client.ada.id), "direction": "given", "kind": "advice",
                                            "date": day})
    assert response.status_code < 500 and b"1900-01-01 to 2200-12-31" in response.content
    assert not Favor.objects.exists()
    assert client.get(f"/people/{client.ada.id}/").status_code == 200


@pytest.mark.parametrize("day", ["0", "1700000000", "2025-1-5", "20250105", "2025-02-30"])
def test_the_api_reads_only_yyyy_mm_dd_as_a_date(client, day):
    response = client.get(f"/api/today?date={day}", HTTP_AUTHORIZATION=f"Bearer {client.token}")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "date"


def test_the_cli_refuses_an_out_of_range_date_in_one_line(client, cli):
    code, out, err = cli("gave", str(client.ada.id), "--kind", "advice", "--date", "9999-12-31")
    assert code != 0 and "1900-01-01 to 2200-12-31" in err and "internal error" not in err
    assert err.count("\n") == 1
    code, out, err = cli("today", "--date", "0001-01-01")
    assert code != 0 and "internal error" not in err


def test_a_favor_or_ask_within_range_still_works(client):
    from datetime import date

    favors.record(client.account, client.ada, "given", "advice", when=date(1900, 1, 1))
    assert client.get(f"/people/{client.ada.id}/").status_code == 200


def test_query_lengths_are_enforced_by_the_api(client):
    api = {"HTTP_AUTHORIZATION": f"Bearer {client.token}"}
    assert client.get("/api/people", {"q": "a" * 201}, **api).status_code == 422
    assert client.get("/api/people", {"org": "a" * 301}, **api).status_code == 422
    assert client.get("/api/people", {"q": "a" * 200}, **api).status_code == 200

"""Issue 17, items 2 and 3: what the web, the API and the CLI store.

A stored link is always http(s) (a `javascript:` lead URL was stored by the API and ran when
clicked on the Leads board); a NUL is refused with a reason on SQLite and PostgreSQL alike; a
name of invisible characters only is refused.
"""

import pytest
from django.test import Client

from goodloop.errors import ServiceError
from goodloop.helploop import person_edit
from goodloop.network import people
from goodloop.network.models import ContactPoint, Person
from goodloop.search.models import Lead

HOSTILE_URLS = ["javascript:alert(document.domain)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
                "java\tscript:alert(1)", "https://"]
INVISIBLE = ["\u200b", "\u202e\u2066\u200d", " \u00a0\u3000"]


@pytest.fixture
def api(db):
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens

    account = accounts.local_account()
    _, clear = tokens.create(account, "tests")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {clear}")
    client.account = account
    return client


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_api_refuses_a_lead_or_person_url_that_is_not_http(api, url):
    response = post(api, "/api/leads", {"organization": "Acme", "title": "PM", "url": url})
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["field"] == "url"
    response = post(api, "/api/people", {"name": "Ada Lovelace", "url": url})
    assert response.status_code == 422, response.content
    assert not Lead.objects.filter(account=api.account).exists()
    assert not Person.objects.filter(account=api.account, display_name="Ada Lovelace").exists()


def test_an_http_url_is_kept_and_a_bare_domain_reads_as_https(api):
    assert post(api, "/api/leads", {"organization": "Acme", "title": "PM", "url": "https://acme.example/j/1"
                                    }).status_code == 201
    assert post(api, "/api/people", {"name": "Ada Lovelace", "url": "ada.example/about"}).status_code == 201
    assert Lead.objects.get(account=api.account).url == "https://acme.example/j/1"
    assert ContactPoint.objects.get(account=api.account, kind="url").value == "https://ada.example/about"


@pytest.mark.parametrize("url", HOSTILE_URLS[:4])
def test_the_cli_refuses_a_person_url_that_is_not_http(cli, url):
    code, out, err = cli("person", "add", "Ada Lovelace", "--url", url)
    assert code != 0 and "http" in err and "Traceback" not in err
    assert not Person.objects.filter(display_name="Ada Lovelace").exists()


def test_a_nul_in_the_api_is_a_422_with_the_field_on_both_engines(api):
    response = post(api, "/api/people", {"name": "Ada\x00Lovelace"})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "name", "message": "name contains a NUL character, "
                                                                      "which cannot be stored"}]
    response = api.get("/api/people", {"q": "Ada\x00"})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "q"
    assert not Person.objects.filter(account=api.account, is_me=False).exists()


@pytest.mark.parametrize("path", ["/people/?q=a%00b", "/asks/people/?person=%00&q=%00", "/?date=%00", "/leads/?stage=%00"])
def test_a_nul_in_a_query_string_is_a_400_with_a_reason(db, path):
    response = Client().get(path)
    assert response.status_code == 400
    assert b"NUL character" in response.content


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_name_of_invisible_characters_is_refused_everywhere(api, cli, name):
    response = post(api, "/api/people", {"name": f"{name}"})
    assert response.status_code == 422, response.content
    code, _, err = cli("person", "add", name)
    assert code != 0 and "name" in err and err.count("\n") == 1
    ada = people.add_person(api.account, "Ada")
    with pytest.raises(ServiceError, match="name"):
        person_edit.update(api.account, ada, display_name=name)
    assert Person.objects.get(id=ada.id).display_name == "Ada"


def test_a_nul_in_a_web_form_is_a_400_before_any_lookup(db):
    # The asks page's live coach looked the half-typed person up: a 500 on PostgreSQL.
    response = Client().post("/asks/", {"person": "Ada\x00", "text": "Could you introduce me to Bo?"})
    assert response.status_code == 400 and b"person contains a NUL character" in response.content

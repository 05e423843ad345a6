"""Add a person in the web: the form, errors next to the field, and the round trip from a form
that named someone unknown ("No one called Daniel Park — add Daniel Park?") back to that form."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import people
from goodloop.network.models import Person
from tests.web.network import build, grow, queries_for

URL = reverse("person_add")


def add_link(html: str) -> str:
    m = re.search(r'<p class="field-fix"><a href="([^"]+)">', html)
    assert m, "no add-person link"
    return unescape(m.group(1))


@pytest.mark.django_db
def test_add_from_the_people_page(client, account):
    assert f'href="{URL}"' in client.get(reverse("people")).content.decode()
    html = client.get(URL).content.decode()
    for name in ("name", "organization", "title", "email", "phone", "linkedin", "tier"):
        assert f'name="{name}"' in html and f'<label for="id_{name}">' in html
    response = client.post(URL, {"name": "Daniel Park", "organization": "Northwind Analytics",
                                 "title": "Data Lead", "email": "dpark@northwind.example", "phone": "+1 555 0100",
                                 "linkedin": "linkedin.com/in/danielpark", "tier": "active"})
    person = Person.objects.get(account=account, display_name="Daniel Park")
    assert response.status_code == 302 and response["Location"] == reverse("person", args=[person.id])
    info = people.summary(person)
    assert info["organization"] == "Northwind Analytics" and info["title"] == "Data Lead"
    assert info["emails"] == ["dpark@northwind.example"] and info["phones"] == ["+1 555 0100"]
    assert info["urls"] == ["https://linkedin.com/in/danielpark"] and person.tier == "active"
    assert "Added Daniel Park." in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"name": "", "tier": "wide"}, "name", "This field is required."),
    ({"name": "Ana", "tier": "sometimes"}, "tier", "Select a valid choice."),
    ({"name": "Ana", "email": "not-an-address", "tier": "wide"}, "email", "is not an email address"),
    ({"name": "Ana", "linkedin": "javascript:alert(1)", "tier": "wide"}, "linkedin", "must start with http"),
    ({"name": "\u200b", "tier": "wide"}, "name", "needs at least one visible character"),
])
def test_bad_input_is_said_next_to_the_field(client, account, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(rf'id="id_{field}_error">[^<]*{re.escape(message)}', unescape(html)), html
    assert not Person.objects.filter(account=account, is_me=False).exists()


@pytest.mark.django_db
def test_a_second_person_with_the_same_email_is_refused(client, account):
    people.add_person(account, "Ana Diaz", email="ana@example.org")
    response = client.post(URL, {"name": "Ana D.", "email": "ANA@example.org", "tier": "wide"})
    assert response.status_code == 400 and "someone already has the email" in response.content.decode()


@pytest.mark.django_db
def test_favor_form_offers_to_add_an_unknown_person_and_comes_back(client, account):
    response = client.post(reverse("favor_new"), {"direction": "received", "person": "Daniel Park",
                                                  "kind": "advice", "note": "Tips on the data team"})
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "No one called Daniel Park — add Daniel Park?" in html
    link = add_link(response.content.decode())
    query = parse_qs(urlsplit(link).query)
    assert query["name"] == ["Daniel Park"] and query["field"] == ["person"]
    back = query["next"][0]
    assert back.startswith("/favors/new/?") and "note=Tips" in back
    form = client.get(link).content.decode()
    assert 'value="Daniel Park"' in form and 'name="next"' in form
    done = client.post(URL, {"name": "Daniel Park", "tier": "wide", "next": back, "field": "person"})
    daniel = Person.objects.get(account=account, display_name="Daniel Park")
    assert done.status_code == 302
    returned = done["Location"]
    assert urlsplit(returned).path == "/favors/new/"
    again = unescape(client.get(returned).content.decode())
    assert f'value="#{daniel.id} Daniel Park"' in again and "Tips on the data team" in again
    assert re.search(r'value="received"[^>]*checked', again)


@pytest.mark.django_db
def test_lead_intro_and_ask_forms_offer_the_add_link(client, account):
    people.add_person(account, "Ana Diaz")
    lead = client.post(reverse("leads"), {"organization": "Globex", "title": "Analyst", "via": "Daniel Park",
                                          "stage": "identified"})
    assert lead.status_code == 400 and "No one called Daniel Park" in unescape(lead.content.decode())
    assert "field=via" in add_link(lead.content.decode())
    intro = client.post(reverse("introductions"), {"kind": "request", "ask-introducer": "Ana Diaz",
                                                   "ask-introduced": "Daniel Park"})
    link = add_link(intro.content.decode())
    assert "field=ask-introduced" in link and "kind%3Drequest" in link
    ask = client.post(reverse("asks"), {"person": "daniel@park.example", "text": "Could we talk?", "status": "sent"})
    assert "No one with the email daniel@park.example — add them?" in unescape(ask.content.decode())
    assert "email=daniel%40park.example" in add_link(ask.content.decode())
    # An id that does not exist is not a name to add.
    by_id = client.post(reverse("asks"), {"person": "99999", "text": "Could we talk?", "status": "sent"})
    assert 'class="field-fix"' not in by_id.content.decode()


@pytest.mark.django_db
def test_next_must_be_a_local_path(client, account):
    for bad in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
        response = client.post(URL, {"name": f"Ana {len(bad)}", "tier": "wide", "next": bad, "field": "person"})
        assert response.status_code == 302 and response["Location"].startswith("/people/"), bad


@pytest.mark.django_db
def test_add_page_query_count_does_not_grow(client, account):
    build(account, 10)
    small = queries_for(client, URL)
    grow(account, 30)
    assert queries_for(client, URL) == small


@pytest.mark.django_db
def test_outsider_never_sees_another_accounts_organizations(client, account):
    other = Account.objects.create(name="other")
    people.add_person(other, "Secret Person", org="Secret Corp")
    assert "Secret Corp" not in client.get(URL).content.decode()

"""The Person edit form and the You page (issues 13.1 and 15.1): one transaction through the
person-edit use case; a refused value is shown next to its field; Today asks for your name."""

from django.urls import reverse

from goodloop.network import people
from goodloop.network.models import Person
from tests.web.network import queries_for


def form_of(person, **changes):
    data = {"name": person.display_name, "organization": person.organization.name if person.organization_id else "",
            "title": person.title, "emails": "", "phones": "", "urls": "", "tier": person.tier, "cadence_days": "",
            "tags": "", "notes": ""}
    data.update(changes)
    return data


def test_edit_form_corrects_details_and_keeps_the_old_role_as_history(client, account):
    bo = people.add_person(account, "Bo Chen", org="Acme Payments", title="Engineer", email="bo@acme.example")
    page = client.get(reverse("person_edit", args=[bo.id]))
    assert page.status_code == 200 and 'value="Bo Chen"' in page.content.decode()
    r = client.post(reverse("person_edit", args=[bo.id]), form_of(
        bo, name="Bo Chen-Larsen", organization="Lumen Health", title="Staff Engineer",
        emails="bo@lumen.example\nbo@home.example", phones="+1 415 555 0199", urls="linkedin.com/in/bochen",
        tier="close", cadence_days="30", tags="mentor, fintech", notes="Moved to Lumen in spring."))
    assert r.status_code == 302, r.content.decode()[:2000]
    bo = Person.objects.get(id=bo.id)
    assert (bo.display_name, bo.organization.name, bo.title, bo.tier, bo.cadence_days) == (
        "Bo Chen-Larsen", "Lumen Health", "Staff Engineer", "close", 30)
    assert "lumen" in bo.search_text and "acme" not in bo.search_text
    html = client.get(reverse("person", args=[bo.id])).content.decode()
    assert "Staff Engineer</strong> at" in html and 'class="past">Engineer at' in html
    assert "bo@home.example" in html and "linkedin.com/in/bochen" in html and "mentor" in html


def test_a_refused_value_is_shown_next_to_its_field_and_nothing_changes(client, account):
    people.add_person(account, "Ana Silva", email="ana@silva.example")
    cy = people.add_person(account, "Cy Park", email="cy@park.example")
    r = client.post(reverse("person_edit", args=[cy.id]), form_of(cy, name="Cyrus Park", emails="ana@silva.example"))
    assert r.status_code == 400
    html = r.content.decode()
    assert 'id="id_emails_error"' in html and "already has the email" in html
    assert Person.objects.get(id=cy.id).display_name == "Cy Park"
    r = client.post(reverse("person_edit", args=[cy.id]), form_of(cy, urls="javascript:alert(1)"))
    assert r.status_code == 400 and 'id="id_urls_error"' in r.content.decode()
    r = client.post(reverse("person_edit", args=[cy.id]), form_of(cy, name=""))
    assert r.status_code == 400 and 'id="id_name_error"' in r.content.decode()


def test_me_is_not_edited_as_a_contact(client, account):
    assert client.get(reverse("person_edit", args=[account.me_id])).status_code == 404


def test_you_page_sets_my_name_contact_lines_and_time_zone(client, account):
    page = client.get(reverse("you"))
    assert page.status_code == 200 and "still called" in page.content.decode()
    r = client.post(reverse("you"), {"name": "Rosa Quintero", "email": "rosa@quintero.example",
                                     "phone": "+34 600 111 222", "url": "linkedin.com/in/rosaq",
                                     "time_zone": "Europe/Madrid"})
    assert r.status_code == 302
    me = Person.objects.get(id=account.me_id)
    account.refresh_from_db()
    assert me.display_name == "Rosa Quintero" and account.time_zone == "Europe/Madrid"
    assert [c.value for c in me.contact_points.order_by("kind")] == [
        "rosa@quintero.example", "+34 600 111 222", "https://linkedin.com/in/rosaq"]
    bad = client.post(reverse("you"), {"name": "Rosa", "email": "", "phone": "", "url": "",
                                       "time_zone": "Mars/Olympus"})
    assert bad.status_code == 400 and 'id="id_time_zone_error"' in bad.content.decode()


def test_today_asks_for_my_name_until_it_is_given(client, account):
    assert 'id="h-your-name"' in client.get(reverse("today")).content.decode()
    r = client.post(reverse("you"), {"name": "Rosa Quintero", "next": "today"})
    assert r.status_code == 302 and r["Location"] == reverse("today")
    assert 'id="h-your-name"' not in client.get(reverse("today")).content.decode()
    assert 'href="/you/"' in client.get(reverse("people")).content.decode()


def test_edit_page_and_you_page_query_counts(client, account):
    bo = people.add_person(account, "Bo Chen", org="Acme", email="bo@acme.example", tags=["x"])
    assert queries_for(client, reverse("person_edit", args=[bo.id])) <= 8
    assert queries_for(client, reverse("you")) <= 8

"""People in transition: mark a contact job-seeking (monthly check-in with a draft), they land
(check-ins end, congratulations draft), errors next to fields, isolation, query counts."""

from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.giving import transition
from goodloop.helploop import loops
from goodloop.helploop.models import Loop, Transition
from goodloop.network import people
from tests.web.giver_data import giver_rows
from tests.web.network import build, grow, queries_for

URL = reverse("transitions")
TODAY = date.today()


@pytest.fixture
def ana(account):
    return people.add_person(account, "Ana Diaz", org="eBay")


@pytest.mark.django_db
def test_mark_as_job_seeking_shows_the_check_in_draft(client, ana):
    response = client.post(reverse("transition_seeking"), {"person": f"#{ana.id} Ana Diaz"})
    assert response.status_code == 302
    loop = Loop.objects.get(person=ana, kind="check_in")
    assert f"loop={loop.id}" in response["Location"] and loop.due == TODAY
    html = client.get(response["Location"]).content.decode()
    assert "Ana Diaz is marked as looking for work" in html
    shown = html.split('id="shown"')[1].split("</section>")[0]
    assert "Check-in with" in shown and "checking in on your search" in shown
    row = html.split(f'id="transition-{Transition.objects.get().id}"')[1].split("</li>")[0]
    assert "Monthly check-in" in row and "checking in on your search" in row
    assert f'action="{reverse("loop_close", args=[loop.id])}"' in row and "Checked in" in row
    ana.refresh_from_db()
    assert ana.job_seeking


@pytest.mark.django_db
def test_checked_in_schedules_next_month(client, ana):
    transition.mark_seeking(ana.account, ana, TODAY)
    loop = Loop.objects.get(person=ana, kind="check_in")
    response = client.post(reverse("loop_close", args=[loop.id]), {"action": "done", "next": URL})
    assert response.status_code == 302 and response["Location"] == URL
    nxt = Loop.objects.get(person=ana, kind="check_in", status="open")
    assert (nxt.due - TODAY).days == 30
    assert f'datetime="{nxt.due.isoformat()}"' in client.get(URL).content.decode()


@pytest.mark.django_db
def test_landed_ends_it_and_offers_congratulations(client, ana):
    transition.mark_seeking(ana.account, ana, TODAY)
    response = client.post(reverse("transition_landed", args=[ana.id]),
                           {"organization": "Acme Robotics", "role": "Product Manager"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    shown = html.split('id="shown"')[1].split("</section>")[0]
    assert "Congratulations to send" in shown
    assert "congratulations on the new role as Product Manager at Acme Robotics" in shown
    assert 'data-copy="shown-draft"' in shown
    assert Loop.objects.filter(person=ana, kind="check_in", status="skipped").count() == 1
    t = Transition.objects.get()
    assert t.landed_on == TODAY and "Acme Robotics" in t.landed_note
    looking = html.split('id="h-looking"')[1].split("</section>")[0]
    assert "Ana Diaz" not in looking and "Nobody is marked as looking for work" in looking
    assert "landed " in html.split('id="h-landed"')[1] and "Product Manager, Acme Robotics" in html


@pytest.mark.django_db
def test_errors_next_to_the_field(client, ana):
    response = client.post(reverse("transition_seeking"), {"person": "Nobody Here", "date": "tomorrow"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="seeking-person_error"' in html and 'id="seeking-date_error"' in html
    transition.mark_seeking(ana.account, ana, TODAY)
    response = client.post(reverse("transition_landed", args=[ana.id]), {"date": "someday"})
    html = response.content.decode()
    assert response.status_code == 400 and f'id="landed-{ana.id}-date_error"' in html
    assert '<details class="edit landed" open>' in html


@pytest.mark.django_db
def test_landed_for_someone_not_seeking_is_refused(client, account):
    bo = people.add_person(account, "Bo Chen")
    response = client.post(reverse("transition_landed", args=[bo.id]), {}, follow=True)
    assert "Bo Chen isn&#x27;t marked as job-seeking" in response.content.decode()
    assert not Transition.objects.exists()


@pytest.mark.django_db
def test_another_accounts_people_are_404(client, account):
    other = Account.objects.create(name="other")
    stranger = people.add_person(other, "Sam Other")
    transition.mark_seeking(other, stranger, TODAY)
    assert client.post(reverse("transition_landed", args=[stranger.id]), {}).status_code == 404
    response = client.post(reverse("transition_seeking"), {"person": str(stranger.id)})
    assert response.status_code == 400 and Transition.objects.filter(account=account).count() == 0
    loop = Loop.objects.get(account=other)
    assert "Sam Other" not in client.get(URL + f"?loop={loop.id}").content.decode()
    assert loops.get(other, loop.id).status == "open"


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    giver_rows(account, made[:10])
    landed = made[0]
    transition.landed(account, landed, TODAY, organization="Globex")
    loop = Loop.objects.filter(account=account, kind="check_in", status="open").first()
    small = queries_for(client, URL + f"?loop={loop.id}")
    grow(account, 100)
    from goodloop.network.models import Person

    rest = list(Person.objects.filter(account=account, is_me=False).order_by("id"))[20:80]
    for p in rest:
        transition.mark_seeking(account, p, TODAY)
    assert queries_for(client, URL + f"?loop={loop.id}") == small <= 8, small

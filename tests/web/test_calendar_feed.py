"""The loops calendar: all-day events with a reminder (or to-dos), UIDs unique to the store, and the
subscription address calendar apps poll without a login (issue 16, item 3)."""

import json
from datetime import date, timedelta

import icalendar
import pytest
import recurring_ical_events
from django.urls import reverse

from goodloop.accounts import account as accounts
from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.transfer import calendar_feed, exporter


def _loops(account):
    ana = people.add_person(account, "Ana Souza", email="ana@globex.example")
    bo = people.add_person(account, "Bo Lin", email="bo@initech.example")
    Loop.objects.create(account=account, person=ana, kind="thank", due=date(2026, 12, 8), reason="she introduced me",
                        opened_on=date(2026, 12, 6))
    Loop.objects.create(account=account, person=bo, kind="report", due=date(2026, 12, 20), reason="the referral",
                        opened_on=date(2026, 12, 6))


def events_between(data: bytes, start: date, end: date) -> list:
    return recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(start, end)


@pytest.mark.django_db
def test_calendar_events_are_all_day_with_a_reminder_and_todos_on_request(account):
    _loops(account)
    data = exporter.export(account, "ics")
    events = events_between(data, date(2026, 12, 1), date(2027, 1, 1))
    assert [str(e["SUMMARY"]) for e in events] == ["Thank Ana Souza", "Report back to Bo Lin"]
    first = events[0]
    assert first["DTSTART"].dt == date(2026, 12, 8) and first["DTEND"].dt == date(2026, 12, 9)
    (alarm,) = first.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(hours=9) and str(alarm["ACTION"]) == "DISPLAY"
    todos = icalendar.Calendar.from_ical(exporter.export(account, "ics", todo=True)).walk("VTODO")
    assert len(todos) == 2 and all(t["DUE"].dt > t["DTSTART"].dt for t in todos)
    assert [str(t["UID"]) for t in todos] == [str(e["UID"]) for e in events]


@pytest.mark.django_db
def test_calendar_uids_are_stable_and_unique_to_the_store(account):
    _loops(account)
    other = accounts.create_account("other@example.org", "a-long-enough-passphrase-42")
    _loops(other)
    uids = [str(e["UID"]) for e in events_between(exporter.export(account, "ics"), date(2026, 1, 1), date(2028, 1, 1))]
    assert uids == [str(e["UID"]) for e in events_between(exporter.export(account, "ics"), date(2026, 1, 1),
                                                          date(2028, 1, 1))]
    theirs = {str(e["UID"]) for e in events_between(exporter.export(other, "ics"), date(2026, 1, 1),
                                                    date(2028, 1, 1))}
    assert len(set(uids)) == 2 and not set(uids) & theirs


@pytest.mark.django_db
def test_the_feed_address_serves_the_calendar_and_a_new_address_revokes_the_old(client, account):
    _loops(account)
    token = calendar_feed.feed_token(account)
    assert calendar_feed.feed_token(account) == token  # the same address every time
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert len(events_between(response.content, date(2026, 12, 1), date(2027, 1, 1))) == 2
    assert client.post(f"/calendar/{token}.ics").status_code == 405  # read-only
    assert client.get("/calendar/not-a-token.ics").status_code == 404
    page = client.get(reverse("import")).content.decode()
    assert f"http://testserver/calendar/{token}.ics" in page and 'data-copy="#calendar-url"' in page
    assert client.post(reverse("calendar_new")).status_code == 302
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    new = calendar_feed.feed_token(account)
    assert new != token and client.get(f"/calendar/{new}.ics").status_code == 200


@pytest.mark.django_db
def test_the_feed_needs_no_session_in_server_mode_and_stops_with_the_account(client, settings):
    settings.GOODLOOP_SERVER_MODE = True
    member = accounts.create_account("member@example.org", "a-long-enough-passphrase-42")
    _loops(member)
    token = calendar_feed.feed_token(member)
    assert client.get(f"/calendar/{token}.ics").status_code == 200  # nobody signed in
    assert client.get("/calendar/wrong.ics").status_code == 404
    assert client.get("/import/").status_code == 302  # everything else still asks for a login
    accounts.set_active("member@example.org", False)
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_calendar_cli_url_json_and_reset(cli):
    code, out, err = cli("calendar", "url", "--json")
    assert code == 0, err
    url = json.loads(out)["url"]
    assert url.startswith("http://127.0.0.1:8000/calendar/") and url.endswith(".ics")
    assert cli("calendar", "url")[1].strip() == url
    assert cli("calendar", "url", "--base", "https://goodloop.example.org/")[1].strip() == url.replace(
        "http://127.0.0.1:8000", "https://goodloop.example.org")
    code, out, _ = cli("calendar", "reset", "--json")
    assert code == 0 and json.loads(out)["url"] != url
    code, _, err = cli("calendar", "url", "--base", "goodloop.example.org")
    assert code == 1 and "--base must start with http" in err
    code, out, _ = cli("export", "ics", "--todo")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")

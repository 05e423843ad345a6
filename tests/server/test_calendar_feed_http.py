"""The calendar feed over real HTTP from `goodloop serve --server` (gunicorn): fetched with its secret
address and no session, refused without it or with a revoked one; calendar libraries read it."""

import os
import subprocess
import sys
from datetime import date

import icalendar
import recurring_ical_events

from .test_serve import _get, _served

SETUP = """
from datetime import date
from goodloop import bootstrap
bootstrap.setup()
from goodloop.helploop.models import Loop
from goodloop.accounts import account as accounts
from goodloop.transfer import calendar_feed
from goodloop.network import people
account = accounts.create_account("member@example.org", "a-long-enough-passphrase-42")
ana = people.add_person(account, "Ana Souza", email="ana@globex.example")
Loop.objects.create(account=account, person=ana, kind="thank", due=date(2026, 12, 8), opened_on=date(2026, 12, 6))
print(calendar_feed.feed_token(account))
"""
RESET = """
from goodloop import bootstrap
bootstrap.setup()
from goodloop.accounts import account as accounts
from goodloop.transfer import calendar_feed
print(calendar_feed.reset(accounts.by_email("member@example.org")))
"""


def _python(home, code: str) -> str:
    env = {**os.environ, "GOODLOOP_HOME": str(home), "GOODLOOP_SERVER_MODE": "1"}
    for name in ("GOODLOOP_DATABASE_URL", "DJANGO_SETTINGS_MODULE", "GOODLOOP_DEBUG"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_feed_over_http_in_server_mode(tmp_path):
    with _served(tmp_path) as base:
        token = _python(tmp_path, SETUP)
        status, body = _get(f"{base}/calendar/{token}.ics")
        assert status == 200
        events = recurring_ical_events.of(icalendar.Calendar.from_ical(body)).between(date(2026, 12, 1),
                                                                                      date(2027, 1, 1))
        assert [str(e["SUMMARY"]) for e in events] == ["Thank Ana Souza"]
        assert events[0]["DTSTART"].dt == date(2026, 12, 8) and events[0].walk("VALARM")
        assert _get(f"{base}/calendar/.ics")[0] == 404  # no token
        assert _get(f"{base}/calendar/{'x' * 43}.ics")[0] == 404  # a wrong one
        new = _python(tmp_path, RESET)
        assert _get(f"{base}/calendar/{token}.ics")[0] == 404  # the old address is revoked
        assert _get(f"{base}/calendar/{new}.ics")[0] == 200

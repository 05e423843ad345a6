"""An account's own clock (issue 12, item 5): "today" is the account's date, not the server's."""

from datetime import UTC, date, datetime

import pytest

from goodloop import clock
from goodloop.accounts import account as accounts
from goodloop.accounts.models import Account
from goodloop.errors import ServiceError
from goodloop.helploop import asks
from goodloop.network import people

# 11:30 UTC on 5 December: already the 6th in Auckland (UTC+13), still early on the 5th in
# Los Angeles (UTC-8).
INSTANT = datetime(2026, 12, 5, 11, 30, tzinfo=UTC)


@pytest.mark.django_db
def test_auckland_and_los_angeles_see_different_days_at_the_same_instant():
    auckland = accounts.create_account("kiri@example.org", "a long enough password 1", time_zone="Pacific/Auckland")
    la = accounts.create_account("sam@example.org", "a long enough password 2", time_zone="America/Los_Angeles")
    auckland, la = Account.objects.get(id=auckland.id), Account.objects.get(id=la.id)
    assert clock.today(auckland, at=INSTANT) == date(2026, 12, 6)
    assert clock.today(la, at=INSTANT) == date(2026, 12, 5)


@pytest.mark.django_db
def test_a_use_case_dates_its_record_on_the_accounts_own_day():
    """An ask recorded without a date is dated on the account's day, whatever the server's zone."""
    kiri = accounts.create_account("kiri@example.org", "a long enough password 1", time_zone="Pacific/Kiritimati")
    person = people.add_person(kiri, "Aroha Ngata")
    ask = asks.make(kiri, person, "Could you spare 20 minutes to tell me how your team hires analysts?").ask
    # Kiritimati is UTC+14: its date is the UTC date or the day after, never the day before.
    utc_today = datetime.now(UTC).date()
    assert ask.date in (utc_today, date.fromordinal(utc_today.toordinal() + 1))
    assert ask.date == clock.today(kiri)


@pytest.mark.django_db
def test_unknown_zone_is_refused_on_the_field():
    account = accounts.create_account("ana@example.org", "a long enough password 3")
    assert account.time_zone == "UTC"
    with pytest.raises(ServiceError) as err:
        accounts.set_time_zone(account, "Mars/Olympus_Mons")
    assert err.value.field == "time_zone"
    assert accounts.set_time_zone(account, "Europe/Berlin").time_zone == "Europe/Berlin"


def test_account_time_zone_command_shows_sets_and_refuses(cli):
    code, out, _ = cli("account", "time-zone", "America/Los_Angeles")
    assert code == 0 and out.strip() == "time zone: America/Los_Angeles"
    code, out, _ = cli("account", "time-zone")
    assert out.strip() == "time zone: America/Los_Angeles"
    code, _, err = cli("account", "time-zone", "Nowhere/Special")
    assert code != 0
    assert "unknown time zone 'Nowhere/Special'" in err and "Traceback" not in err

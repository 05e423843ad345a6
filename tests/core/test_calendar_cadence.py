from datetime import date, timedelta

import pytest

from goodloop.core.cadence import cadence_days, cadence_status, latest_touch, next_check_in
from goodloop.core.calendar import add_business_days, business_days_between, is_business_day

MON = date(2025, 3, 3)  # a Monday
FRI = date(2025, 3, 7)
SAT = date(2025, 3, 8)
SUN = date(2025, 3, 9)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (MON, 0, MON),
        (MON, 3, date(2025, 3, 6)),  # Thursday
        (MON, 7, date(2025, 3, 12)),  # next Wednesday
        (FRI, 1, date(2025, 3, 10)),  # over the weekend to Monday
        (SAT, 1, date(2025, 3, 10)),
        (SUN, 1, date(2025, 3, 10)),
        (FRI, 5, date(2025, 3, 14)),
        (date(2025, 3, 10), -1, FRI),
        (SAT, 0, SAT),
    ],
)
def test_add_business_days(start, n, expected):
    assert add_business_days(start, n) == expected


def test_add_business_days_skips_holidays():
    holiday = date(2025, 3, 4)
    assert add_business_days(MON, 1, holidays={holiday}) == date(2025, 3, 5)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MON, MON, 0),
        (MON, date(2025, 3, 6), 3),
        (FRI, date(2025, 3, 10), 1),
        (SAT, SUN, 0),
        (FRI, SUN, 0),
        (MON, date(2025, 3, 17), 10),
        (date(2025, 3, 10), FRI, -1),
    ],
)
def test_business_days_between(start, end, expected):
    assert business_days_between(start, end) == expected


def test_business_days_round_trip():
    # add_business_days and business_days_between agree for every start and count.
    for offset in range(14):
        start = MON + timedelta(days=offset)
        for n in range(0, 25):
            end = add_business_days(start, n)
            assert business_days_between(start, end) == n
            assert is_business_day(end) or n == 0


def test_business_days_between_holiday():
    assert business_days_between(MON, FRI, holidays={date(2025, 3, 5), SAT}) == 3


def test_cadence_days_tiers_and_override():
    assert [cadence_days(t) for t in ("core", "close", "active", "wide", "dormant")] == [14, 30, 90, 365, None]
    assert cadence_days("wide", override_days=10) == 10
    assert cadence_days("dormant", override_days=7) == 7  # the override wins
    assert cadence_days(None) == 365
    assert cadence_days("close", override_days=0) == 30


def test_interaction_resets_cadence():
    touched = date(2025, 1, 1)
    today = date(2025, 2, 10)  # 40 days later
    assert cadence_status("close", touched, today).due
    # A new interaction yesterday resets the clock: not due any more.
    latest = latest_touch([touched, date(2025, 2, 9)], [date(2024, 12, 1)], None)
    assert latest == date(2025, 2, 9)
    assert not cadence_status("close", latest, today).due
    assert next_check_in("close", latest) == date(2025, 3, 11)


def test_favor_and_ask_also_reset():
    # Any of interactions, favors or asks counts as a touch.
    assert latest_touch([date(2025, 1, 1)], [date(2025, 1, 20)], [date(2025, 1, 10)]) == date(2025, 1, 20)
    assert latest_touch(date(2025, 1, 5), None, []) == date(2025, 1, 5)
    assert latest_touch() is None


def test_cadence_status_overdue_and_reason():
    st = cadence_status("close", date(2025, 1, 1), date(2025, 2, 10))
    assert st.due and st.overdue_days == 10
    assert st.next_due == date(2025, 1, 31)
    assert "40 days" in st.reason and "30 days" in st.reason


def test_cadence_due_exactly_on_day():
    assert cadence_status("core", MON, MON + timedelta(days=14)).due
    assert not cadence_status("core", MON, MON + timedelta(days=13)).due


def test_dormant_never_due():
    st = cadence_status("dormant", date(2000, 1, 1), date(2025, 1, 1))
    assert not st.due and st.next_due is None


def test_a_connection_date_is_not_contact_so_never_overdue():
    today = date(2025, 6, 1)
    # Issue 13: an import's "connected on" years ago made thousands of "2242 days overdue" items.
    assert not cadence_status("wide", None, today, known_since=date(2025, 1, 1)).due
    assert not cadence_status("wide", None, today, known_since=date(2019, 10, 16)).due
    assert not cadence_status("core", None, today).due
    st = cadence_status("wide", None, today, known_since=date(2019, 10, 16))
    assert st.next_due is None and st.overdue_days == 0
    assert "No contact recorded yet (known since 2019-10-16)" in st.reason

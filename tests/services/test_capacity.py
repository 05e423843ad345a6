"""The weekly giving budget: set and shown, promises batched onto giving days, gives on Today
only on giving days, and a warning (never a refusal) when accepting goes over the budget."""

from datetime import date

import pytest

from goodloop.errors import ServiceError
from goodloop.giving import capacity, requests
from goodloop.network import people
from goodloop.overview import agenda
from goodloop.search import brief

MON, TUE, THU, SUN = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 5), date(2026, 11, 8)
SPECIFIC = "Could you introduce me to a product manager at Acme? Thanks so much!"


@pytest.fixture
def jane(account):
    return people.add_person(account, "Jane Doe", org="Initech", email="jane@initech.example")


def test_default_budget_and_setting_it(account):
    b = capacity.budget(account)
    assert (b.unit, b.amount, b.days, b.is_default) == ("minutes", 120, (), True)
    b = capacity.set_budget(account, favors=3, days="mon,thu")
    assert (b.unit, b.amount, b.days, b.is_default) == ("favors", 3, (0, 3), False)
    b = capacity.set_budget(account, minutes=90)
    assert (b.unit, b.amount, b.days) == ("minutes", 90, (0, 3))  # days kept
    assert capacity.set_budget(account, days="").days == ()
    status = capacity.status(account, MON)
    assert status["amount"] == 90 and status["days"] == [] and status["week"]["week_of"] == MON.isoformat()


@pytest.mark.parametrize("kwargs, message", [
    ({"favors": 2, "minutes": 30}, "not both"),
    ({"favors": 0}, "from 1 to"),
    ({"minutes": -5}, "from 1 to"),
    ({"days": "mon,someday"}, "unknown weekday"),
])
def test_bad_budgets_are_refused(account, kwargs, message):
    with pytest.raises(ServiceError, match=message):
        capacity.set_budget(account, **kwargs)


def test_accepting_over_the_budget_warns_but_is_allowed(account, jane):
    capacity.set_budget(account, favors=1)
    first = requests.triage(account, requests.record(account, jane, SPECIFIC, MON).ask.id, "accept", due=THU,
                            when=MON)
    assert first.warning is None and first.capacity.used == 0
    second_ask = requests.record(account, jane, "Would you look over my resume for the PM role? Thanks!", MON)
    second = requests.triage(account, second_ask.ask.id, "accept", due=THU, when=MON)
    assert second.warning and "1 of 1 favors already committed" in second.warning
    assert second.loops_opened and second.as_dict()["capacity"]["exceeds"] is True
    assert capacity.status(account, MON)["week"]["used"] == 2


def test_minutes_budget_counts_favors_given_and_open_promises(account, jane):
    capacity.set_budget(account, minutes=40)
    from goodloop.helploop import favors

    favors.record(account, jane, "given", "advice", when=MON)  # 30 minutes
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    result = requests.triage(account, ask.id, "accept", due=THU, when=MON, minutes=20)
    assert result.capacity.used == 30 and result.capacity.exceeds
    small = requests.record(account, jane, "Could you share my post? Thanks!", MON).ask
    nxt = requests.triage(account, small.id, "smaller", due=date(2026, 11, 10), when=MON)
    assert not nxt.capacity.exceeds and nxt.capacity.week_of == date(2026, 11, 9)


def test_promises_are_batched_onto_giving_days(account, jane):
    capacity.set_budget(account, days="mon,thu")
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    result = requests.triage(account, ask.id, "accept", due=SUN, when=TUE)
    assert result.loops_opened[0].due == THU and result.ask.promise_due == SUN
    assert "by Sunday" in result.draft  # the requester hears the real deadline


def test_gives_appear_only_on_giving_days(account):
    people.add_person(account, "Kim Park", org="Globex", title="Engineer")
    ana = people.add_person(account, "Ana Ruiz", org="Initech")
    from goodloop.helploop import person_edit

    person_edit.add_need(account, ana, "an introduction to someone at Globex")
    brief.update(account, offers=["introductions"])
    assert [i.kind for i in agenda.today(account, TUE)].count("give") == 1
    capacity.set_budget(account, days="thu")
    assert [i.kind for i in agenda.today(account, TUE)].count("give") == 0
    assert [i.kind for i in agenda.today(account, THU)].count("give") == 1

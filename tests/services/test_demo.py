"""The demo network: the one fixture builder behind `goodloop demo` and the tests."""

import json
import re
from datetime import date, timedelta

import pytest

from goodloop.accounts.models import Account
from goodloop.core import rules as v
from goodloop.demo import load as demo_service
from goodloop.errors import ServiceError
from goodloop.helploop.models import Ask, Favor
from goodloop.network import people
from goodloop.network.models import (
    Connection,
    ContactPoint,
    Interaction,
    InteractionPerson,
    Organization,
    Person,
    Role,
)
from goodloop.overview import agenda, check
from goodloop.search.models import Brief, Introduction, Lead, LeadStageChange, Target

TODAY = date(2025, 6, 15)


def new_account(name="Other"):
    account = Account.objects.create(name=name)
    me = Person.objects.create(account=account, display_name="Me", is_me=True, tier="dormant")
    account.me = me
    account.save(update_fields=["me"])
    return account


@pytest.fixture
def loaded(account):
    result = demo_service.load_demo(account, today=TODAY)
    return account, result


def test_people_and_organizations(loaded):
    account, result = loaded
    others = Person.objects.filter(account=account, is_me=False)
    assert result.people == others.count() >= 200
    assert 35 <= Organization.objects.filter(account=account).count() <= 45
    assert not result.already_loaded
    # Current role and the denormalized organization/title agree for everyone.
    for p in others.select_related("organization"):
        role = Role.objects.get(account=account, person=p, current=True)
        assert (role.organization_id, role.title) == (p.organization_id, p.title)
        emails = list(ContactPoint.objects.filter(person=p, kind="email").values_list("value", flat=True))
        assert p.search_text == people.search_text(p, emails, p.organization.name)
    assert Role.objects.filter(account=account, current=False).count() >= 60
    assert set(others.values_list("tier", flat=True)) == set(v.TIERS)
    assert len(set(others.values_list("trust_stage", flat=True))) == len(v.TRUST_STAGES)
    assert others.exclude(needs=[]).count() >= 10
    assert others.filter(met_through__isnull=False).count() >= 20
    assert Connection.objects.filter(account=account).count() >= 200
    kinds = set(ContactPoint.objects.filter(account=account).values_list("kind", flat=True))
    assert kinds == {"email", "phone", "url"}
    for cp in ContactPoint.objects.filter(account=account):
        assert cp.key == people.contact_key(cp.kind, cp.value)
    assert Person.objects.filter(account=account, tags__isnull=False).distinct().count() >= 30
    # Names are unique, so any name works as a REF.
    names = list(others.values_list("display_name", flat=True))
    assert len(names) == len(set(names))


def test_targets_in_priority_order(loaded):
    account, _ = loaded
    targets = list(Target.objects.filter(account=account).order_by("priority"))
    assert [t.priority for t in targets] == list(range(1, 9))
    assert targets[0].organization.name == "Northwind Analytics"
    assert all(t.why for t in targets)
    assert len({t.status for t in targets}) >= 4


def test_six_months_of_interactions_in_every_channel_and_direction(loaded):
    account, _ = loaded
    rows = Interaction.objects.filter(account=account)
    assert set(rows.values_list("channel", flat=True)) == set(v.CHANNELS)
    assert set(rows.values_list("direction", flat=True)) == set(v.DIRECTIONS)
    first, last = min(rows.values_list("date", flat=True)), max(rows.values_list("date", flat=True))
    assert last <= TODAY and TODAY - first <= timedelta(days=190) and TODAY - first >= timedelta(days=150)
    assert not InteractionPerson.objects.filter(account=account, person=account.me).exists()
    # Last contact is the latest dated contact of any kind (interactions, asks, favors, closed
    # loops: each is a touch), as `goodloop check` recomputes it.
    latest = check.latest_contact(account)
    for p in Person.objects.filter(account=account, is_me=False):
        assert p.last_touch == latest.get(p.id)


def test_favors_asks_introductions_leads_brief(loaded):
    account, _ = loaded
    favors = Favor.objects.filter(account=account)
    assert set(favors.values_list("direction", flat=True)) == {"received", "given"}
    assert favors.filter(direction="received").count() >= 20
    made = Ask.objects.filter(account=account, direction="made")
    texts = set(made.values_list("text", flat=True))
    assert "Do you know any companies I should target?" in texts
    assert "Could you introduce me to someone in product marketing at Northwind?" in texts
    assert len(set(made.values_list("status", flat=True))) >= 5
    assert made.filter(organizations__isnull=False).exists()
    assert Ask.objects.filter(account=account, direction="received").exists()

    me = account.me
    intros = Introduction.objects.filter(account=account)
    chain = intros.filter(introducee=me)
    # A chain: someone introduced me to X, then X introduced me onward.
    assert any(chain.filter(introducer=i.introduced).exists() for i in chain)
    assert intros.filter(introducer=me).exclude(introducee=me).exists()
    assert len(set(intros.values_list("status", flat=True))) >= 4

    leads = Lead.objects.filter(account=account)
    assert len(set(leads.values_list("stage", flat=True))) >= 4
    for lead in leads:
        history = list(LeadStageChange.objects.filter(lead=lead).order_by("date", "id"))
        assert history and history[-1].stage == lead.stage and history[-1].date == lead.stage_changed_on
    assert leads.filter(contributors__isnull=False).exists()
    brief = Brief.objects.get(account=account)
    assert brief.headline and brief.how_you_can_help and brief.roles_sought


def test_deterministic(db):
    a, b = new_account("A"), new_account("B")
    demo_service.load_demo(a, today=TODAY)
    demo_service.load_demo(b, today=TODAY)

    def snapshot(account):
        people = Person.objects.filter(account=account, is_me=False).order_by("id")
        return [(p.display_name, p.title, p.organization.name, p.tier, p.last_touch)
                for p in people.select_related("organization")]

    assert snapshot(a) == snapshot(b)
    assert (Interaction.objects.filter(account=a).count() == Interaction.objects.filter(account=b).count())


def test_dates_follow_today(db):
    a = new_account()
    later = TODAY + timedelta(days=100)
    demo_service.load_demo(a, today=later)
    assert max(Interaction.objects.filter(account=a).values_list("date", flat=True)) > TODAY


def test_second_load_is_idempotent(loaded):
    account, _ = loaded
    count = Person.objects.filter(account=account).count()
    again = demo_service.load_demo(account, today=TODAY)
    assert again.already_loaded and again.message == "the demo network is already loaded"
    assert Person.objects.filter(account=account).count() == count


def test_refused_on_a_store_with_real_people(account):
    people.add_person(account, "Jo Real", org="Acme", email="jo@acme.example")
    with pytest.raises(ServiceError) as err:
        demo_service.load_demo(account, today=TODAY)
    assert "--home" in err.value.message and "demo" in err.value.message
    assert Person.objects.filter(account=account, is_me=False).count() == 1


def test_refused_after_adding_own_people_to_the_demo(loaded):
    account, _ = loaded
    people.add_person(account, "Jo Real")
    with pytest.raises(ServiceError):
        demo_service.load_demo(account, today=TODAY)


def test_erase_keeps_only_the_account_and_me(loaded, db):
    account, _ = loaded
    other = new_account()
    demo_service.load_demo(other, today=TODAY)
    demo_service.erase(account)
    assert list(Person.objects.filter(account=account)) == [account.me]
    for model in (Organization, Interaction, Favor, Ask, Lead, Target, Introduction, Brief, ContactPoint, Role):
        assert not model.objects.filter(account=account).exists(), model
    # Another account is untouched, and the demo loads again after a reset.
    assert Person.objects.filter(account=other).count() > 200
    assert demo_service.load_demo(account, today=TODAY).people >= 200


def test_demo_fixture(demo):
    assert Person.objects.filter(account=demo, is_me=False).count() >= 200


def readable(draft: str) -> bool:
    """A draft that can be sent as written: greets someone by name, never calls the user "Me",
    fills every blank, brackets no pasted note, doubles no word, ends its sentence, stays short."""
    return (draft.startswith("Hi ") and not re.search(r"\bMe\b|[{}()\[\]]|\bNone\b", draft)
            and not re.search(r"\b(\w+)\s+\1\b", draft, re.IGNORECASE)
            and draft.rstrip()[-1] in ".!?" and len(draft.split()) < 120)


# Monday, Friday, Saturday and Sunday: the 3B7 follow-up counts business days.
@pytest.mark.parametrize("loaded_on", [date(2026, 12, 7), date(2026, 12, 11), date(2026, 12, 12), date(2026, 12, 13)])
def test_the_demo_opens_on_a_believable_day_and_stays_one_nearby(account, loaded_on):
    """A handful of items, a few overdue, each with a draft that reads well (issue 13): on the day the
    demo is loaded and on the days around it, whatever the weekday."""
    demo_service.load_demo(account, today=loaded_on)
    for offset in (-1, 0, 1, 2):
        items = agenda.today(account, loaded_on + timedelta(days=offset))
        overdue = [i for i in items if i.overdue_days > 0]
        assert 5 <= len(items) <= 9 and 1 <= len(overdue) <= 3, (offset, [(i.kind, i.overdue_days) for i in items])
        assert all(readable(i.draft) for i in items), [i.draft for i in items if not readable(i.draft)]
    day = {i.kind for i in agenda.today(account, loaded_on)}
    # The help loop at a glance: a thank-you, a report owed, a 3B7 step, a give, a check-in, reconnects.
    assert day == {"thank", "report", "follow_up", "give", "check_in", "reconnect"}


def _opening_day(account, day):
    from goodloop.helploop.models import Loop

    loops = sorted(Loop.objects.filter(account=account).values_list("person__display_name", "kind", "status", "due",
                                                                    "closed_on"))
    items = [(i.kind, i.person_name, i.due, i.overdue_days, i.draft) for i in agenda.today(account, day)]
    return loops, items


def test_the_demo_opens_on_the_same_day_whatever_the_database_ids(account):
    """PostgreSQL's sequences run on across stores and tests (SQLite's start again after a rollback):
    the same demo loaded when the ids start elsewhere closes the same loops on the same days, so Today
    is the same (ids once decided which thank-yous were late, which moved a last touch and lost the
    day's check-in on PostgreSQL after other tests)."""
    day = date(2026, 12, 7)
    demo_service.load_demo(account, today=day)
    first = _opening_day(account, day)
    scratch = new_account("Scratch")
    someone = Person.objects.create(account=scratch, display_name="Sam Scratch")
    for shift in (1, 2):
        Favor.objects.create(account=scratch, person=someone, direction="received", kind="advice", date=day)
        again = new_account(f"Again {shift}")
        demo_service.load_demo(again, today=day)
        assert _opening_day(again, day) == first, shift


def test_goodloop_demo_then_today_on_the_real_date(cli, account):
    assert cli("demo")[0] == 0
    code, out, _ = cli("today", "--json")
    items = json.loads(out)
    assert code == 0 and 5 <= len(items) <= 9 and 1 <= sum(i["overdue_days"] > 0 for i in items) <= 3
    assert all(readable(i["draft"]) for i in items)

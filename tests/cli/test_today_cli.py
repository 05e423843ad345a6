"""Today that helps (issue 13, items 3-4), through the CLI with --date: first steps on day one,
reconnects instead of "2242 days overdue", due-date order, one item per person, a daily cap,
snooze by key, and 3B7's second contact about the ask's organization with a real name."""

import json

import pytest

from goodloop.network.models import Person

DAY = "2026-11-02"  # a Monday


def j(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def add(cli):
    def add(*args):
        return j(cli, "person", "add", *args)

    return add


def test_day_one_proposes_first_steps_and_reconnects_not_overdue_check_ins(cli, add, account):
    add("Priya Core", "--org", "Larchmont", "--tier", "core")
    add("Kofi Close", "--org", "Wexford Labs", "--tier", "close")
    add("Dana Inside", "--org", "Stripe")
    for n in range(6):
        add(f"Wide Person{n}", "--org", "Elsewhere")
    Person.objects.filter(account=account, is_me=False).update(connected_on="2019-10-16")
    cli("target", "add", "Stripe")
    items = j(cli, "today", "--date", DAY)
    kinds = [x["kind"] for x in items]
    assert kinds[:2] == ["first_step", "first_step"] and "check_in" not in kinds
    steps = [x["key"] for x in items if x["kind"] == "first_step"]
    assert steps[:2] == ["first_step:name", "first_step:brief"] and steps[2].startswith("first_step:path")
    path = [x for x in items if x["key"].startswith("first_step:path")]
    assert path and path[0]["person"]["name"] == "Dana Inside" and "Stripe is your #1 target" in path[0]["reason"]
    reconnect = [x for x in items if x["kind"] == "reconnect"]
    assert [x["person"]["name"] for x in reconnect] == ["Priya Core", "Kofi Close", "Wide Person0"]
    assert reconnect[0]["reason"].startswith("Connected in 2019; no contact recorded; in your core circle")
    assert all(x["overdue_days"] == 0 for x in items)


def test_reconnect_names_the_target_and_snooze_hides_it(cli, add, account):
    add("Zoe Stripe", "--org", "Stripe")
    add("Yan Else", "--org", "Elsewhere")
    cli("target", "add", "Stripe")
    cli("log", "yan else", "--channel", "email", "--date", "2026-10-30")  # some history: no first steps
    items = j(cli, "today", "--date", DAY)
    assert [x["kind"] for x in items] == ["reconnect"]
    assert "works at Stripe, your #1 target" in items[0]["reason"]
    key = items[0]["key"]
    code, out, _ = cli("snooze", key, "--days", "3", "--date", DAY)
    assert code == 0 and "2026-11-05" in out
    assert j(cli, "today", "--date", DAY) == []
    assert [x["key"] for x in j(cli, "today", "--date", "2026-11-05")] == [key]
    code, _, err = cli("snooze", "bogus:1")
    assert code == 1 and "not an agenda item key" in err


def test_check_ins_by_due_date_capped_and_one_item_per_person(cli, add, account):
    for n in range(8):
        add(f"Close Friend{n}", "--tier", "close")
        cli("log", f"close friend{n}", "--channel", "call", "--date", f"2026-09-{10 + n:02d}")
    # I also owe Friend0 a thank-you: one item for them, the thank-you.
    cli("got", "close friend0", "--kind", "advice", "--date", "2026-10-31")
    items = j(cli, "today", "--date", DAY)
    check_ins = [x for x in items if x["kind"] == "check_in"]
    assert len(check_ins) == 5
    assert [x["due"] for x in check_ins] == sorted(x["due"] for x in check_ins)
    assert [x["person"]["name"] for x in check_ins][0] == "Close Friend1"
    people = [x["person"]["id"] for x in items]
    assert len(people) == len(set(people))
    assert [x["kind"] for x in items if x["person"]["name"] == "Close Friend0"] == ["thank"]
    more = j(cli, "today", "--date", DAY, "--check-ins", "7")
    assert len([x for x in more if x["kind"] == "check_in"]) == 7


def test_3b7_second_contact_is_about_the_asks_organization_and_names_someone(cli, add):
    add("Ana Asked", "--org", "Acme Payments", "--email", "ana@acme.example")  # the company that laid me off
    add("Ben Bluefin", "--org", "Bluefin Health")
    add("Cleo Acme", "--org", "Acme Payments")
    j(cli, "ask", "ana@acme.example", "Could you introduce me to the product team at Bluefin Health?",
      "--org", "Bluefin Health", "--date", DAY)
    j(cli, "ask", "cleo acme", "What do you think makes a strong product marketing portfolio?", "--date", DAY)
    items = j(cli, "today", "--date", "2026-11-05")
    by = {x["person"]["name"]: x for x in items if x["kind"] == "follow_up"}
    named = by["Ana Asked"]
    assert "about Bluefin Health" in named["reason"] and "Ben Bluefin works at Bluefin Health" in named["reason"]
    assert "Acme Payments" not in named["reason"] + named["draft"]
    assert named["draft"].startswith("Hi Ben,")
    vague = by["Cleo Acme"]
    assert "someone else who might know" in vague["reason"] and "Acme Payments" not in vague["reason"]
    # A nudge day never also brings a check-in to the same person.
    day8 = j(cli, "today", "--date", "2026-11-11")
    assert [x["kind"] for x in day8 if x["person"]["name"] == "Ana Asked"] == ["follow_up"]
    cli("nudged", str(named["ref"]["ask"]), "--date", "2026-11-11")
    assert not [x for x in j(cli, "today", "--date", "2026-11-12") if x["key"].startswith("follow_up:")
                and x["person"]["name"] == "Ana Asked"]

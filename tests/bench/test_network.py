"""The synthetic network generator and the LinkedIn export writer, at small sizes."""

import csv
from datetime import date

from bench import linkedin_export, network
from goodloop.helploop.models import Ask, Favor
from goodloop.network import people
from goodloop.network.models import (
    ContactPoint,
    Interaction,
    InteractionPerson,
    Organization,
    Person,
    Role,
)
from goodloop.search.models import Brief, Target

TODAY = date(2025, 6, 15)
SIZES = {"people": 300, "organizations": 40, "interactions": 3000, "favors": 200, "asks": 50}


def test_exact_counts(account):
    result = network.build(account, today=TODAY, **SIZES)
    assert result["people"] == Person.objects.filter(account=account, is_me=False).count() == 300
    assert Organization.objects.filter(account=account).count() == 40
    assert Interaction.objects.filter(account=account).count() == 3000
    assert InteractionPerson.objects.filter(account=account).count() == 3000
    assert Favor.objects.filter(account=account).count() == 200
    assert Ask.objects.filter(account=account).count() == 50
    assert list(Target.objects.filter(account=account).values_list("priority", flat=True)) == list(range(1, 9))
    assert Brief.objects.filter(account=account).exists()
    assert Role.objects.filter(account=account, current=True).count() == 300
    assert ContactPoint.objects.filter(account=account, kind="url").count() == 300


def test_rows_are_consistent(account):
    network.build(account, today=TODAY, **SIZES)
    others = Person.objects.filter(account=account, is_me=False).select_related("organization")
    for p in others[:50]:
        role = Role.objects.get(person=p, current=True)
        assert (role.organization_id, role.title) == (p.organization_id, p.title)
        emails = [c.value for c in ContactPoint.objects.filter(person=p, kind="email")]
        assert p.search_text == people.search_text(p, emails, p.organization.name)
    for cp in ContactPoint.objects.filter(account=account)[:100]:
        assert cp.key == people.contact_key(cp.kind, cp.value)
    touched = others.filter(last_touch__isnull=False)
    assert touched.exists() and all(p.last_touch <= TODAY for p in touched)
    # The query a People page runs works on the generated rows.
    assert people.search(account, query=others[0].display_name.split()[0]).exists()


def test_deterministic(account):
    from goodloop.accounts.models import Account

    other = Account.objects.create(name="B")
    other.me = Person.objects.create(account=other, display_name="Me", is_me=True)
    other.save()
    network.build(account, today=TODAY, **SIZES)
    network.build(other, today=TODAY, **SIZES)

    def names(acc):
        return list(Person.objects.filter(account=acc, is_me=False).order_by("id")
                    .values_list("display_name", "title", "organization__name", "last_touch"))

    assert names(account) == names(other)


def test_linkedin_export(tmp_path):
    path = linkedin_export.write(tmp_path / "Connections.csv", 500, today=TODAY)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode("utf-8-sig").split("\r\n")
    start = lines.index(",".join(linkedin_export.HEADER))
    assert start > 1
    data = list(csv.DictReader(lines[start:]))
    data = [r for r in data if r["First Name"]]
    assert len(data) == 500
    assert len({r["URL"] for r in data}) == 500
    assert sum(1 for r in data if r["Email Address"]) < 100
    assert any("," in r["Position"] for r in data)
    assert all(len(r["Connected On"].split()) == 3 for r in data)
    assert linkedin_export.write(tmp_path / "again.csv", 500, today=TODAY).read_bytes() == raw

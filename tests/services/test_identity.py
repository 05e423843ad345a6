"""Stable identities and lossless contacts (issue 16, items 1 and 2).

- every person has a random UUID: two stores built the same way share no UID;
- export → import into an empty store → export keeps every card, field by field, UID included,
  in vCard 4.0 and 3.0; the 3.0 file reads in vobject;
- an imported card's UID is kept and finds the same person on re-import, also after a merge.
"""

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import vobject

from goodloop.accounts import account as accounts
from goodloop.network import people
from goodloop.network import queries as network_queries
from goodloop.network.models import Connection, ContactPoint, Person, Role
from goodloop.transfer import exporter, merge
from goodloop.transfer.importer import import_file

ROOT = Path(__file__).resolve().parents[2]


def fresh_account(old):
    old.delete()
    return accounts.local_account()


def cards(data: bytes) -> dict[str, list[str]]:
    """Each card of an export by its UID: its unfolded lines, RELATED sorted (their order is not a field)."""
    text = re.sub(r"\r\n[ \t]", "", data.decode("utf-8"))
    out = {}
    for block in text.split("BEGIN:VCARD\r\n")[1:]:
        lines = block.split("\r\n")
        uid = next(line for line in lines if line.startswith("UID:"))
        related = sorted(x for x in lines if "RELATED" in x)
        out[uid] = [x for x in lines if "RELATED" not in x] + related
    return out


def _goodloop(home: Path, *args: str) -> bytes:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_SETTINGS_MODULE", "GOODLOOP_DATABASE_URL", "GOODLOOP_TEST_DATABASE_URL")}
    env.update(GOODLOOP_HOME=str(home), PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", "from goodloop.cli.main import entry; entry()", *args],
                          env=env, capture_output=True, timeout=180, cwd=ROOT)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_two_stores_built_alike_share_no_uid(tmp_path):
    """The old UID was derived from the local id, so person #2 of every store had the same one."""
    exports = []
    for name in ("a", "b"):
        _goodloop(tmp_path / name, "demo")
        exports.append(cards(_goodloop(tmp_path / name, "export", "vcard")))
    a, b = exports
    assert len(a) == len(b) == 250
    assert not set(a) & set(b)
    # same people with the same local ids on both sides, each with its own UID
    names_a = sorted(next(x for x in card if x.startswith("FN:")) for card in a.values())
    names_b = sorted(next(x for x in card if x.startswith("FN:")) for card in b.values())
    assert names_a == names_b


def test_every_person_has_a_uuid_unique_in_the_store(demo):
    uids = list(Person.objects.filter(account=demo).values_list("uid", flat=True))
    assert len(uids) == len(set(uids)) == 251 and all(u.version == 4 for u in uids)


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_demo_export_import_export_keeps_every_card(demo, version):
    first = exporter.export(demo, "vcard", version=version)
    before = cards(first)
    assert len(before) == 250
    text = first.decode()
    # the demo carries the fields an import used to drop
    for needle in ("BDAY:", "ADR;TYPE=", "TYPE=cell", "TYPE=work", "RELATED"):
        assert needle in text, needle
    assert re.search(r"\r\nN:[^;\r]*;[^;\r]*;[^;\r]*;Dr\.;", text), "a name prefix"
    assert re.search(r"\r\nORG:[^\r]*;[A-Z]", text), "a department"
    account = fresh_account(demo)
    report = import_file(account, first)
    assert (report.created, report.errors, report.merge_suggestions) == (250, [], [])
    again = cards(exporter.export(account, "vcard", version=version))
    assert again == before  # every field of every card, UID and RELATED included
    assert import_file(account, first).unchanged == 250


def test_vcard30_reads_in_vobject_without_stray_backslashes(account):
    ana = people.add_person(account, "Ana Souza", org="Globex", title="VP; Growth, EMEA", email="ana@globex.example")
    Person.objects.filter(id=ana.id).update(notes="Met at the fair; likes tea, not coffee.\nSecond line",
                                            birthday=date(1990, 5, 17), name_prefix="Dr.", name_suffix="PhD")
    Role.objects.filter(person=ana).update(department="Marketing; Brand")
    data = exporter.export(account, "vcard", version="3.0")
    assert b"NOTE:Met at the fair; likes tea\\, not coffee.\\nSecond line" in data  # no backslash before ;
    assert b"TITLE:VP; Growth\\, EMEA" in data
    (card,) = list(vobject.readComponents(data.decode()))
    assert card.version.value == "3.0"
    assert card.fn.value == "Ana Souza"
    assert card.note.value == "Met at the fair; likes tea, not coffee.\nSecond line"
    assert card.title.value == "VP; Growth, EMEA"
    assert card.org.value == ["Globex", "Marketing; Brand"]
    assert (card.n.value.prefix, card.n.value.suffix, card.n.value.given) == ("Dr.", "PhD", "Ana")
    assert card.bday.value == "1990-05-17"
    assert card.uid.value == f"urn:uuid:{Person.objects.get(id=ana.id).uid}"
    assert card.email.value == "ana@globex.example" and "INTERNET" in [t.upper() for t in card.email.type_paramlist]


def test_an_imported_uid_is_kept_and_matched_on_reimport(account):
    card = ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0C4B1F8E-2D3A-4A6B-9D1E-1F2A3B4C5D6E\r\nFN:Sofía Hernández\r\n"
            "EMAIL;TYPE=work:sofia@startup.example\r\nTEL;TYPE=cell:+1 212 555 0147\r\n"
            "ADR;TYPE=home:;;12 Elm St;Brooklyn;NY;11201;USA\r\nBDAY:19880215\r\nEND:VCARD\r\n")
    assert import_file(account, card.encode()).created == 1
    sofia = Person.objects.get(account=account, is_me=False)
    assert str(sofia.uid) == "0c4b1f8e-2d3a-4a6b-9d1e-1f2a3b4c5d6e"
    assert sofia.birthday == date(1988, 2, 15) and sofia.location == "Brooklyn, NY, USA"
    assert sofia.addresses == [{"label": "home", "street": "12 Elm St", "locality": "Brooklyn", "region": "NY",
                                "postcode": "11201", "country": "USA"}]
    assert dict(ContactPoint.objects.filter(person=sofia).values_list("value", "label")) == {
        "sofia@startup.example": "work", "+1 212 555 0147": "cell"}
    # the same card with a new email and a new phone: the UID says it is Sofía
    moved = card.replace("sofia@startup.example", "sofia@newjob.example").replace("0147", "0199")
    report = import_file(account, moved.encode())
    assert (report.created, report.updated) == (0, 1)
    assert Person.objects.filter(account=account, is_me=False).count() == 1


def test_a_merge_keeps_the_uid_and_the_merged_card_still_finds_the_person(account):
    a = people.add_person(account, "Bo Lin", email="bo@one.example")
    b = people.add_person(account, "Bo Lin", email="bo@two.example")
    uid_a, uid_b = Person.objects.get(id=a.id).uid, Person.objects.get(id=b.id).uid
    old_card = exporter.export(account, "vcard")
    kept = merge.merge_people(account, a, b)
    assert Person.objects.get(id=kept.id).uid == uid_a
    ContactPoint.objects.filter(account=account).delete()  # nothing but the UID left to match on
    report = import_file(account, old_card)
    assert (report.created, report.unchanged + report.updated) == (0, 2)
    undone = merge.undo(account, network_queries.merge_history(account, Person.objects.get(id=a.id))[0].id)
    assert Person.objects.get(id=undone.id).uid == uid_b


def test_related_cards_become_who_we_met_through_and_links(account):
    text = ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:{a}\r\nFN:Ada One\r\nRELATED;TYPE=contact:urn:uuid:{b}\r\n"
            "RELATED;TYPE=contact:urn:uuid:{c}\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:{b}\r\nFN:Bo Two\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:{c}\r\nFN:Cy Three\r\n"
            "X-GOODLOOP-RELATED;TYPE=contact:urn:uuid:{b}\r\nEND:VCARD\r\n")
    ids = {"a": "11111111-1111-4111-8111-111111111111", "b": "22222222-2222-4222-8222-222222222222",
           "c": "33333333-3333-4333-8333-333333333333"}
    assert import_file(account, text.format(**ids).encode()).created == 3
    by_name = {p.display_name: p for p in Person.objects.filter(account=account, is_me=False)}
    assert by_name["Ada One"].met_through_id == by_name["Bo Two"].id
    assert by_name["Cy Three"].met_through_id == by_name["Bo Two"].id
    assert list(Connection.objects.filter(account=account).values_list("a_id", "b_id")) == [
        (by_name["Ada One"].id, by_name["Cy Three"].id)]
    assert import_file(account, text.format(**ids).encode()).unchanged == 3
    assert Connection.objects.filter(account=account).count() == 1

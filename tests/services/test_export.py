"""Exports: JSON backup → restore → backup is byte-identical; vCard → import keeps people whole."""

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest

from goodloop.accounts import account as accounts
from goodloop.accounts.models import Account
from goodloop.errors import ServiceError
from goodloop.helploop.models import Loop
from goodloop.network import people
from goodloop.network.models import Person
from goodloop.transfer import backup, exporter
from goodloop.transfer.importer import import_file


def fresh_account(old) -> Account:
    """An empty store: the old account and everything in it gone, a new local account."""
    old.delete()
    return accounts.local_account()


def shape(account) -> list[tuple]:
    qs = people.with_summary_data(Person.objects.filter(account=account, is_me=False))
    out = []
    for p in qs:
        s = people.summary(p)
        out.append((s["name"], sorted(s["emails"]), sorted(s["phones"]), sorted(s["urls"]), s["organization"],
                    s["title"], sorted(t.casefold() for t in s["tags"])))
    return sorted(out)


def test_json_backup_restore_backup_is_byte_identical(demo):
    first = exporter.export(demo, "json")
    doc = json.loads(first)
    assert doc["format"] == "goodloop-backup"
    tables = doc["tables"]
    for label in ("network.person", "network.contactpoint", "network.tag", "network.organization", "network.role",
                  "network.interaction", "network.interactionperson", "network.connection", "helploop.ask",
                  "helploop.favor", "leads.introduction", "leads.lead", "leads.leadstagechange", "leads.target",
                  "leads.brief", "network.importbatch", "network.sourcerecord"):
        assert tables[label]["rows"], label
    assert doc["m2m"]["network.person.tags"] and doc["m2m"]["leads.lead.contributors"]
    assert exporter.export(demo, "json") == first  # deterministic

    account = fresh_account(demo)
    counts = backup.restore(account, first)
    assert counts["persons"] == len(tables["network.person"]["rows"])
    account.refresh_from_db()
    assert exporter.export(account, "json") == first
    assert account.me.is_me and account.me_id == doc["account"]["me"]


def test_restore_refuses_a_store_with_data_and_bad_files(demo):
    data = exporter.export(demo, "json")
    with pytest.raises(ServiceError, match="restore needs an empty store"):
        backup.restore(demo, data)
    account = fresh_account(demo)
    for bad in (b"not json", b'{"format": "other"}', b'{"format": "goodloop-backup", "version": 99}'):
        with pytest.raises(ServiceError, match="backup"):
            backup.restore(account, bad)
    assert backup.is_empty(account)


def test_vcard_export_then_import_into_an_empty_store_keeps_the_people(demo):
    expected = shape(demo)
    card = exporter.export(demo, "vcard")
    assert card.count(b"BEGIN:VCARD") == len(expected)
    assert b"CATEGORIES:" in card and b"RELATED;TYPE=contact:urn:uuid:" in card
    account = fresh_account(demo)
    report = import_file(account, card)
    assert (report.created, report.errors) == (len(expected), [])
    assert shape(account) == expected
    assert import_file(account, card).unchanged == len(expected)


def test_csv_and_ics_exports(account):
    ana = people.add_person(account, "Ana Souza", org="Globex", title="PM", email="ana@globex.example",
                            tags=["Mentors"])
    Loop.objects.create(account=account, person=ana, kind="thank", due=date(2025, 3, 4), reason="she introduced me",
                        opened_on=date(2025, 3, 2))
    Loop.objects.create(account=account, person=ana, kind="report", due=date(2025, 4, 1), reason="done one",
                        opened_on=date(2025, 3, 2), status="done")
    data = exporter.export(account, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    header, row = data.decode("utf-8-sig").splitlines()[:2]
    assert header.startswith("First Name,Middle Name,Last Name,Name Prefix,Name Suffix")
    assert row.startswith("Ana,,Souza,,,,,Globex,PM,,,,Mentors ::: * myContacts,,ana@globex.example")
    ics = exporter.export(account, "ics", now=datetime(2025, 3, 1, tzinfo=UTC)).decode()
    assert ics.count("BEGIN:VEVENT") == 1 and "BEGIN:VALARM" in ics
    assert "SUMMARY:Thank Ana Souza" in ics and "DTSTART;VALUE=DATE:20250304" in ics
    todo = exporter.export(account, "ics", now=datetime(2025, 3, 1, tzinfo=UTC), todo=True).decode()
    assert todo.count("BEGIN:VTODO") == 1 and "DUE;VALUE=DATE:20250305" in todo
    with pytest.raises(ServiceError):
        exporter.export(account, "xml")


def test_csv_export_then_import_into_an_empty_store_keeps_the_people(demo):
    expected = shape(demo)
    data = exporter.export(demo, "csv")
    account = fresh_account(demo)
    report = import_file(account, data)
    assert (report.format, report.created, report.errors) == ("google", len(expected), [])
    assert shape(account) == expected
    assert import_file(account, data).unchanged == len(expected)
    # birthday, prefix and suffix, department, addresses and email/phone types made the trip too; the
    # Custom Field columns (goodloop's tier, trust stage, connected on) are not contact data an import sets
    assert contact_rows(exporter.export(account, "csv")) == contact_rows(data)


def contact_rows(data: bytes) -> list[tuple]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return sorted(tuple((k, v) for k, v in row.items() if v and not k.startswith("Custom Field")) for row in rows)

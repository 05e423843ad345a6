"""Importing contacts: exact results on the format fixtures, dedupe, merge, idempotence, reports."""

from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goodloop.errors import ServiceError
from goodloop.network import people
from goodloop.network.models import ContactPoint, ImportBatch, Organization, Person, Role, SourceRecord
from goodloop.transfer import bulk_sql
from goodloop.transfer.importer import import_file

FMT = Path(__file__).parent.parent / "formats" / "fixtures"
FIX = Path(__file__).parent / "fixtures"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def imp(account, name, folder=FMT, **kw):
    return import_file(account, (folder / name).read_bytes(), filename=name, **kw)


def person(account, name) -> dict:
    p = people.with_summary_data(Person.objects.filter(account=account)).get(display_name=name)
    data = people.summary(p)
    data["connected_on"] = p.connected_on
    data["roles"] = sorted((r.organization.name, r.title, r.current) for r in p.roles.all())
    return data


def counts(account):
    return tuple(m.objects.filter(account=account).count()
                 for m in (Person, ContactPoint, Role, Organization, SourceRecord, ImportBatch))


@pytest.mark.parametrize("name, fmt, rows, created, errors", [
    ("linkedin_connections.csv", "linkedin", 6, 5, [5]),
    ("linkedin_old_no_url.csv", "linkedin", 3, 3, []),
    ("google_current.csv", "google", 4, 3, [3]),
    ("google_legacy.csv", "google", 3, 2, [3]),
    ("outlook_cp1252.csv", "outlook", 3, 2, [3]),
    ("vcard21_android.vcf", "vcard", 3, 2, [3]),
    ("vcard21_outlook.vcf", "vcard", 1, 1, []),
    ("vcard30_apple.vcf", "vcard", 3, 2, [3]),
    ("vcard30_google.vcf", "vcard", 1, 1, []),
    ("vcard40_monica.vcf", "vcard", 2, 2, []),
    ("vcard_broken.vcf", "vcard", 4, 3, [2]),
])
def test_every_fixture_imports_with_exact_counts_and_reimports_unchanged(account, name, fmt, rows, created, errors):
    report = imp(account, name).as_dict()
    assert (report["format"], report["rows"], report["created"], report["updated"], report["unchanged"]) == (
        fmt, rows, created, 0, 0)
    assert [e["row"] for e in report["errors"]] == errors
    assert Person.objects.filter(account=account, is_me=False).count() == created
    before = counts(account)
    again = imp(account, name).as_dict()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, created)
    assert counts(account)[:5] == before[:5]  # only the batch of the re-import is new


def test_linkedin_fields_roles_and_source_records(account):
    report = imp(account, "linkedin_connections.csv")
    ana = person(account, "Ana Souza")
    assert ana["emails"] == ["ana.souza@example.com"]
    assert ana["urls"] == ["https://www.linkedin.com/in/ana-souza-4b2a1c"]
    assert (ana["organization"], ana["title"]) == ("Globex, Inc.", "Product Manager")
    assert ana["roles"] == [("Globex, Inc.", "Product Manager", True)]
    assert ana["connected_on"] == date(2024, 3, 12)
    bob = person(account, "Bob O'Brien")
    assert (bob["organization"], bob["title"], bob["emails"]) == ("Initech", "Director, Engineering", [])
    assert person(account, "Chen Wei")["organization"] is None
    dana = Person.objects.get(account=account, display_name="Dana Müller")
    assert dana.organization.normalized_name == "müller & söhne"
    assert "dana müller" in dana.search_text and "head of" in dana.search_text
    records = SourceRecord.objects.filter(account=account).order_by("row")
    assert [(r.row, r.format, r.action, r.batch_id) for r in records] == [
        (n, "linkedin", "created", report.batch_id) for n in (1, 2, 3, 4, 6)]
    assert ImportBatch.objects.get(id=report.batch_id).report["created"] == 5


def test_google_contact_keeps_every_value(account):
    imp(account, "google_current.csv")
    alice = person(account, "Alice Q Walker")
    assert alice["emails"] == ["alice@umbrella.example", "a.walker@gmail.example", "alice@home.example"]
    assert alice["phones"] == ["+1 415-555-0101", "(415) 555-0102", "+44 20 7946 0958"]
    assert alice["urls"] == ["https://www.linkedin.com/in/alicewalker", "https://alice.example/blog"]
    assert alice["tags"] == ["Job Search", "Mentors"]
    assert (alice["organization"], alice["title"]) == ("Umbrella Corp", "VP Research")
    assert Person.objects.get(account=account, display_name="Alice Q Walker").location == "San Francisco, CA, US"


def test_one_person_across_linkedin_google_and_vcard(account):
    first = imp(account, "cross_linkedin.csv", FIX)
    assert (first.created, first.merge_suggestions) == (3, [])  # two Sam Lees with different URLs
    second = imp(account, "cross_google.csv", FIX)
    third = imp(account, "cross_vcard.vcf", FIX)
    assert (second.created, second.updated, third.created, third.updated) == (0, 1, 0, 1)
    assert Person.objects.filter(account=account, display_name="Ana Souza").count() == 1
    ana = person(account, "Ana Souza")
    assert ana["emails"] == ["ana@globex.example", "ana.home@mail.example"]
    assert ana["phones"] == ["+1 415 555 0111", "+1 650 555 0199"]  # (415) 555-0111 is the same number
    assert ana["urls"] == ["https://www.linkedin.com/in/ana-souza-4b2a1c", "https://ana.example"]
    assert ana["tags"] == ["Friends", "Mentors"]
    assert ana["roles"] == [("Globex, Inc.", "Product Manager", True)]  # "Globex" is the same organization
    assert ana["connected_on"] == date(2024, 3, 12)
    p = Person.objects.get(account=account, display_name="Ana Souza")
    assert p.notes == "Met at the product meetup."
    assert sorted(p.source_records.values_list("format", flat=True)) == ["google", "linkedin", "vcard"]
    for name in ("cross_linkedin.csv", "cross_google.csv", "cross_vcard.vcf"):
        again = imp(account, name, FIX)
        assert (again.created, again.updated) == (0, 0)


def test_same_name_different_linkedin_urls_are_two_people_without_suggestion(account):
    imp(account, "cross_linkedin.csv", FIX)
    sams = Person.objects.filter(account=account, display_name="Sam Lee")
    assert sams.count() == 2
    data = HEADER + "Sam,Lee,https://www.linkedin.com/in/sam-lee-3,,Acme,Engineer,1 Jan 2020\r\n"
    report = import_file(account, data.encode())
    assert (report.created, report.merge_suggestions) == (1, [])
    assert sams.count() == 3


def test_same_name_without_a_shared_key_is_only_a_suggestion(account):
    imp(account, "cross_linkedin.csv", FIX)
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nEMAIL:other.ana@mail.example\r\nORG:Globex\r\nEND:VCARD\r\n"
    report = import_file(account, card).as_dict()
    assert report["created"] == 1
    anas = list(Person.objects.filter(account=account, display_name="Ana Souza").order_by("id"))
    assert len(anas) == 2
    (s,) = report["merge_suggestions"]
    assert s["a"] == {"id": anas[0].id, "name": "Ana Souza"}
    assert s["b"] == {"id": anas[1].id, "name": "Ana Souza", "row": 1}
    assert "same name at the same organization" in s["reason"]
    dry = import_file(account, card.replace(b"other.ana", b"third.ana"), dry_run=True).merge_suggestions
    assert dry[0]["b"] == {"name": "Ana Souza", "row": 1}
    near = import_file(account, b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souzaa\r\nORG:Globex Inc\r\nEND:VCARD\r\n")
    assert any(x["reason"] == "near-identical name at the same organization" for x in near.merge_suggestions)


def test_a_record_bridging_two_people_merges_them(account):
    a = people.add_person(account, "Pat Doe", email="pat@work.example", org="Acme", title="Engineer")
    b = people.add_person(account, "Patricia Doe", url="https://www.linkedin.com/in/patdoe")
    card = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pat Doe\r\nEMAIL:pat@work.example\r\n"
            b"URL:https://www.linkedin.com/in/patdoe\r\nTEL:+1 212 555 0100\r\nEND:VCARD\r\n")
    report = import_file(account, card)
    assert (report.created, report.updated, report.merged) == (0, 1, 1)
    assert not Person.objects.filter(id=b.id).exists()
    pat = person(account, "Pat Doe")
    assert pat["id"] == a.id
    assert pat["emails"] == ["pat@work.example"]
    assert pat["urls"] == ["https://www.linkedin.com/in/patdoe"]
    assert pat["phones"] == ["+1 212 555 0100"]
    assert (pat["organization"], pat["title"]) == ("Acme", "Engineer")


def test_differing_linkedin_url_wins_over_a_shared_email(account):
    people.add_person(account, "Kim Park", email="team@shared.example", url="https://www.linkedin.com/in/kim-1")
    data = HEADER + "Kim,Park,https://www.linkedin.com/in/kim-2,team@shared.example,,,\r\n"
    report = import_file(account, data.encode())
    assert report.created == 1
    assert Person.objects.filter(account=account, display_name="Kim Park").count() == 2
    assert report.merge_suggestions[0]["reason"] == "shares an email or phone but has a different LinkedIn URL"


def test_newest_current_role_wins_and_earliest_connection_date(account):
    imp(account, "linkedin_connections.csv")
    data = HEADER + ("Ana,Souza,https://www.linkedin.com/in/ana-souza-4b2a1c,,Initech,VP Product,1 Jan 2020\r\n")
    report = import_file(account, data.encode())
    assert report.updated == 1
    ana = person(account, "Ana Souza")
    assert (ana["organization"], ana["title"]) == ("Initech", "VP Product")
    assert ana["roles"] == [("Globex, Inc.", "Product Manager", False), ("Initech", "VP Product", True)]
    assert ana["connected_on"] == date(2020, 1, 1)
    assert "initech" in Person.objects.get(id=ana["id"]).search_text
    assert import_file(account, data.encode()).unchanged == 1


def test_dry_run_reports_and_writes_nothing(account):
    before = counts(account)
    report = imp(account, "google_current.csv", dry_run=True)
    assert (report.created, report.dry_run, report.batch_id) == (3, True, None)
    assert counts(account) == before


def test_bad_rows_are_reported_and_skipped(account):
    data = HEADER + "A,B,,,Acme, Inc,CEO,1 Jan 2020\r\nC,D,,,Acme,CEO,1 Jan 2020\r\n,,,,,,\r\n"
    report = import_file(account, data.encode()).as_dict()
    assert report["rows"] == 2 and report["created"] == 1
    assert report["errors"] == [{"row": 1, "message": "row has 8 fields but the header has 7"}]


@pytest.mark.parametrize("data, fmt, message", [
    ((FMT / "google_current.csv").read_bytes(), "linkedin", "not a LinkedIn Connections.csv export"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "auto", "not a contacts file"),
    (b"just, some\ncsv, text\n", "auto", "not a contacts file"),
    (b"", "vcard", "empty"),
    (b"First Name,Last Name\n", "excel", "unknown format"),
])
def test_a_file_that_is_not_the_format_is_one_error_and_writes_nothing(account, data, fmt, message):
    before = counts(account)
    with pytest.raises(ServiceError) as err:
        import_file(account, data, format=fmt)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert counts(account) == before


def linkedin_rows(n: int, offset: int = 0) -> bytes:
    rows = [f"Given{i},Family{i},https://www.linkedin.com/in/p-{i},{f'p{i}@x.example' if i % 5 == 0 else ''},"
            f"Org {offset + i % 7},Title {i % 3},{1 + i % 28} Mar 2021\r\n" for i in range(offset, offset + n)]
    return ("Notes:\r\n\r\n" + HEADER + "".join(rows)).encode()


def test_rows_go_in_as_many_row_statements_full_ones_and_the_rest(account, monkeypatch):
    monkeypatch.setattr(bulk_sql, "ROWS_PER_STATEMENT", 7)  # 50 rows: seven full statements and one of 1
    with CaptureQueriesContext(connection) as ctx:
        report = import_file(account, linkedin_rows(50), filename="x.csv")
    assert (report.created, report.errors) == (50, [])
    inserts = [q["sql"].split(": ", 1)[0] for q in ctx.captured_queries if 'INSERT INTO "network_person" (' in q["sql"]]
    assert len(inserts) == 2 and inserts[0] == "7 times" and inserts[1].startswith("INSERT")  # and the rest
    for i in range(50):
        p = Person.objects.get(account=account, display_name=f"Given{i} Family{i}")
        assert p.created == p.updated and p.search_text == f"given{i} family{i} title {i % 3} org {i % 7}" + (
            f" p{i}@x.example" if i % 5 == 0 else "")
        assert sorted(ContactPoint.objects.filter(person=p).values_list("kind", "key", "label")) == sorted(
            [("url", f"linkedin.com/in/p-{i}", "")] + ([("email", f"p{i}@x.example", "")] if i % 5 == 0 else []))
        assert list(p.roles.values_list("organization__name", "title", "current")) == [(f"Org {i % 7}",
                                                                                     f"Title {i % 3}", True)]
        assert list(p.source_records.values_list("row", "action", "format", "batch_id")) == [
            (i + 1, "created", "linkedin", report.batch_id)]
    assert Role.objects.filter(account=account).count() == 50
    assert SourceRecord.objects.filter(account=account).count() == 50
    again = import_file(account, linkedin_rows(50))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 50)


def test_queries_do_not_grow_with_the_rows(account):
    def queries(data):
        with CaptureQueriesContext(connection) as ctx:
            import_file(account, data)
        return len(ctx)

    small = queries(linkedin_rows(50))
    large = queries(linkedin_rows(500, offset=1000))
    assert small == large
    assert queries(linkedin_rows(500, offset=1000)) <= large  # the re-import: no more than the import


def test_names_folded_to_ascii_are_suggested_as_duplicates(account):
    """Issue 16: "Łukasz" and "Lukasz" at one company were not suggested (NFKD leaves Ł alone)."""
    text = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            "Łukasz,Nowak,,lukasz@one.example,Acme,PM,12 Mar 2024\r\n"
            "Lukasz,Nowak,,l.nowak@two.example,Acme,PM,12 Mar 2024\r\n")
    report = import_file(account, text.encode())
    assert report.created == 2
    assert [(s["a"]["name"], s["b"]["name"]) for s in report.merge_suggestions] == [("Łukasz Nowak", "Lukasz Nowak")]

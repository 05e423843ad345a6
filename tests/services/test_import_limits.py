"""Issue 17, items 2 and 3 for imports: what a row may store is the same on SQLite and PostgreSQL.

An over-long organization, a NUL, a name of invisible characters or a `javascript:` link is
cleaned with a row warning (or the row is a row error), never an aborted import.
"""

import pytest

from goodloop.network.models import ContactPoint, Organization, Person, Tag
from goodloop.transfer.importer import import_file

LONG_ORG = "Acme " + "Very Long Holding " * 25 + "Inc."  # 459 characters
LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
GOOGLE = "First Name,Last Name,E-mail 1 - Value,Organization Name,Labels,Notes\r\n"


def vcard(*lines: str) -> bytes:
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(f"{x}\r\n" for x in lines) + "END:VCARD\r\n").encode()


@pytest.mark.parametrize("data", [
    (LINKEDIN + f"Ada,Lovelace,https://www.linkedin.com/in/ada,,{LONG_ORG},Engineer,1 Jan 2020\r\n").encode(),
    (GOOGLE + f"Ada,Lovelace,ada@x.example,{LONG_ORG},,\r\n").encode(),
    vcard("FN:Ada Lovelace", "EMAIL:ada@x.example", f"ORG:{LONG_ORG}"),
], ids=["linkedin", "google", "vcard"])
def test_an_organization_name_over_300_characters_imports_and_matches_again(account, data):
    report = import_file(account, data)
    assert (report.created, report.errors) == (1, [])
    (org,) = Organization.objects.filter(account=account)
    assert len(org.name) <= 300 and len(org.normalized_name) <= 300
    assert org.name == LONG_ORG[:300]
    assert import_file(account, data).unchanged == 1
    assert Organization.objects.filter(account=account).count() == 1


def test_control_characters_are_removed_with_a_warning(account):
    # (a NUL makes the whole file binary: refused before any row; the API and restore meet NUL itself)
    data = GOOGLE + "Ada,Love\x1blace,ada@x.example,Ac\x07me,friends,\"line one\nline two\"\r\n"
    report = import_file(account, data.encode())
    assert (report.created, report.errors) == (1, [])
    assert report.warnings == [{"row": 1, "message": "control characters removed"}]
    p = Person.objects.get(account=account, is_me=False)
    assert (p.display_name, p.organization.name) == ("Ada Lovelace", "Acme")
    assert p.notes.startswith("line one\nline two")
    assert list(Tag.objects.filter(account=account).values_list("name", flat=True)) == ["friends"]
    assert report.as_dict()["warnings"] == report.warnings


def test_a_name_of_invisible_characters_only_is_dropped_or_the_row_refused(account):
    zw = "\u200b\u200c\u202e\u2066"
    report = import_file(account, vcard(f"FN:{zw}", "EMAIL:ghost@x.example") + vcard(f"FN:{zw}", f"N:{zw};;;;"))
    assert report.created == 1
    assert report.warnings == [{"row": 1, "message": "name dropped: it has no visible character"}]
    assert [e["row"] for e in report.errors] == [2]
    assert "no visible name" in report.errors[0]["message"]
    assert Person.objects.get(account=account, is_me=False).display_name == "ghost@x.example"


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "JaVaScRiPt:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://x.example/"])
def test_a_link_that_is_not_http_is_dropped_with_a_warning(account, url):
    report = import_file(account, vcard("FN:Ada Lovelace", f"URL:{url}", "URL:https://ada.example/"))
    assert (report.created, report.errors) == (1, [])
    (w,) = report.warnings
    assert w["row"] == 1 and w["message"].startswith("web address dropped (only http and https links are kept)")
    assert list(ContactPoint.objects.filter(account=account, kind="url").values_list("value", flat=True)) == [
        "https://ada.example/"]


def test_tags_that_differ_after_100_characters_are_one_tag(account):
    base = "t" * 100
    report = import_file(account, (GOOGLE + f"Ada,Lovelace,ada@x.example,,{base}a ::: {base}b,\r\n").encode())
    assert (report.created, report.errors) == (1, [])
    assert list(Tag.objects.filter(account=account).values_list("name", flat=True)) == [base]


def test_a_connection_date_out_of_range_is_dropped_with_a_warning(account):
    data = (LINKEDIN + "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,31 Dec 9999\r\n").encode()
    report = import_file(account, data)
    assert (report.created, report.errors) == (1, [])
    assert report.warnings == [{"row": 1, "message": "connected on dropped: 9999-12-31 is out of range: "
                                                     "dates run from 1900-01-01 to 2200-12-31"}]
    assert Person.objects.get(account=account, is_me=False).connected_on is None

from datetime import date
from pathlib import Path

import pytest

from goodloop.formats import vcard
from goodloop.formats.records import FormatError, RoleRecord

FIX = Path(__file__).parent / "fixtures"


def parse(name):
    return vcard.parse((FIX / name).read_bytes())


def test_vcard21_android_quoted_printable_and_photo():
    result = parse("vcard21_android.vcf")
    assert (result.format, result.layout, result.rows) == ("vcard", "vcard-2.1", 3)
    assert [(e.row, e.message) for e in result.errors] == [(3, "no name, email, phone or LinkedIn URL")]
    jurgen, maria = result.records
    assert (jurgen.given_name, jurgen.family_name, jurgen.display_name) == (
        "Jürgen",
        "Müller",
        "Jürgen Müller",
    )
    assert jurgen.phones == ["+49 151 2345 6789", "+49 30 1234567"]
    assert jurgen.emails == ["juergen@example.de"]
    assert jurgen.roles == [RoleRecord("Straßenbau AG", "Ingenieur", True, "Planung")]
    assert (
        jurgen.notes
        == "Erste Zeile\nZweite Zeile mit einer sehr langen Beschreibung, die umgebrochen werden muss"
    )
    # ISO-8859-1 charset inside quoted-printable
    assert (maria.given_name, maria.family_name) == ("María", "García")
    assert maria.phones == ["+34 600 111 222"]
    assert (
        maria.photo is not None and maria.photo.startswith(b"\xff\xd8") and maria.photo.endswith(b"\xff\xd9")
    )


def test_vcard30_apple_item_groups_and_escapes():
    result = parse("vcard30_apple.vcf")
    assert (result.layout, result.rows) == ("vcard-3.0", 3)
    assert [(e.row, e.message) for e in result.errors] == [(3, "a contact group card, not a person")]
    johnny, yuki = result.records
    assert (johnny.prefix, johnny.given_name, johnny.additional_name, johnny.family_name, johnny.suffix) == (
        "Mr.",
        "Johnny",
        "Q.",
        "Appleseed",
        "Jr.",
    )
    assert johnny.display_name == "Johnny Q. Appleseed"
    assert johnny.emails == ["johnny@orchard.example", "johnny.a@mac.example"]
    assert johnny.phones == ["(408) 555-0199", "+1 408 555 0100"]
    assert johnny.linkedin_url == "https://www.linkedin.com/in/johnny-appleseed-01"
    assert johnny.urls == ["https://orchard.example"]  # the X-SOCIALPROFILE duplicate is not repeated
    assert johnny.roles == [RoleRecord("Orchard Holdings, Inc.", "Chief Planter", True, "Seeds")]
    assert johnny.tags == ["Mentors", "Investors"]
    assert (
        johnny.notes
        == "Introduced by Ana at the orchard meetup.\nFollow up about seed funding; bring samples."
    )
    assert johnny.location == "Cupertino, CA, United States"
    assert johnny.birthday is None  # X-APPLE-OMIT-YEAR
    assert johnny.photo is not None and johnny.photo[:2] == b"\xff\xd8"

    assert yuki.roles == [RoleRecord("Kaisha K.K.", "Engineering Manager", True)]
    assert yuki.notes == (
        "This is a long note that has been folded by the exporter because it is longer "
        "than seventy-five octets, as RFC 2425 requires."
    )
    assert yuki.birthday == date(1990, 7, 4)


def test_vcard30_google_escaped_url_and_system_category():
    (lena,) = parse("vcard30_google.vcf").records
    assert lena.linkedin_url == "https://www.linkedin.com/in/lenafischer"
    assert lena.tags == ["Coaches"]  # myContacts dropped
    assert lena.roles == [RoleRecord("Fischer Consulting", "Principal", True)]
    assert lena.phones == ["+49 170 1234567"]


def test_vcard21_outlook():
    result = parse("vcard21_outlook.vcf")
    (ngozi,) = result.records
    assert (ngozi.given_name, ngozi.family_name) == ("Ngozi", "Okafor")
    assert ngozi.roles == [RoleRecord("Lagos Fintech Ltd", "Head of Partnerships", True, "Payments")]
    assert ngozi.emails == ["ngozi.okafor@fintech.example"]
    assert ngozi.linkedin_url == "https://www.linkedin.com/in/ngoziokafor"
    assert ngozi.location == "Lagos, Nigeria"


def test_vcard40_monica_multiple_org_title_data_uri():
    result = parse("vcard40_monica.vcf")
    assert (result.layout, result.rows, result.errors) == ("vcard-4.0", 2, [])
    sofia, acme = result.records
    assert (sofia.given_name, sofia.family_name) == ("Sofía", "Hernández")
    assert sofia.phones == ["+1-212-555-0147"]
    assert sofia.emails == ["sofia@startup.example"]
    assert sofia.linkedin_url == "https://www.linkedin.com/in/sofia-hernandez"
    assert sofia.urls == ["https://sofia.example/blog"]
    assert sofia.roles == [
        RoleRecord("Startup Labs", "Founder", True),
        RoleRecord("City College", "Adjunct Lecturer", True, "Career Center"),
    ]
    assert sofia.tags == ["founders", "NYC"]
    assert sofia.birthday == date(1988, 2, 15)
    assert sofia.notes == "Prefers email, not calls."
    assert sofia.photo is not None and sofia.photo.startswith(b"\x89PNG")
    # KIND:org: an organization card keeps its name whole
    assert (acme.display_name, acme.given_name, acme.family_name) == ("Acme Recruiting", "", "")
    assert acme.emails == ["jobs@acme.example"]


def test_malformed_card_is_a_row_error_and_the_rest_continue():
    result = parse("vcard_broken.vcf")
    assert result.rows == 4
    assert [(e.row, e.message) for e in result.errors] == [(2, "malformed card: no readable properties")]
    first, second, truncated = result.records
    assert first.emails == ["first@example.com"]
    # itemN groups pair ORG with TITLE; the ungrouped title stands alone
    assert second.roles == [
        RoleRecord("Grouped Org", "Grouped Title", True),
        RoleRecord("", "Loose Title", True),
    ]
    assert truncated.display_name == "Truncated Last" and truncated.phones == ["555-0100"]


def test_fallback_tokenizer_gives_the_same_records(monkeypatch):
    from vobject import base as vbase

    def boom(*a, **k):
        raise RuntimeError("vobject unavailable")

    names = [
        "vcard21_android.vcf",
        "vcard30_apple.vcf",
        "vcard30_google.vcf",
        "vcard21_outlook.vcf",
        "vcard40_monica.vcf",
        "vcard_broken.vcf",
    ]
    expected = {n: parse(n) for n in names}
    monkeypatch.setattr(vbase, "getLogicalLines", boom)
    monkeypatch.setattr(vbase, "parseLine", boom)
    for n in names:
        got = parse(n)
        assert got.records == expected[n].records, n
        assert got.errors == expected[n].errors, n


def test_photo_garbage_never_crashes():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nPHOTO;ENCODING=b:!!!not base64***\r\nEND:VCARD\r\n"
    (rec,) = vcard.parse(data).records
    assert rec.display_name == "A B"


def test_not_a_vcard():
    with pytest.raises(FormatError, match="not a vCard file"):
        vcard.parse(b"First Name,Last Name\nA,B\n")
    with pytest.raises(FormatError):
        vcard.parse(b"")

from datetime import date
from pathlib import Path

import pytest

from goodloop.formats import linkedin
from goodloop.formats.records import FormatError, RoleRecord

FIX = Path(__file__).parent / "fixtures"


def test_current_export_with_bom_preamble_crlf():
    result = linkedin.parse((FIX / "linkedin_connections.csv").read_bytes())
    assert result.format == "linkedin"
    assert result.layout == "current"
    assert result.rows == 6  # the all-empty line is not a row
    assert [r.row for r in result.records] == [1, 2, 3, 4, 6]
    assert [(e.row, e.message) for e in result.errors] == [(5, "no name, email, phone or LinkedIn URL")]

    ana, bob, chen, dana, emile = result.records
    assert (ana.given_name, ana.family_name, ana.display_name) == ("Ana", "Souza", "Ana Souza")
    assert ana.emails == ["ana.souza@example.com"]
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-souza-4b2a1c"
    assert ana.roles == [RoleRecord("Globex, Inc.", "Product Manager", True)]
    assert ana.connected_on == date(2024, 3, 12)
    assert ana.urls == [] and ana.phones == [] and ana.tags == []
    assert ana.line == 5

    assert (bob.family_name, bob.suffix, bob.display_name) == ("O'Brien", "PMP", "Bob O'Brien")
    assert bob.emails == []
    assert bob.linkedin_url == "https://www.linkedin.com/in/bobobrien"
    assert bob.roles == [RoleRecord("Initech", "Director, Engineering", True)]
    assert bob.connected_on == date(2023, 2, 1)

    assert chen.roles == []
    assert chen.connected_on == date(2019, 12, 28)

    assert dana.family_name == "Müller"
    assert dana.linkedin_url == "https://www.linkedin.com/in/dana-müller"
    assert dana.roles == [RoleRecord("Müller & Söhne GmbH", 'Head of "People" Ops', True)]

    assert emile.given_name == "Émile"
    assert emile.emails == ["emile.zola@example.com"]
    assert emile.organization == "Acme Corp" and emile.title == "Writer, Novelist"
    assert emile.connected_on == date(2018, 11, 30)


def test_old_export_without_url_column_and_short_dates():
    result = linkedin.parse((FIX / "linkedin_old_no_url.csv").read_bytes())
    assert result.layout == "legacy-no-url"
    assert result.rows == 3 and result.errors == []
    jane, john, kim = result.records
    assert jane.emails == ["jane@doe.example"] and jane.linkedin_url is None
    assert jane.roles == [RoleRecord("Acme", "CEO", True)]
    assert jane.connected_on == date(2024, 3, 12)
    assert john.roles == [RoleRecord("Foo, LLC", "CTO", True)]
    assert john.connected_on == date(2019, 11, 30)
    assert kim.roles == [] and kim.connected_on == date(2015, 1, 1)


def test_preamble_of_any_length_and_header_only():
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    for n in (0, 1, 7, 40):
        data = ("Notes:\r\n" + "some note line, with commas\r\n" * n + "\r\n" + header).encode()
        data += b"A,B,https://www.linkedin.com/in/ab,,,,\r\n"
        result = linkedin.parse(data)
        assert result.rows == 1 and result.records[0].linkedin_url == "https://www.linkedin.com/in/ab"
    assert linkedin.parse(header.encode()).rows == 0


def test_row_with_too_many_fields_is_a_row_error():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"A,B,,,Acme, Inc,CEO,1 Jan 2020\n"
        b"C,D,,,Acme,CEO,1 Jan 2020\n"
    )
    result = linkedin.parse(data)
    assert result.rows == 2
    assert [r.display_name for r in result.records] == ["C D"]
    assert result.errors[0].row == 1 and "8 fields" in result.errors[0].message


def test_other_csv_is_a_format_error():
    with pytest.raises(FormatError, match="not a LinkedIn Connections.csv"):
        linkedin.parse((FIX / "google_current.csv").read_bytes())
    with pytest.raises(FormatError):
        linkedin.parse(b"date,amount\n2024-01-01,12.50\n")

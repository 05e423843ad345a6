from datetime import date
from pathlib import Path

import pytest

from goodloop.formats import outlook
from goodloop.formats.records import FormatError, RoleRecord

FIX = Path(__file__).parent / "fixtures"


def test_outlook_cp1252_export():
    data = (FIX / "outlook_cp1252.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is cp1252
    result = outlook.parse(data)
    assert (result.format, result.encoding, result.rows) == ("outlook", "cp1252", 3)
    assert [(e.row, e.message) for e in result.errors] == [(3, "no name, email, phone or LinkedIn URL")]
    fr, house = result.records
    assert (fr.given_name, fr.family_name, fr.display_name) == ("François", "Lefèvre", "François Lefèvre")
    assert (fr.prefix, fr.suffix) == ("M.", "Jr.")  # Outlook "Title" is the honorific
    assert fr.roles == [RoleRecord("Société Générale", "Architecte – Cloud", True, "IT")]  # "Job Title", "Department"
    assert fr.emails == ["francois.lefevre@example.fr", "fl@example.org"]
    assert fr.phones == ["+33 6 12 34 56 78", "+33 1 23 45 67 89"]
    assert fr.linkedin_url == "https://www.linkedin.com/in/francoislefevre" and fr.urls == []
    assert fr.tags == ["Recruiters", "Paris"]
    assert fr.notes == "Café meeting — 5€ coffee\nSecond line"
    assert fr.birthday == date(1975, 3, 12)
    assert fr.location == "Paris, France"

    assert house.prefix == "Dr." and house.title == "Diagnostician"
    assert house.organization == "Princeton-Plainsboro"
    assert house.emails == ["greg.house@ppth.example"]
    assert house.birthday is None  # 0/0/00
    assert house.urls == ["http://ppth.example/house"]
    assert house.location == "Princeton, NJ"


def test_outlook_com_layout_utf8():
    data = (
        "First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,E-mail 2 Address,"
        "Mobile Phone,Job Title,Company,Business Country/Region,Business City,Web Page,Birthday,Notes\n"
        "Zoë,,Kravitz,,,,zoe@example.com,,+1 310 555 0100,Actor,Studio,USA,LA,,1988-12-01,\n"
    ).encode()
    (rec,) = outlook.parse(data).records
    assert rec.given_name == "Zoë" and rec.emails == ["zoe@example.com"]
    assert rec.roles == [RoleRecord("Studio", "Actor", True)]
    assert rec.location == "LA, USA" and rec.birthday == date(1988, 12, 1)


def test_not_outlook_is_a_format_error():
    with pytest.raises(FormatError, match="not an Outlook contacts CSV"):
        outlook.parse(b"name,price\nwidget,3\n")

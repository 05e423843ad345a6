from datetime import date
from pathlib import Path

import pytest

from goodloop.formats import google
from goodloop.formats.records import FormatError, RoleRecord

FIX = Path(__file__).parent / "fixtures"


def test_current_layout():
    result = google.parse((FIX / "google_current.csv").read_bytes())
    assert (result.format, result.layout, result.rows) == ("google", "current", 4)
    assert [(e.row, e.message) for e in result.errors] == [(3, "no name, email, phone or LinkedIn URL")]
    alice, bjorn, pizza = result.records
    assert (alice.given_name, alice.additional_name, alice.family_name) == ("Alice", "Q", "Walker")
    assert alice.prefix == "Dr." and alice.display_name == "Alice Q Walker"
    assert alice.emails == ["alice@umbrella.example", "a.walker@gmail.example", "alice@home.example"]
    assert alice.phones == ["+1 415-555-0101", "(415) 555-0102", "+44 20 7946 0958"]
    assert alice.linkedin_url == "https://www.linkedin.com/in/alicewalker"
    assert alice.urls == ["https://alice.example/blog"]
    assert alice.roles == [RoleRecord("Umbrella Corp", "VP Research", True)]
    assert alice.tags == ["Mentors", "Job Search"]  # * myContacts and * starred dropped
    assert alice.notes == "Met at PyCon 2023.\nLikes tea."
    assert alice.location == "San Francisco, CA, US"
    assert alice.birthday == date(1980, 4, 1)

    assert (bjorn.given_name, bjorn.family_name) == ("Björn", "Åberg")
    assert bjorn.birthday is None  # --06-15 has no year
    assert bjorn.tags == [] and bjorn.urls == ["https://bjorn.example.se"]
    assert bjorn.roles == [RoleRecord("Nordic AB", "", True)]

    assert pizza.row == 4 and pizza.display_name == "" and pizza.best_name == "Pizza Place"
    assert pizza.phones == ["+1 212 555 0188"]


def test_legacy_layout():
    result = google.parse((FIX / "google_legacy.csv").read_bytes())
    assert (result.layout, result.rows) == ("legacy", 3)
    assert [e.row for e in result.errors] == [3]
    carlos, priya = result.records
    assert carlos.display_name == "Carlos Díaz"
    assert carlos.emails == ["carlos@talent.example", "carlos.diaz@gmail.example", "cd@old.example"]
    assert carlos.phones == ["+34 612 345 678"]
    assert carlos.roles == [
        RoleRecord("TalentCo", "Senior Recruiter", True),
        RoleRecord("Freelance", "Career Coach", True),
    ]
    assert carlos.linkedin_url == "https://www.linkedin.com/in/carlosdiaz"
    assert carlos.urls == ["https://carlos.example"]
    assert carlos.tags == ["Recruiters"]
    assert carlos.birthday == date(1979, 10, 23)
    assert carlos.location == "Madrid, Spain"
    # only "Name" filled: split into given/family
    assert (priya.given_name, priya.family_name, priya.display_name) == (
        "Priya",
        "Natarajan",
        "Priya Natarajan",
    )
    assert priya.tags == ["Friends"]
    assert priya.notes == "Knows the hiring manager at Stark Industries"


def test_columns_mapped_by_name_not_position():
    data = (
        b"E-mail 3 - Value,Labels,Last Name,E-mail 1 - Value,First Name,Phone 2 - Value,Phone 1 - Value\n"
        b"c@x.example,VIP,Doe,a@x.example ::: b@x.example,Jane,+1 555 0102,+1 555 0101\n"
    )
    (rec,) = google.parse(data).records
    assert (rec.given_name, rec.family_name) == ("Jane", "Doe")
    assert rec.emails == ["a@x.example", "b@x.example", "c@x.example"]
    assert rec.phones == ["+1 555 0101", "+1 555 0102"]
    assert rec.tags == ["VIP"]


def test_not_google_is_a_format_error():
    with pytest.raises(FormatError, match="not a Google Contacts CSV"):
        google.parse((FIX / "linkedin_connections.csv").read_bytes())

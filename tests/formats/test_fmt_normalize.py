from datetime import date

import pytest

from goodloop.formats.normalize import (
    fold_text,
    normalize_email,
    normalize_linkedin_url,
    normalize_phone,
    parse_date,
    split_name,
)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("(415) 555-0123", "+14155550123"),
        ("+1 415-555-0123", "+14155550123"),
        ("tel:+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("", None),
        ("not a phone", None),
        ("12", None),
    ],
)
def test_normalize_phone(raw, expected):
    assert normalize_phone(raw) == expected


def test_normalize_phone_region():
    assert normalize_phone("030 1234567", region="DE") == "+49301234567"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("  Jane.Doe@Example.COM ", "jane.doe@example.com"),
        ("mailto:a@b.example", "a@b.example"),
        ("<a@b.example>", "a@b.example"),
        ("not-an-email", None),
        ("/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=abc", None),
        ("a@localhost", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_email(raw, expected):
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("https://www.linkedin.com/in/Jane-Doe-123/", "https://www.linkedin.com/in/jane-doe-123"),
        ("http://linkedin.com/in/jane?trk=abc", "https://www.linkedin.com/in/jane"),
        ("uk.linkedin.com/in/jane/", "https://www.linkedin.com/in/jane"),
        ("https://www.linkedin.com/in/jane/details/experience/", "https://www.linkedin.com/in/jane"),
        ("https://www.linkedin.com/company/acme", None),
        ("https://example.com/in/jane", None),
        ("", None),
    ],
)
def test_normalize_linkedin_url(raw, expected):
    assert normalize_linkedin_url(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("12 Mar 2024", date(2024, 3, 12)),
        ("5 Jan 2022", date(2022, 1, 5)),
        ("03/12/24", date(2024, 3, 12)),
        ("11/30/99", date(1999, 11, 30)),
        ("3/12/1975", date(1975, 3, 12)),
        ("2024-03-12", date(2024, 3, 12)),
        ("19880215", date(1988, 2, 15)),
        ("1990-07-04T00:00:00Z", date(1990, 7, 4)),
        ("Mar 12, 2024", date(2024, 3, 12)),
        ("--03-12", None),
        ("0/0/00", None),
        ("31 Feb 2024", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_split_name_and_fold():
    assert split_name("Priya Natarajan") == ("Priya", "", "Natarajan")
    assert split_name("Cher") == ("Cher", "", "")
    assert split_name("Dr. Juan Carlos de la Vega")[2] == "de la Vega"
    assert split_name("Doe, Jane") == ("Jane", "", "Doe")
    assert fold_text("  José  ÁLVAREZ ") == "jose alvarez"

"""Import details (issue 16, item 9): the delimiter is sniffed, a file's own unambiguous dates decide
day/month order, and a malformed row is a row error with its line, never a person made of fragments."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodloop.formats import registry
from goodloop.formats._common import sniff_delimiter
from goodloop.formats.normalize import DateOrder, parse_date

FIX = Path(__file__).parent / "fixtures"
CSV_FIXTURES = ["linkedin_connections.csv", "linkedin_old_no_url.csv", "google_current.csv", "google_legacy.csv",
                "outlook_cp1252.csv"]
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def redelimit(text: str, delimiter: str) -> str:
    """The same CSV with another delimiter, as Excel writes it in a European locale."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow(row)
    return out.getvalue()


def summary(result) -> list:
    return [(r.display_name, r.emails, r.phones, r.linkedin_url, r.organization, r.title, r.connected_on,
             r.birthday, r.tags) for r in result.records]


@pytest.mark.parametrize("name", CSV_FIXTURES)
@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_files_read_like_comma_ones(name, delimiter):
    text, _ = registry.decode_bytes((FIX / name).read_bytes())
    comma = registry.parse(text)
    other = redelimit(text, delimiter)
    assert sniff_delimiter(other) == delimiter
    result = registry.parse(other)
    assert result.format == comma.format and summary(result) == summary(comma)
    assert len(result.errors) == len(comma.errors)


def test_day_first_dates_decide_the_ambiguous_ones():
    day_first = HEADER + "Ana,Souza,,,Acme,PM,25/03/2024\r\nBo,Lin,,,Acme,PM,03/04/2024\r\n"
    result = registry.parse(day_first)
    assert [r.connected_on for r in result.records] == [date(2024, 3, 25), date(2024, 4, 3)]
    us = HEADER + "Ana,Souza,,,Acme,PM,03/25/2024\r\nBo,Lin,,,Acme,PM,03/04/2024\r\n"
    assert [r.connected_on for r in registry.parse(us).records] == [date(2024, 3, 25), date(2024, 3, 4)]
    # nothing unambiguous: the US order, as before
    assert registry.parse(HEADER + "Bo,Lin,,,Acme,PM,03/04/2024\r\n").records[0].connected_on == date(2024, 3, 4)


def test_google_and_outlook_birthdays_follow_the_file_too():
    google = ("First Name,Last Name,Birthday,E-mail 1 - Value\r\nAna,Souza,31/12/1990,ana@x.example\r\n"
              "Bo,Lin,05/06/1985,bo@x.example\r\n")
    assert [r.birthday for r in registry.parse(google).records] == [date(1990, 12, 31), date(1985, 6, 5)]


def test_date_order_counts_the_evidence():
    class Box:
        day = None

    order, box = DateOrder(), Box()
    box.day = order.parse("01/02/2020", box, "day")
    assert box.day == date(2020, 1, 2)
    assert order.parse("13/02/2020", Box(), "day") == date(2020, 2, 13)
    order.finish()
    assert box.day == date(2020, 2, 1)
    assert parse_date("13/02/2020") is None and parse_date("13/02/2020", True) == date(2020, 2, 13)


def test_an_unterminated_quote_is_a_row_error_with_its_line_and_the_rest_is_read():
    text = (HEADER + "Ana,Souza,,ana@x.example,Acme,PM,12 Mar 2024\r\n"
            'Bo,"Lin,,bo@x.example,Initech,Eng,13 Mar 2024\r\n'
            "Cy,Park,,cy@x.example,Zeta,CTO,14 Mar 2024\r\n"
            "Di,Wu,,di@x.example,Zeta,CEO,15 Mar 2024\r\n")
    result = registry.parse(text)
    assert [r.display_name for r in result.records] == ["Ana Souza", "Cy Park", "Di Wu"]
    assert [r.line for r in result.records] == [2, 4, 5]
    ((error),) = result.errors
    assert (error.line, error.message) == (3, "malformed row: a quote opened on this line is never closed")
    assert not any("bo@x.example" in r.emails for r in result.records)  # no person made of fragments


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12), st.sampled_from(["", '"', '""', ";", "\t"])),
                max_size=8), st.sampled_from([",", ";", "\t"]))
def test_fuzz_linkedin_with_any_delimiter_and_stray_quotes(rows, delimiter):
    """Whatever the cells, quotes and delimiter: a report, never an exception."""
    body = "".join(delimiter.join([a, b + q, "", "", "Acme", "PM", "12 Mar 2024"]) + "\r\n" for a, b, q in rows)
    try:
        result = registry.parse(HEADER.replace(",", delimiter) + body)
    except registry.FormatError:
        return
    for record in result.records:
        assert "\n" not in record.display_name and "\r" not in record.display_name

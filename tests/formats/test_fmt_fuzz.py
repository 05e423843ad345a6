"""Any bytes, and mutations of valid files, give a ParseResult or a FormatError: never another exception."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goodloop.formats import registry
from goodloop.formats.records import FormatError, ParseResult

FIX = Path(__file__).parent / "fixtures"
SAMPLES = {p.name: p.read_bytes() for p in sorted(FIX.iterdir())}
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ["auto", *registry.PARSERS]


def check(data: bytes, fmt: str) -> None:
    try:
        result = registry.parse(data, format=fmt)
    except FormatError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, ParseResult)
    assert len(result.records) + len(result.errors) == result.rows
    for rec in result.records:
        assert rec.row >= 1
        assert rec.display_name or rec.emails or rec.phones or rec.linkedin_url
    for err in result.errors:
        assert err.row >= 1 and err.message


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_any_bytes(fmt, data):
    check(data, fmt)


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "dup"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "insert":
            data[i:i] = draw(
                st.sampled_from(
                    [
                        b",",
                        b'"',
                        b"\r\n",
                        b";",
                        b":",
                        b"=",
                        b"\\",
                        b" ::: ",
                        b"\x00",
                        b"BEGIN:VCARD\r\n",
                        b"END:VCARD\r\n",
                        b"=\r\n",
                        b"\xff\xfe",
                    ]
                )
            )
        elif op == "delete":
            j = draw(st.integers(i, min(len(data), i + 50)))
            del data[i:j]
        elif op == "truncate":
            del data[i:]
        else:
            j = draw(st.integers(i, min(len(data), i + 200)))
            data[j:j] = data[i:j]
    return name, bytes(data)


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(sample=mutated())
def test_mutated_valid_files(fmt, sample):
    _, data = sample
    check(data, fmt)


@FUZZ
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_text_inside_a_card_and_a_row(text):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:"
        + text
        + "\r\nNOTE;ENCODING=QUOTED-PRINTABLE:"
        + text
        + "\r\nEND:VCARD\r\n"
    )
    check(card.encode("utf-8"), "vcard")
    row = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" + text + "\r\n"
    check(row.encode("utf-8"), "linkedin")

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodloop.formats import registry
from goodloop.formats._common import lines
from goodloop.formats.records import FormatError

FIX = Path(__file__).parent / "fixtures"

EXPECTED = {
    "linkedin_connections.csv": "linkedin",
    "linkedin_old_no_url.csv": "linkedin",
    "google_current.csv": "google",
    "google_legacy.csv": "google",
    "outlook_cp1252.csv": "outlook",
    "vcard21_android.vcf": "vcard",
    "vcard21_outlook.vcf": "vcard",
    "vcard30_apple.vcf": "vcard",
    "vcard30_google.vcf": "vcard",
    "vcard40_monica.vcf": "vcard",
    "vcard_broken.vcf": "vcard",
}


def test_every_fixture_is_covered():
    assert sorted(p.name for p in FIX.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name,fmt", sorted(EXPECTED.items()))
def test_detect_by_content(name, fmt):
    data = (FIX / name).read_bytes()
    assert registry.detect(data) == fmt
    assert registry.parse(data).format == fmt
    assert registry.parse(data, format=fmt).format == fmt


def test_registry_names():
    assert set(registry.PARSERS) == {"linkedin", "google", "outlook", "vcard"}


def test_vcard_after_blank_lines_and_utf16():
    data = (FIX / "vcard30_google.vcf").read_bytes()
    assert registry.detect(b"\r\n\r\n" + data) == "vcard"
    assert registry.detect(data.decode().encode("utf-16")) == "vcard"
    assert registry.parse(data.decode().encode("utf-16")).records[0].display_name == "Lena Fischer"


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "empty"),
        (b"   \r\n\n", "empty"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01" + bytes(range(256)), "binary"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "not a contacts file"),
        (b"date,amount,description\n2024-01-02,12.50,coffee\n", "not a contacts file"),
        (b"just some words in a text file\n", "not a contacts file"),
    ],
)
def test_not_a_contacts_file(data, message):
    with pytest.raises(FormatError, match=message):
        registry.parse(data)


def test_wrong_claimed_format_is_one_clean_error():
    data = (FIX / "vcard40_monica.vcf").read_bytes()
    for fmt in ("linkedin", "google", "outlook"):
        with pytest.raises(FormatError) as info:
            registry.parse(data, format=fmt)
        assert "\n" not in str(info.value)
    with pytest.raises(FormatError, match="not a vCard"):
        registry.parse((FIX / "linkedin_connections.csv").read_bytes(), format="vcard")
    with pytest.raises(FormatError, match="unknown format"):
        registry.parse(data, format="excel")


@pytest.mark.parametrize("name,fmt", sorted(EXPECTED.items()))
def test_auto_parses_exactly_as_the_named_parser(name, fmt):
    data = (FIX / name).read_bytes()  # auto decodes once and hands the text on: same records, same encoding
    assert registry.parse(data) == registry.parse(data, format=fmt)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab,\"\r\n\x85\u2028 é", max_size=60), st.integers(min_value=0, max_value=70))
def test_lines_read_like_stringio(text, end):
    assert list(lines(text, end)) == io.StringIO(text[:end], newline="").readlines()

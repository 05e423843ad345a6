"""Legacy 8-bit contacts files without a CHARSET (issue 17, item 9): cp1251, cp1253 and cp1255
vCards imported as mojibake, silently. Now the code page is detected and the report warns."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from goodloop.formats import charsets, registry

CARDS = {
    "cp1251": [("Иванов", "Пётр", "Газпром"), ("Смирнова", "Анна", "Яндекс")],
    "cp1253": [("Παπαδόπουλος", "Γιώργος", "Εταιρεία"), ("Νικολάου", "Ελένη", "Τράπεζα")],
    "cp1255": [("כהן", "דוד", "חברה"), ("לוי", "שרה", "מוצר")],
    "cp1250": [("Nowak", "Łukasz", "Żabka Polska"), ("Dvořák", "Jiří", "Škoda")],
    "cp1256": [("حسن", "محمد", "شركة"), ("علي", "فاطمة", "بنك")],
    "cp932": [("山田", "太郎", "株式会社東京"), ("佐藤", "花子", "大阪商事")],
}


def _vcf(encoding: str) -> bytes:
    cards = "".join(f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:{last};{first};;;\r\nFN:{first} {last}\r\nORG:{org}\r\n"
                    f"TEL;CELL:+1 415 555 01{i:02d}\r\nEND:VCARD\r\n"
                    for i, (last, first, org) in enumerate(CARDS[encoding]))
    return cards.encode(encoding)


@pytest.mark.parametrize("encoding", CARDS)
def test_a_legacy_vcard_is_read_in_its_code_page(encoding):
    parsed = registry.parse(_vcf(encoding))
    names = [r.display_name for r in parsed.records]
    assert names == [f"{first} {last}" for last, first, _ in CARDS[encoding]]  # cp1252 gave mojibake
    assert parsed.encoding == encoding
    assert charsets.warning(parsed.encoding).startswith("the file is not UTF-8")


def test_utf8_files_have_no_warning():
    parsed = registry.parse(_vcf("cp1251").decode("cp1251").encode("utf-8"))
    assert parsed.encoding == "utf-8" and charsets.warning(parsed.encoding) == ""


def test_the_import_report_warns_on_the_cli_and_the_web(db, account, cli, client, tmp_path):
    path = tmp_path / "old-phone.vcf"
    path.write_bytes(_vcf("cp1253"))
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "warning: the file is not UTF-8" in out and "read as cp1253" in out
    code, out, _ = cli("people", "--json")
    assert "Γιώργος Παπαδόπουλος" in out
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("import"), {"file": SimpleUploadedFile("old.vcf", _vcf("cp1255")),
                                               "format": "auto", "dry_run": "on"})
    page = client.get(response["Location"]).content.decode()
    assert 'id="h-warnings"' in page and "read as cp1255" in page


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_any_bytes_decode_without_an_error(data):
    text, encoding = charsets.guess(data)
    assert isinstance(text, str) and encoding

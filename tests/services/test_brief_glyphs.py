"""The brief's PDF never loses text silently (issue 17, item 9): CJK text and emoji, which its
font cannot draw, appear as a visible mark, the PDF ends with a note, and the CLI and the
brief page warn, naming the characters."""

import io

import pytest
from django.urls import reverse

from goodloop.search import brief

HEADLINE = "Product marketing in 東京 — Zoë 🚀"


@pytest.fixture
def written(account):
    brief.update(account, headline=HEADLINE, offers=["Intros to Łódź founders"])
    return account


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_characters_the_font_lacks_are_marked_and_named(written):
    pdf, warning = brief.pdf_with_warning(brief.content(written))
    text = _text(pdf)
    font_has_mark = brief.FONT.exists()
    mark = "\u25a1" if font_has_mark else "?"
    assert "東" in warning and "京" in warning and "🚀" in warning  # the old PDF dropped them, silently
    assert f"appear as {mark}" in warning
    assert "Zoë" in text and mark * 2 in text  # 東京 -> two marks, in place
    assert "cannot be drawn" in text
    assert brief.pdf_warning(brief.content(written)) == warning


def test_without_the_unicode_font_latin_text_is_folded_and_the_rest_marked(written, monkeypatch, tmp_path):
    monkeypatch.setattr(brief, "FONT", tmp_path / "no-such-font.ttf")
    pdf, warning = brief.pdf_with_warning(brief.content(written))
    text = _text(pdf)
    assert "in ?? - Zoë ?" in text  # the dash folded to "-", ë is Latin-1
    assert "?ódz" in text  # Ł has no Latin-1 form: marked; ó kept; ź folded to z
    assert "东" not in warning and "東" in warning and "Ł" in warning


def test_a_brief_the_font_covers_has_no_warning(account):
    brief.update(account, headline="Product marketing in Berlin, São Paulo or Zürich")
    pdf, warning = brief.pdf_with_warning(brief.content(account))
    assert warning == "" and "cannot be drawn" not in _text(pdf)
    assert brief.pdf_warning(brief.content(account)) == ""


def test_the_cli_and_the_brief_page_warn(written, cli, client, tmp_path):
    code, out, err = cli("brief", "--format", "pdf", "-o", tmp_path / "brief.pdf")
    assert code == 0 and "wrote" in out
    assert err.startswith("warning: the PDF's font cannot draw") and "東" in err
    page = client.get(reverse("brief")).content.decode()
    assert 'id="pdf-warning"' in page and "東" in page.split('id="pdf-warning"')[1][:400]


def test_the_font_ships_with_goodloop_and_the_pdf_has_a_title_and_language(account):
    """Issue 16 item 7: the font path was Debian's; without fonts-dejavu every non-Latin-1 character
    vanished. The font now comes with the package, so no system font is involved. DejaVu Sans has no
    CJK: 北京 is drawn as two visible marks and named in the warning (the HTML and Markdown keep it)."""
    from pathlib import Path

    from pypdf import PdfReader

    import goodloop

    package = Path(goodloop.__file__).resolve().parent
    assert brief.FONT.is_relative_to(package) and brief.FONT.exists()
    assert (package / "fonts" / "DejaVuSans.LICENSE").exists()
    brief.update(account, headline="It’s “quoted” — 北京 Zoë")
    pdf, warning = brief.pdf_with_warning(brief.content(account))
    text = _text(pdf)
    assert "It’s “quoted” — \u25a1\u25a1 Zoë" in text  # every character drawn; 北京 marked in place
    assert "北" in warning and "京" in warning and "’" not in warning
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Networking brief: It’s “quoted” — 北京 Zoë"
    assert reader.trailer["/Root"]["/Lang"] == "en"

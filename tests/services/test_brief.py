"""The brief: Markdown, HTML and a real PDF whose text lists the targets in order."""

import io

import pytest
from pypdf import PdfReader

from goodloop.search import brief, targets


@pytest.fixture
def written(account):
    for n, org in enumerate(["Northwind", "Bluefin Health", "Larkspur Labs"], 1):
        targets.add_target(account, org, priority=n)
    brief.update(account, headline="Product marketer looking for a senior PMM role",
                 roles_sought=["Senior PMM"], people_categories=["product marketing leaders"],
                 how_you_can_help=["An introduction to someone in product marketing at Northwind",
                                   "Do you know anyone I should talk to?"],
                 offers=["Feedback on launch plans", ""])
    return account


def test_pdf_text_has_targets_in_order(written):
    pdf = brief.render(written, "pdf")
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    positions = [text.index(name) for name in ("Northwind", "Bluefin Health", "Larkspur Labs")]
    assert positions == sorted(positions)
    assert "Product marketer looking for a senior PMM role" in text


def test_markdown_and_html(written):
    md = brief.render(written, "md")
    assert "1. Northwind\n2. Bluefin Health\n3. Larkspur Labs" in md
    assert "- Feedback on launch plans" in md
    html = brief.render(written, "html")
    assert "<ol><li>Northwind</li><li>Bluefin Health</li><li>Larkspur Labs</li></ol>" in html


def test_brief_items_go_through_the_brief_coach(written):
    asks = brief.content(written)["how_you_can_help"]
    assert asks[0]["score"] >= 70 and not asks[0]["findings"]
    assert asks[1]["score"] < 50 and "vague" in [f["code"] for f in asks[1]["findings"]]
    assert all(" " in f["message"] for a in asks for f in a["findings"])  # sentences, not codes


def test_html_escapes_markup(account):
    brief.update(account, headline="<script>alert(1)</script>")
    assert "<script>" not in brief.render(account, "html")


def test_bad_input(account):
    from goodloop.errors import ServiceError

    with pytest.raises(ServiceError):
        brief.update(account, headline="x" * 301)
    with pytest.raises(ServiceError):
        brief.update(account, nonsense=["a"])


def test_a_brief_list_holds_at_most_50_lines(account):
    """Issue 17: 20,000 lines were accepted (an 8 s page, a 28 s PDF); now a message on the field."""
    import pytest as _pytest

    from goodloop.errors import ServiceError as _ServiceError
    from goodloop.search import brief as brief_service

    brief_service.update(account, offers=[f"offer {i}" for i in range(50)])
    with _pytest.raises(_ServiceError) as err:
        brief_service.update(account, offers=[f"offer {i}" for i in range(20_000)])
    assert err.value.field == "offers" and "at most 50 lines" in str(err.value)
    assert len(brief_service.get(account).offers) == 50

"""Brief: edit it, see the coach read each ask (live via htmx), download it as md/html/pdf."""

import io

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.search import brief, targets
from tests.web.network import build, grow, queries_for

URL = reverse("brief")
VAGUE = "Do you know any companies I should target?"
SPECIFIC = "Could you introduce me to someone in product marketing at eBay or American Express?"


def field_block(html: str, field: str) -> str:
    return html.split(f'<label for="id_{field}">')[1].split('<div class="field')[0]


@pytest.mark.django_db
def test_the_page_shows_the_saved_brief_and_the_coach_on_each_ask(client, account):
    targets.add_target(account, "eBay")
    targets.add_target(account, "American Express")
    brief.update(account, headline="Product marketer, 8 years in B2B SaaS", roles_sought=["Senior PMM"],
                 people_categories=["product marketing leaders"], how_you_can_help=[VAGUE, SPECIFIC],
                 offers=["Feedback on your launch plan"])
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Product marketer, 8 years in B2B SaaS"' in html
    assert "Senior PMM</textarea>" in html and "Feedback on your launch plan</textarea>" in html
    assert html.index("<li>eBay</li>") < html.index("<li>American Express</li>")  # targets in priority order
    coach = html.split('id="coach"')[1]
    assert coach.count('class="coach-item"') == 2
    vague = coach.split('class="coach-item"')[1]
    assert "classic vague ask" in vague and "vague_chestnut" not in coach  # human messages, never codes
    assert "Try:" in coach  # the rewrite of the vague ask
    for fmt in ("md", "html", "pdf"):
        assert f'href="/brief/download/{fmt}/"' in html


@pytest.mark.django_db
def test_save_the_brief(client, account):
    response = client.post(URL, {"headline": " Data analyst ", "roles_sought": "Analyst\n\n  Lead analyst \n",
                                 "people_categories": "analytics managers", "how_you_can_help": SPECIFIC,
                                 "offers": ""})
    assert response.status_code == 302 and response["Location"] == URL
    saved = brief.get(account)
    assert saved.headline == "Data analyst" and saved.roles_sought == ["Analyst", "Lead analyst"]
    assert saved.how_you_can_help == [SPECIFIC] and saved.offers == []
    assert "Your brief is saved." in client.get(URL).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"headline": "x" * 301}, "headline", "at most 300 characters"),
    ({"offers": "ok\n" + "y" * 501}, "offers", "Each line is at most 500 characters."),
])
def test_errors_are_shown_next_to_the_field(client, account, data, field, message):
    response = client.post(URL, data)
    assert response.status_code == 400
    block = field_block(response.content.decode(), field)
    assert f'<p class="field-error" id="id_{field}_error">' in block and message in block
    assert brief.get(account).pk is None  # nothing saved


@pytest.mark.django_db
def test_live_coach_reads_unsaved_asks_and_saves_nothing(client, account):
    targets.add_target(account, "Globex")
    response = client.post(reverse("brief-coach"), {"how_you_can_help": f"{VAGUE}\n{SPECIFIC}",
                                                   "people_categories": "engineering managers"},
                            HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and html.count('class="coach-item"') == 2
    assert "classic vague ask" in html and "Globex" in html  # the suggestion draws on the target list
    assert brief.get(account).pk is None
    empty = client.post(reverse("brief-coach"), {"how_you_can_help": "  "}, HTTP_HX_REQUEST="true")
    assert "the coach will score it here" in empty.content.decode()
    assert client.get(reverse("brief-coach")).status_code == 405


@pytest.mark.django_db
def test_downloads(client, account):
    targets.add_target(account, "eBay")
    targets.add_target(account, "Initech")
    brief.update(account, headline="Looking for PMM roles", how_you_can_help=[SPECIFIC])
    md = client.get(reverse("brief-download", args=["md"]))
    assert md["Content-Type"].startswith("text/markdown") and 'filename="brief.md"' in md["Content-Disposition"]
    assert "1. eBay\n2. Initech" in md.content.decode()
    page = client.get(reverse("brief-download", args=["html"]))
    assert page["Content-Type"].startswith("text/html") and "<li>Looking for PMM roles" not in page.content.decode()
    assert "<ol><li>eBay</li><li>Initech</li></ol>" in page.content.decode()
    pdf = client.get(reverse("brief-download", args=["pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert text.index("eBay") < text.index("Initech")
    assert client.get(reverse("brief-download", args=["docx"])).status_code == 404


@pytest.mark.django_db
def test_another_accounts_brief_never_shows(client, account):
    other = Account.objects.create(name="other")
    brief.update(other, headline="Secret headline", how_you_can_help=["Secret ask"])
    targets.add_target(other, "Secret Corp")
    html = client.get(URL).content.decode()
    assert "Secret" not in html
    assert "Secret" not in client.get(reverse("brief-download", args=["md"])).content.decode()


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_network(client, account):
    build(account, 20)
    brief.update(account, headline="PMM", how_you_can_help=[VAGUE, SPECIFIC], people_categories=["PMMs"])
    small = queries_for(client, URL)
    grow(account, 180)
    assert queries_for(client, URL) == small <= 6, small  # 6: your name and contact lines, one query

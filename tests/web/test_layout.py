"""The shell: navigation to every section, honest 'coming' pages, vendored static files."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from goodloop.web import urls  # noqa: F401  (routing the pages marks their sections built)
from goodloop.web.context import NAV

SECTIONS = ["Today", "People", "Organizations", "Targets", "Asks", "Loops", "Leads", "Introductions", "Brief",
            "Import", "Giving", "Reports"]


def test_nav_lists_every_section_of_the_design():
    assert [s.label for s in NAV] == SECTIONS


@pytest.mark.django_db
def test_every_page_links_every_section_and_marks_the_current_one(client, account):
    html = client.get(reverse("people")).content.decode()
    for section in NAV:
        assert f'href="{reverse(section.key)}"' in html
    assert f'<a href="{reverse("people")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1
    assert '<nav class="site-nav" aria-label="Sections">' in html
    assert '<main id="main"' in html and 'class="skip-link" href="#main"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("section", [s for s in NAV if not s.built], ids=lambda s: s.key)
def test_sections_not_built_say_so_plainly(client, account, section):
    response = client.get(reverse(section.key))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{section.label}</h1>" in html
    assert "<strong>Coming:</strong>" in html and section.coming in html


@pytest.mark.django_db
def test_htmx_is_vendored_and_served_locally_nothing_from_a_cdn(client, account):
    assert finders.find("goodloop/vendor/htmx.min.js")
    html = client.get("/").content.decode()
    assert '<script src="/static/goodloop/vendor/htmx.min.js"' in html
    assert "https://" not in html.split("<body>")[0]  # no external scripts or styles
    response = client.get("/static/goodloop/vendor/htmx.min.js")
    assert response.status_code == 200
    assert b"htmx" in b"".join(response.streaming_content)[:200]


@pytest.mark.django_db
def test_unknown_page_is_a_404(client, account):
    assert client.get("/no-such-page/").status_code == 404

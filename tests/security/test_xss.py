"""Markup in every text field is shown as text: a person named <script>alert(1)</script>, a note
<img src=x onerror=alert(2)>, and markup in an ask, a need, a brief line, an organization name,
a favor note and an introduction purpose. Every page (walked from the URL patterns, detail
pages and htmx fragments too) renders them escaped; exports keep them as data; the brief's
HTML is escaped. Oversized fields and uploads are refused with a message, never a 500."""

import csv
import io
import json

import pytest
from django.test import Client

from tests.security.conftest import build_world, fill, route_params, web_patterns
from tests.security.test_isolation_matrix import WEB_NOT_OBJECTS, WEB_OBJECT_KIND

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
RAW = (SCRIPT, "<img src=x")  # as markup; "onerror=alert" alone may be there as escaped text

# Pages that show the marked-up values: the escaped form must be there (so they were rendered).
SHOWN_ON = ["/people/", "/organizations/", "/asks/", "/loops/", "/introductions/", "/leads/", "/brief/",
            "/targets/", "/giving/"]


@pytest.fixture
def marked(db):
    """The local account with every kind of object named and described with markup."""
    from goodloop.accounts import account as accounts
    from goodloop.network import people

    account = accounts.local_account()
    account.ids = build_world(account, SCRIPT)
    # "<script>… Inc" would name the world's two "<script>… Org"s (legal suffix aside, a prefix of
    # both: ambiguous); an organization of its own keeps the markup in a name no other starts with
    person = people.add_person(account, SCRIPT, org=f"{SCRIPT} Labs")
    person.notes, person.needs = IMG, [f"{IMG} need"]
    person.save(update_fields=["notes", "needs"])
    account.ids["xss_person"] = person.id
    return account


def _pages(account):
    """Every web page with its parameters filled from the account's own objects."""
    out = []
    for route, name, _ in web_patterns():
        if route.startswith("/accounts/"):
            continue
        choices = [{}]
        for _, param in route_params(route):
            if (name, param) in WEB_OBJECT_KIND:
                choices = [{**c, param: account.ids[WEB_OBJECT_KIND[(name, param)]]} for c in choices]
            else:
                choices = [{**c, param: v} for c in choices for v in WEB_NOT_OBJECTS[(name, param)]]
        out += [(fill(route, c), name) for c in choices]
    return out


def _html(response) -> str | None:
    if "text/html" not in response.get("Content-Type", ""):
        return None
    return response.content.decode("utf-8", "replace")


def test_every_page_shows_markup_as_text(marked):
    client = Client()
    failures, seen, checked = [], {}, 0
    pages = _pages(marked) + [(f"/people/{marked.ids['xss_person']}/", "person")]
    for url, name in pages:
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            if response.status_code >= 500:
                failures.append(f"GET {url}: {response.status_code}")
                continue
            html = _html(response)
            if html is None:
                continue
            checked += 1
            seen[url] = seen.get(url, False) or SCRIPT_ESCAPED in html
            for raw in RAW:
                if raw in html:
                    failures.append(f"GET {url} ({name}{', htmx' if headers else ''}): raw {raw!r} in the page")
    person = client.get(f"/people/{marked.ids['xss_person']}/").content.decode()
    assert "&lt;img src=x onerror=alert(2)&gt;" in person  # the note, as text
    for url in SHOWN_ON + [f"/people/{marked.ids['person']}/", f"/organizations/{marked.ids['organization']}/",
                           f"/targets/{marked.ids['target']}/"]:
        if url in seen and not seen[url]:
            failures.append(f"GET {url}: the escaped value is not shown (was it rendered at all?)")
    assert checked >= 40, checked
    assert not failures, "\n".join(failures)


def test_forms_echo_markup_escaped(marked):
    """A refused form shows what was typed back — escaped."""
    client = Client()
    for url, data in [("/targets/", {"organization": "", "why": SCRIPT}),
                      ("/tokens/", {"name": SCRIPT + "x" * 100}),
                      ("/asks/", {"person": SCRIPT, "text": SCRIPT}),
                      ("/favors/new/", {"person": SCRIPT, "kind": "advice", "note": SCRIPT})]:
        response = client.post(url, data)
        assert response.status_code < 500, url
        html = response.content.decode()
        assert SCRIPT not in html, url


def test_exports_keep_markup_as_data(marked):
    client = Client()
    for fmt, kind in (("json", "application/json"), ("csv", "text/csv"), ("vcard", "text/vcard"),
                      ("ics", "text/calendar")):
        response = client.get(f"/export/{fmt}/")
        assert response.status_code == 200, fmt
        assert response["Content-Type"].startswith(kind), (fmt, response["Content-Type"])
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment")
        text = response.content.decode()
        assert "&lt;" not in text, f"{fmt}: HTML-escaped in a data format"
        if fmt != "ics":
            assert SCRIPT in text, f"{fmt}: the name is not kept as it is"
    data = json.loads(client.get("/export/json/").content)
    assert SCRIPT in json.dumps(data, ensure_ascii=False)
    rows = list(csv.reader(io.StringIO(client.get("/export/csv/").content.decode())))
    assert any(SCRIPT in cell for row in rows for cell in row)


def test_the_brief_is_escaped_where_it_is_html(marked):
    client = Client()
    html = client.get("/brief/download/html/")
    assert html.status_code == 200
    text = html.content.decode()
    assert SCRIPT not in text and SCRIPT_ESCAPED in text
    md = client.get("/brief/download/md/")
    assert "text/html" not in md["Content-Type"] and SCRIPT in md.content.decode()
    pdf = client.get("/brief/download/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_api_returns_markup_as_json_data(marked):
    response = Client().get(f"/api/people/{marked.ids['xss_person']}")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["name"] == SCRIPT


# --------------------------------------------------------------------------- oversized input


@pytest.mark.parametrize("url,field,data", [
    ("/targets/", "organization", {"organization": "x" * 301, "status": "researching"}),
    ("/targets/", "why", {"organization": "Acme", "status": "researching", "why": "x" * 2001}),
    ("/tokens/", "name", {"name": "x" * 101}),
    ("/brief/", "headline", {"headline": "x" * 301}),
    ("/asks/", "text", {"person": "Me", "text": "x" * 5001}),
    ("/favors/new/", "note", {"direction": "received", "person": "Me", "kind": "advice", "note": "x" * 2001}),
])
def test_a_field_over_its_length_is_a_field_error(db, url, field, data):
    response = Client().post(url, data)
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html or "at most" in html or "Ensure this value" in html, html[:500]


def test_a_person_field_over_its_length_is_a_field_error(marked):
    r = Client().post(f"/people/{marked.ids['person']}/needs/", {"need": "x" * 301})
    assert r.status_code in (200, 400) and "at most 300" in r.content.decode().replace("Ensure this value has ", "")


def test_an_upload_over_the_limit_is_refused_with_a_message(db, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from goodloop.network.models import ImportJob
    from goodloop.transfer import import_jobs

    monkeypatch.setattr(import_jobs, "MAX_UPLOAD", 1024)
    big = SimpleUploadedFile("big.vcf", b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n" * 200, content_type="text/vcard")
    response = Client().post("/import/", {"file": big, "format": "auto"})
    assert response.status_code in (200, 400)
    assert "the limit is" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_api_refuses_oversized_fields_with_422(db):
    r = Client().post("/api/people", {"name": "x" * 301}, content_type="application/json")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "name"


def test_a_one_word_name_of_the_full_length_is_stored(db):
    """300 characters is a valid name, even in one word (given and family names are shorter columns)."""
    r = Client().post("/api/people", {"name": "x" * 300}, content_type="application/json")
    assert r.status_code == 201 and r.json()["name"] == "x" * 300

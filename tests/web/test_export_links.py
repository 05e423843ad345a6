"""Exports from the Import page: vCard, CSV, JSON backup and ICS downloads through services.exporter."""

import json
import re

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import people
from goodloop.transfer import exporter
from tests.web.network import build, grow

KINDS = {"vcard": ("text/vcard", ".vcf"), "csv": ("text/csv", ".csv"), "json": ("application/json", ".json"),
         "ics": ("text/calendar", ".ics")}


@pytest.mark.django_db
def test_the_import_page_links_every_export(client, account):
    html = client.get(reverse("import")).content.decode()
    block = html.split('id="h-export"')[1].split("</section>")[0]
    links = re.findall(r'<a href="(/export/[a-z]+/[^"]*)" download>([^<]+)</a>', block)
    assert links == [("/export/vcard/", "vCard 4.0"), ("/export/vcard/?version=3.0", "vCard 3.0"), ("/export/csv/", "CSV"), ("/export/json/", "JSON backup"),
                     ("/export/ics/", "Calendar (ICS)"), ("/export/ics/?todo=1", "Calendar tasks (ICS)")]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(KINDS))
def test_each_export_downloads_the_exporters_bytes(client, account, kind):
    people.add_person(account, "Ana Souza", org="Globex", title="PM", email="ana@globex.example", tags=["mentor"])
    response = client.get(reverse("export", args=[kind]))
    assert response.status_code == 200
    content_type, ext = KINDS[kind]
    assert response["Content-Type"].startswith(content_type)
    assert re.fullmatch(rf'attachment; filename="goodloop-[a-z]+-\d{{4}}-\d\d-\d\d\{ext}"',
                        response["Content-Disposition"])
    assert response["Cache-Control"] == "no-store"
    if kind != "ics":  # the calendar stamps the time of export
        assert response.content == exporter.export(account, kind)
    if kind in ("vcard", "csv", "json"):
        assert "ana@globex.example" in response.content.decode()
    if kind == "json":
        json.loads(response.content)


@pytest.mark.django_db
def test_an_unknown_export_is_404(client, account):
    assert client.get("/export/xlsx/").status_code == 404


@pytest.mark.django_db
def test_another_accounts_people_are_never_exported(client, account):
    other = Account.objects.create(name="other")
    people.add_person(other, "Zed Outsider", email="zed@secret.example")
    people.add_person(account, "Ana Souza", email="ana@globex.example")
    for kind in KINDS:
        body = client.get(reverse("export", args=[kind])).content.decode()
        assert "zed@secret.example" not in body and "Zed Outsider" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["vcard", "csv"])
def test_export_query_count_does_not_grow(client, account, kind):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build(account, 20)
    url = reverse("export", args=[kind])
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(account, 120)
    with CaptureQueriesContext(connection) as big:
        assert client.get(url).status_code == 200
    assert len(big) == len(small) <= 8, len(small)


@pytest.mark.django_db
def test_vcard_30_download_and_a_bad_version(client, account):
    people.add_person(account, "Ana Souza", email="ana@globex.example")
    response = client.get(reverse("export", args=["vcard"]) + "?version=3.0")
    assert response.status_code == 200 and b"VERSION:3.0\r\n" in response.content
    assert response.content == exporter.export(account, "vcard", version="3.0")
    bad = client.get(reverse("export", args=["vcard"]) + "?version=2.1")
    assert bad.status_code == 400 and b"vCard version must be one of 4.0, 3.0" in bad.content

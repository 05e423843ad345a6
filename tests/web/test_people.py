"""People: search, filters, pagination, the htmx fragment, and a bounded query count."""

import re

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.network import people
from tests.web.network import build, grow, queries_for

URL = reverse("people")


def names(response) -> list[str]:
    return re.findall(r'<a href="/people/\d+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def network(account):
    build(account, 20)
    return account


@pytest.mark.django_db
def test_lists_people_alphabetically_with_organization_title_tier(client, network):
    response = client.get(URL)
    assert response.status_code == 200
    found = names(response)
    assert len(found) == 20 and found == sorted(found)
    html = response.content.decode()
    assert "20 people" in html
    assert "Product Marketing Manager" in html and "eBay Inc." in html
    assert 'class="badge tier-core"' in html
    assert "p1@example.org" in html


@pytest.mark.django_db
@pytest.mark.parametrize("query, expected", [
    ("Person0007", ["Person0007 Family7"]),  # name
    ("p12@example.org", ["Person0012 Family12"]),  # email
    ("person0002 family2", ["Person0002 Family2"]),  # several words, any case
])
def test_search_by_name_email(client, network, query, expected):
    assert names(client.get(URL, {"q": query})) == expected


@pytest.mark.django_db
def test_search_by_organization_and_title(client, network, account):
    found = names(client.get(URL, {"q": "initech"}))
    assert found and all(people.search(account, "initech").filter(display_name=n).exists() for n in found)
    assert set(found) == {p.display_name for p in people.search(account, org="Initech")}
    recruiters = names(client.get(URL, {"q": "recruiter"}))
    assert set(recruiters) == {p.display_name for p in people.search(account).filter(title="Recruiter")}


@pytest.mark.django_db
def test_filters_by_organization_tag_tier(client, network, account):
    by_org = names(client.get(URL, {"org": "ebay"}))  # normalized: "eBay Inc." is "ebay"
    assert by_org and set(by_org) == {p.display_name for p in people.search(account, org="eBay Inc.")}
    by_tag = names(client.get(URL, {"tag": "recruiter"}))
    assert by_tag == ["Person0001 Family1", "Person0005 Family5", "Person0009 Family9", "Person0013 Family0",
                      "Person0017 Family4"]
    by_tier = names(client.get(URL, {"tier": "core"}))
    assert by_tier == ["Person0000 Family0", "Person0005 Family5", "Person0010 Family10", "Person0015 Family2"]
    both = names(client.get(URL, {"tag": "recruiter", "tier": "core"}))
    assert both == ["Person0005 Family5"]


@pytest.mark.django_db
def test_filter_form_keeps_its_values_and_every_input_has_a_label(client, network):
    html = client.get(URL, {"q": "fam", "tier": "close", "tag": "alumni", "org": "Globex"}).content.decode()
    assert 'name="q" value="fam"' in html and 'name="org" value="Globex"' in html
    assert '<option value="close" selected>' in html and '<option value="alumni" selected>' in html
    for field_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert re.search(rf'<label for="{field_id}"[ >]', html), field_id


@pytest.mark.django_db
def test_no_match_says_so(client, network):
    response = client.get(URL, {"q": "zzzz-nobody"})
    assert names(response) == [] and "No one matches" in response.content.decode()


@pytest.mark.django_db
def test_bad_tier_is_an_error_next_to_the_field_not_a_crash(client, network):
    response = client.get(URL, {"tier": "bestie"})
    assert response.status_code == 200
    html = response.content.decode()
    assert names(response) == []
    assert re.search(r'<select id="id_tier" name="tier" aria-invalid="true" aria-describedby="tier-error">', html)
    assert '<p class="field-error" id="tier-error">tier must be one of' in html


@pytest.mark.django_db
def test_paginated_fifty_per_page_keeping_the_filters(client, account):
    build(account, 20)
    grow(account, 100)  # 120 people: pages of 50, 50, 20
    first = client.get(URL)
    assert len(names(first)) == 50 and "Page 1 of 3" in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    third = client.get(URL, {"page": 3})
    assert len(names(third)) == 20
    assert client.get(URL, {"page": 99}).status_code == 200  # out of range: the last page
    assert len(names(client.get(URL, {"page": "x"}))) == 50
    assert len(set(names(client.get(URL, {"page": 1})) + names(client.get(URL, {"page": 2})))) == 100
    core = client.get(URL, {"tier": "core"}).content.decode()  # 24 people: one page, no pager
    assert "24 people match" in core and "Page 1 of" not in core


@pytest.mark.django_db
def test_page_links_keep_the_search(client, account):
    build(account, 20)
    grow(account, 100)
    html = client.get(URL, {"q": "person"}).content.decode()
    assert 'href="?q=person&amp;page=2"' in html
    assert 'hx-get="?q=person&amp;page=2" hx-target="#results" hx-push-url="true"' in html


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results(client, network):
    full = client.get(URL, {"q": "person0003"})
    fragment = client.get(URL, {"q": "person0003"}, HTTP_HX_REQUEST="true")
    assert "<html" in full.content.decode() and "<html" not in fragment.content.decode()
    assert "<form" not in fragment.content.decode()
    assert names(fragment) == ["Person0003 Family3"]
    assert "HX-Request" in fragment["Vary"] and "HX-Request" in full["Vary"]
    restore = client.get(URL, {"q": "x"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in restore.content.decode()  # back button: the whole page


@pytest.mark.django_db
def test_search_form_uses_htmx_live_search_and_works_without_js(client, network):
    html = client.get(URL).content.decode()
    assert 'method="get" action="/people/"' in html  # no JS: a plain GET form
    assert 'hx-get="/people/" hx-target="#results"' in html
    assert 'hx-trigger="input changed delay:300ms, submit"' in html and 'hx-push-url="true"' in html


@pytest.mark.django_db
def test_other_accounts_people_never_show(client, network):
    other = Account.objects.create(name="other")
    people.add_person(other, "Zed Outsider", org="eBay", email="zed@example.org")
    assert "Zed Outsider" not in client.get(URL).content.decode()
    assert names(client.get(URL, {"q": "outsider"})) == []
    assert "20 people" in client.get(URL).content.decode()


# The list plain, searched, filtered by tag and tier, and by organization: each measured on one
# network at both sizes (built once for all four: the 180 people grown are most of the test's time).
FILTERS = [{}, {"q": "person"}, {"tag": "alumni", "tier": "core"}, {"org": "ebay"}]


@pytest.mark.django_db
def test_query_count_is_the_same_at_20_and_200_people(client, account):
    build(account, 20)
    urls = [URL + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "") for params in FILTERS]
    small = {url: (queries_for(client, url), len_fragment(client, url)) for url in urls}
    grow(account, 180)
    big = {url: (queries_for(client, url), len_fragment(client, url)) for url in urls}
    assert big == small, {url: (small[url], big[url]) for url in urls if big[url] != small[url]}
    for url, (page, fragment) in small.items():
        assert page <= 9 and fragment <= page, (url, page, fragment)


def len_fragment(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
    return len(ctx.captured_queries)

"""Every list is paginated (limit/offset, with a maximum) and costs the same number of SQL
queries whatever the amount of data (measured at two sizes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

LISTS = ["/api/people", "/api/organizations", "/api/targets", "/api/interactions", "/api/asks", "/api/favors",
         "/api/loops", "/api/introductions", "/api/leads", "/api/today?date=2026-03-02", "/api/tokens"]


def _queries(api, url) -> tuple[int, dict]:
    api.client.get(url, **api.headers)  # warm up: token last-used stamp, local account
    with CaptureQueriesContext(connection) as ctx:
        response = api.client.get(url, **api.headers)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response.json()


def test_query_count_does_not_grow_with_the_data(make_account, api_as):
    """Every list at both sizes, on two accounts built once for all of them."""
    small = make_account("small@example.org", n=2)
    big = make_account("big@example.org", n=10)
    counts = {}
    for url in LISTS:
        sep = "&" if "?" in url else "?"
        paged = url if url == "/api/tokens" else f"{url}{sep}limit=200"
        n_small, data_small = _queries(api_as(small), paged)
        n_big, data_big = _queries(api_as(big), paged)
        if isinstance(data_big, dict) and url.startswith(("/api/people", "/api/interactions", "/api/asks")):
            assert data_big["count"] > data_small["count"], url  # the sizes really differ
        counts[url] = (n_small, n_big)
    grew = {url: n for url, n in counts.items() if n[0] != n[1]}
    assert grew == {}, f"queries at the small size, then the big one: {grew}"
    # Today reads each of its sources once (loops, asks and their warm paths, gives, check-ins,
    # the building rhythm, lead steps, reconnects, snoozes): more lists than one, still fixed.
    over = {url: n_big for url, (_, n_big) in counts.items() if n_big > (20 if url.startswith("/api/today") else 12)}
    assert over == {}, over


def test_pages_are_bounded_and_do_not_overlap(make_account, api_as):
    account = make_account("pager@example.org", n=4)  # 12 people and "me"
    api = api_as(account)
    first = api.get("/api/people", limit=5, offset=0).json()
    second = api.get("/api/people", limit=5, offset=5).json()
    assert first["count"] == second["count"] == 12
    assert len(first["items"]) == 5 and first["limit"] == 5 and second["offset"] == 5
    assert not {p["id"] for p in first["items"]} & {p["id"] for p in second["items"]}
    past = api.get("/api/people", limit=5, offset=100).json()
    assert past["items"] == [] and past["count"] == 12
    assert api.get("/api/people").json()["limit"] == 50
    too_many = api.get("/api/people", limit=201)
    assert too_many.status_code == 422 and too_many.json()["errors"][0]["field"] == "limit"
    assert api.get("/api/people", limit=200).status_code == 200


def test_today_pages_through_the_ranked_agenda(make_account, api_as):
    api = api_as(make_account("agenda@example.org", n=3))
    whole = api.get("/api/today", date="2026-03-02", limit=200).json()["items"]
    page = api.get("/api/today", date="2026-03-02", limit=2, offset=1).json()
    assert page["items"] == whole[1:3]


@pytest.mark.parametrize("url", ["/api/leads?open=true&person={person}&org=Zeta {tag}0",
                                 "/api/introductions?open=true&person={person}&org=Zeta {tag}0",
                                 "/api/favors?open=true&person={person}&org=Acme {tag}0",
                                 "/api/people?org=Zeta {tag}0"])
def test_filtered_lists_cost_the_same_whatever_the_data(make_account, api_as, url):
    small = make_account("small@example.org", n=2)
    big = make_account("big@example.org", n=10)
    counts = []
    for account, tag in ((small, "small"), (big, "big")):
        from goodloop.network.models import Person

        first = Person.objects.get(account=account, display_name=f"Ana {tag}0 Silva").id
        n, data = _queries(api_as(account), url.format(person=first, tag=tag) + "&limit=200")
        assert data["count"] >= 1
        counts.append(n)
    assert counts[0] == counts[1] and counts[1] <= 12

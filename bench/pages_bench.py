"""Benchmarks of the everyday commands and of every page and API list at full size.

Used by bench/benchmark.py (`--only commands`, `--only pages`).
"""

import statistics
import time

from django.db import close_old_connections, connection
from django.test import Client

PAGE_RUNS = 20


class ServingClient(Client):
    """The test client as a server runs requests: the database connection is closed after each
    one, as Django's handler does when a request finishes (CONN_MAX_AGE 0: local SQLite mode).
    The plain test client keeps one connection for the whole run, which no server does; after a
    benchmark's worth of work that connection read the Person page's rows ~1.7x slower than a
    fresh one (128 ms against 75 ms), which measured the benchmark, not goodloop."""

    def request(self, **request):
        try:
            return super().request(**request)
        finally:
            close_old_connections()


def count_queries(call, *args, **kwargs) -> int:
    """SQL statements `call(*args, **kwargs)` runs (an execute wrapper: a request's start empties the debug query log)."""
    seen = []

    def counted(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        call(*args, **kwargs)
    return len(seen)


def busiest_target(account):
    from goodloop.search.models import Target

    t = Target.objects.filter(account=account).select_related("organization").order_by("priority").first()
    if t is not None:
        return t.organization.name
    from goodloop.network import organizations

    return organizations.list_organizations(account).first().name


def urls(account) -> list[tuple[str, str]]:
    """Every list page and API list endpoint, plus one detail page of each kind."""
    from goodloop.network.models import Organization, Person

    person = Person.objects.filter(account=account).exclude(id=account.me_id).order_by("id").first()
    org = Organization.objects.filter(account=account).order_by("id").first()
    pages = ["/", "/people/", "/people/?q=an", f"/people/{person.id}/", "/organizations/",
             f"/organizations/{org.id}/", "/targets/", "/asks/", "/loops/", "/leads/", "/introductions/",
             "/brief/", "/reports/", "/giving/", "/import/", "/duplicates/"]
    api = ["/api/people", "/api/organizations", "/api/targets", "/api/interactions", "/api/asks", "/api/favors",
           "/api/loops", "/api/introductions", "/api/leads", "/api/today"]
    return [("page", u) for u in pages] + [("api", u) for u in api]


def measure_pages(client, account, headers: dict, runs: int = PAGE_RUNS) -> list[tuple[str, float, float, int, int]]:
    """(url, median s, p95 s, queries, status) for every URL, in-process."""
    out = []
    for kind, url in urls(account):
        extra = headers if kind == "api" else {}
        response = client.get(url, **extra)
        if response.status_code != 200:
            out.append((url, 0.0, 0.0, 0, response.status_code))
            continue
        queries = count_queries(client.get, url, **extra)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            client.get(url, **extra)
            times.append(time.perf_counter() - t)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        out.append((url, statistics.median(times), p95, queries, 200))
    return out

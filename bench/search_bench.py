"""The header search at full size (bench/benchmark.py `--only search`): `GET /search/?q=…` as the
header box asks for it while you type (an htmx fragment), for a few realistic queries — a
surname, an organization's first letters, a word of a title, a first and last name — and a word
nobody has, which reads every row it may match (the worst case); and once as the plain page.

The machine is shared: the load average before the run is part of the figure."""

import os
import time
from urllib.parse import quote

from bench.pages_bench import count_queries

RUNS = 40
HTMX = {"HTTP_HX_REQUEST": "true"}


def queries(account) -> list[tuple[str, str]]:
    """(what it is, query), taken from the network itself so they find something."""
    from goodloop.network.models import Person

    person = (Person.objects.filter(account=account, is_me=False, organization__isnull=False).exclude(title="")
              .select_related("organization").order_by("id").first())
    prefix = person.organization.name.split()[0][:5]
    title_word = max(person.title.split(), key=len).lower()
    return [("a surname", person.family_name), ("an organization's first letters", prefix),
            ("a word of a title", title_word), ("first and last name", f"{person.given_name} {person.family_name}"),
            ("a word nobody has", "zqxvbk")]


def _time(client, url: str, headers: dict, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        client.get(url, **headers)
        times.append(time.perf_counter() - t)
    return times


def measure(client, account, runs: int = RUNS) -> list[tuple[str, list[float], int]]:
    """(what was measured, the request times, SQL queries) for each query, in-process."""
    load = "load average {:.2f} {:.2f} {:.2f} (1, 5, 15 min) before the run".format(*os.getloadavg())
    out = []
    for what, query in queries(account):
        url = f"/search/?q={quote(query)}"
        response = client.get(url, **HTMX)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")
        shown = response.content.decode().count("data-search-hit")
        note = f"{shown} links in the list" + ("" if out else f"; {load}")
        out.append((f"header search, {what}: `GET {url}` as htmx asks ({note})",
                    _time(client, url, HTMX, runs), count_queries(client.get, url, **HTMX)))
    what, query = queries(account)[0]
    url = f"/search/?q={quote(query)}"
    out.append((f"search page without JavaScript, {what}: `GET {url}`", _time(client, url, {}, runs),
                count_queries(client.get, url)))
    return out

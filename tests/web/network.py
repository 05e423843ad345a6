"""A small deterministic network for the web tests, built through the services."""

from datetime import date, timedelta

from goodloop.network import interactions, people
from goodloop.search import targets

ORGS = ["eBay Inc.", "American Express", "Acme Robotics", "Northwind Health", "Globex", "Initech", "Umbrella Labs"]
TITLES = ["Product Marketing Manager", "Engineer", "Recruiter", "Designer", "Director of Sales", "Data Analyst"]
TIERS = ["core", "close", "active", "wide", "dormant"]
CHANNELS = ["meeting", "call", "video", "email", "message", "event", "social"]


def build(account, n: int = 20, start: date = date(2025, 1, 6)):
    """`n` people across ORGS with titles, tags, tiers, a past role each fifth person,
    two interactions each, and targets on the first three organizations."""
    made = []
    for i in range(n):
        org = ORGS[i % len(ORGS)]
        tags = ["alumni"] if i % 4 == 0 else (["recruiter", "friend"] if i % 4 == 1 else [])
        person = people.add_person(
            account, f"Person{i:04d} Family{i % 13}", org=ORGS[(i + 3) % len(ORGS)] if i % 5 == 2 else org,
            title=TITLES[i % len(TITLES)], email=f"p{i}@example.org", tier=TIERS[i % len(TIERS)], tags=tags,
        )
        if i % 5 == 2:  # moved: the role above becomes past, `org` is current
            people.set_current_role(account, person, org, TITLES[(i + 1) % len(TITLES)], start=start)
        made.append(person)
    for i, person in enumerate(made):
        other = made[(i + 1) % len(made)]
        interactions.log(account, [person], CHANNELS[i % len(CHANNELS)], "outbound", f"Note {i} first",
                         start + timedelta(days=i % 50))
        interactions.log(account, [person, other], "meeting", "mutual", f"Coffee {i} with two",
                         start + timedelta(days=60 + i % 50))
    for priority, org in enumerate(ORGS[:3], start=1):
        targets.add_target(account, org, priority=priority, why=f"Why {org}")
    return made


def queries_for(client, url: str) -> int:
    """How many SQL queries one GET of `url` runs (asserting it succeeds)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def grow(account, n: int):
    """Add `n` more people (and their interactions) to an account built by `build`, for the
    second size of a query-count test; names continue after the existing ones."""
    from goodloop.network.models import Person

    offset = Person.objects.filter(account=account, is_me=False).count()
    start = date(2025, 1, 6)
    for i in range(offset, offset + n):
        person = people.add_person(account, f"Person{i:04d} Family{i % 13}", org=ORGS[i % len(ORGS)],
                                   title=TITLES[i % len(TITLES)], email=f"p{i}@example.org",
                                   tier=TIERS[i % len(TIERS)], tags=["alumni"] if i % 4 == 0 else [])
        interactions.log(account, [person], CHANNELS[i % len(CHANNELS)], "inbound", f"Grow {i}",
                         start + timedelta(days=i % 90))

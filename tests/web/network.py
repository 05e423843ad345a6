"""A small deterministic network for the web tests, built through the services."""

from datetime import date, timedelta

from goodloop.services import interactions, people, targets

ORGS = ["eBay Inc.", "American Express", "Acme Robotics", "Northwind Health", "Globex", "Initech", "Umbrella Labs"]
TITLES = ["Product Marketing Manager", "Engineer", "Recruiter", "Designer", "Director of Sales", "Data Analyst"]
TIERS = ["core", "close", "active", "wide", "dormant"]
CHANNELS = ["meeting", "call", "video", "email", "message", "event", "social"]


def build(account, n: int = 20, start: date = date(2025, 1, 6)):
    """`n` people across ORGS with titles, tags, tiers, a past role each third person,
    two interactions each, and targets on the first three organizations."""
    made = []
    for i in range(n):
        org = ORGS[i % len(ORGS)]
        tags = ["alumni"] if i % 4 == 0 else (["recruiter", "friend"] if i % 4 == 1 else [])
        person = people.add_person(
            account, f"Person{i:04d} Family{i % 13}", org=ORGS[(i + 3) % len(ORGS)] if i % 3 == 0 else org,
            title=TITLES[i % len(TITLES)], email=f"p{i}@example.org", tier=TIERS[i % len(TIERS)], tags=tags,
        )
        if i % 3 == 0:  # moved: the role above becomes past, `org` is current
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

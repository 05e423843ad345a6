"""Builds the demo network's rows: people, organizations, roles and the relationships
between them. `demo_story` adds the search around them (targets, introductions, leads,
asks, favors). Everything is drawn from one seeded random generator and dated relative
to `today`, so a given day always yields the same network.
"""

import random
from datetime import date, timedelta

from goodloop.core import rules
from goodloop.core.orgnames import normalize_org
from goodloop.demo import data as d
from goodloop.demo.data import ascii_slug
from goodloop.network.models import (
    ContactPoint,
    Interaction,
    InteractionPerson,
    Organization,
    Person,
    Role,
    SourceRecord,
    Tag,
)
from goodloop.network.people import contact_key, search_text

SEED = 20_240_312
PEOPLE = 250  # besides "me"
HISTORY_DAYS = 182  # about six months of interactions
TIER_WEIGHTS = (("core", 5), ("close", 16), ("active", 70), ("wide", 129), ("dormant", 30))
TRUST_BY_TIER = {
    "core": ("rapport", "advocate"), "close": ("acquainted", "rapport", "rapport"),
    "active": ("introduced", "acquainted", "acquainted", "rapport"),
    "wide": ("stranger", "introduced", "acquainted"), "dormant": ("stranger", "acquainted"),
}
TOUCHES_BY_TIER = {"core": (8, 12), "close": (4, 7), "active": (1, 3), "wide": (0, 1), "dormant": (0, 0)}
CHANNEL_WEIGHTS = {
    "core": (("meeting", 3), ("call", 3), ("video", 2), ("message", 3), ("email", 1)),
    "close": (("meeting", 2), ("call", 2), ("video", 2), ("email", 2), ("message", 2), ("social", 1)),
    "active": (("video", 2), ("email", 3), ("message", 2), ("call", 1), ("social", 2), ("meeting", 1)),
    "wide": (("email", 2), ("social", 3), ("message", 2)),
}
DIRECTION_WEIGHTS = (("mutual", 5), ("outbound", 3), ("inbound", 2))
KEEP_CLEAR_DAYS = 10  # the demo's next days hold few check-ins: its user has kept up
DUE_SOON = (3, 7)  # ...but for these: days after the demo's today when a check-in falls due


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


class Builder:
    """Holds the rows of one demo load; `people_rows()` then the story modules fill it."""

    def __init__(self, account, today: date, batch):
        self.account = account
        self.today = today
        self.batch = batch
        self.rng = random.Random(SEED)
        self.orgs: list[Organization] = []
        self.org_by_name: dict[str, Organization] = {}
        self.domain: dict[int, str] = {}
        self.tags: dict[str, Tag] = {}
        self.people: list[Person] = []
        self.cast: dict[str, Person] = {}
        self.function: dict[int, str] = {}  # person index -> function (key of TITLES)
        self.planned: list[tuple] = []  # (date, channel, direction, summary, [Person])
        self.used_values: set[str] = set()

    # -------------------------------------------------------------- helpers
    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def plan(self, when: date, channel: str, direction: str, summary: str, people) -> None:
        self.planned.append((when, channel, direction, summary, list(people)))

    def summary(self, channel: str) -> str:
        return self.rng.choice(d.SUMMARIES[channel]).format(
            topic=self.rng.choice(d.TOPICS), place=self.rng.choice(d.PLACES), event=self.rng.choice(d.EVENTS))

    def unique(self, value: str) -> str:
        base, n = value, 1
        while value in self.used_values:
            n += 1
            local, _, domain = base.partition("@")
            value = f"{local}{n}@{domain}" if domain else f"{base}-{n}"
        self.used_values.add(value)
        return value

    def at(self, org_name: str) -> list[Person]:
        org = self.org_by_name[org_name]
        return [p for p in self.people if p.organization_id == org.id]

    # -------------------------------------------------------------- organizations and people
    def organizations(self) -> None:
        rows = [Organization(account=self.account, name=name, normalized_name=normalize_org(name),
                             domain=domain, industry=industry)
                for name, industry, domain, _ in d.ORGANIZATIONS]
        self.orgs = Organization.objects.bulk_create(rows)
        for org, spec in zip(self.orgs, d.ORGANIZATIONS, strict=True):
            self.org_by_name[org.name] = org
            self.domain[org.id] = spec[2]
        self.tags = {t.name: t for t in Tag.objects.bulk_create([Tag(account=self.account, name=n) for n in d.TAGS])}

    def _names(self) -> list[tuple[str, str]]:
        taken = {name for _, name, *_ in d.CAST}
        names = []
        while len(names) < PEOPLE - len(d.CAST):
            given, family = self.rng.choice(d.GIVEN_NAMES), self.rng.choice(d.FAMILY_NAMES)
            if f"{given} {family}" not in taken:
                taken.add(f"{given} {family}")
                names.append((given, family))
        return names

    def people_rows(self) -> None:
        rng, cast_keys = self.rng, {}
        specs = []  # (given, family, org, title, tier, trust, tags, needs, notes, function)
        for key, name, org, title, tier, trust, tags, needs, notes in d.CAST:
            given, family = name.split(" ", 1)
            func = next((f for f, titles in d.TITLES.items() if title in titles), "operations")
            cast_keys[len(specs)] = key
            specs.append((given, family, self.org_by_name[org], title, tier, trust, tags, needs, notes, func))
        org_weights = [(o, spec[3]) for o, spec in zip(self.orgs, d.ORGANIZATIONS, strict=True)]
        for given, family in self._names():
            func = weighted(rng, d.FUNCTION_WEIGHTS)
            tier = weighted(rng, TIER_WEIGHTS)
            tags = [t for t in d.TAGS if rng.random() < 0.06]
            if func == "product_marketing":
                tags.append("product marketing")
            needs = [rng.choice(d.NEEDS)] if rng.random() < 0.12 else []
            specs.append((given, family, weighted(rng, org_weights), rng.choice(d.TITLES[func]), tier,
                          rng.choice(TRUST_BY_TIER[tier]), tuple(dict.fromkeys(tags)), tuple(needs), "", func))

        points, roles, tag_links = [], [], []
        for i, (given, family, org, title, tier, trust, tags, needs, notes, func) in enumerate(specs):
            name = f"{given} {family}"
            emails = []
            if rng.random() < 0.85 or i in cast_keys:
                emails.append(self.unique(f"{ascii_slug(name)}@{self.domain[org.id]}"))
            if rng.random() < 0.3:
                emails.append(self.unique(f"{ascii_slug(name, '')}{rng.randint(1, 99)}@{rng.choice(d.PERSONAL_DOMAINS)}"))
            person = Person(account=self.account, given_name=given, family_name=family, display_name=name,
                            organization=org, title=title, location=rng.choice(d.LOCATIONS), tier=tier,
                            trust_stage=trust, needs=list(needs), notes=notes,
                            job_seeking="job seeker" in tags,
                            connected_on=self.day(rng.randint(200, 3600)))
            person.search_text = search_text(person, emails, org.name)
            self.people.append(person)
            self.function[i] = func
            if i in cast_keys:
                self.cast[cast_keys[i]] = person
            cps = [(ContactPoint.EMAIL, e, "work" if j == 0 and "@" + self.domain[org.id] in e else "personal")
                   for j, e in enumerate(emails)]
            if rng.random() < 0.4:
                phone = self.unique(f"+1 {rng.choice(d.AREA_CODES)} 555 01{rng.randint(0, 99):02d}")
                cps.append((ContactPoint.PHONE, phone, "mobile"))
            if rng.random() < 0.9 or i in cast_keys:
                url = self.unique(f"https://www.linkedin.com/in/{ascii_slug(name, '-')}-{rng.randrange(16**5):05x}")
                cps.append((ContactPoint.URL, url, "LinkedIn"))
            points.append(cps)
            start = self.day(rng.randint(90, 2600))
            roles.append([(org, title, start, None, True)])
            for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
                end = start
                start = end - timedelta(days=rng.randint(400, 1500))
                past_org = rng.choice(self.orgs)
                if past_org.id != org.id:
                    roles[-1].append((past_org, rng.choice(d.TITLES[func]), start, end, False))
            tag_links.append(tags)

        self.contact_details()
        Person.objects.bulk_create(self.people)
        ContactPoint.objects.bulk_create([
            ContactPoint(account=self.account, person=p, kind=kind, value=value, key=contact_key(kind, value),
                         label=label)
            for p, cps in zip(self.people, points, strict=True) for kind, value, label in cps])
        departments = {i: self.function[i].replace("_", " ").title() for i in range(len(self.people))
                       if self.details_rng.random() < 0.5}
        Role.objects.bulk_create([
            Role(account=self.account, person=p, organization=org, title=title, start=start, end=end, current=cur,
                 department=departments.get(i, "") if cur else "")
            for i, (p, rows) in enumerate(zip(self.people, roles, strict=True))
            for org, title, start, end, cur in rows])
        self.past_orgs = {p.id: [r[0].id for r in rows[1:]] for p, rows in zip(self.people, roles, strict=True)}
        Through = Person.tags.through
        Through.objects.bulk_create([Through(person_id=p.id, tag_id=self.tags[t].id)
                                     for p, tags in zip(self.people, tag_links, strict=True) for t in tags])
        SourceRecord.objects.bulk_create([
            SourceRecord(account=self.account, person=p, batch=self.batch, format="demo", row=i + 1)
            for i, p in enumerate(self.people)])

    def contact_details(self) -> None:
        """What contacts apps keep for some people: birthday, name prefix or suffix, a postal address. Drawn
        from their own random sequence, so the rest of the network stays what it was."""
        rng = self.details_rng = random.Random(16)
        for p in self.people:
            if rng.random() < 0.3:
                p.birthday = date(rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28))
            if rng.random() < 0.06:
                p.name_prefix = "Dr."
            if rng.random() < 0.04:
                p.name_suffix = rng.choice(("PhD", "Jr.", "MBA"))
            if rng.random() < 0.2 and ", " in p.location:
                city, region = p.location.split(", ", 1)
                p.addresses = [{"label": rng.choice(("work", "home")), "street": f"{rng.randint(1, 999)} Main St",
                                "locality": city, "region": region, "postcode": f"{rng.randint(10000, 99999)}"}]

    def met_through(self) -> None:
        """How we met, and for some, the person who introduced us."""
        rng = self.rng
        c = self.cast
        c["elena"].met_through, c["daniel"].met_through = c["marcus"], c["elena"]
        for p in self.people:
            template = rng.choice(d.HOW_WE_MET)
            past = self.past_orgs.get(p.id)
            p.how_we_met = template.format(org=next((o.name for o in self.orgs if past and o.id == past[0]),
                                                    p.organization.name))
            if p.met_through is None and p.tier != "core" and rng.random() < 0.18:
                p.met_through = rng.choice([q for q in self.people[:60] if q is not p])
                p.how_we_met = f"introduced by {p.met_through.display_name}"

    def connections(self) -> list[tuple[Person, Person, str]]:
        """Who knows whom: colleagues, former colleagues, and the links the stories need."""
        rng, pairs, seen = self.rng, [], set()

        def link(a, b, note):
            key = (min(a.id, b.id), max(a.id, b.id))
            if a is not b and key not in seen:
                seen.add(key)
                pairs.append((a, b, note))

        by_org: dict[int, list[Person]] = {}
        for p in self.people:
            by_org.setdefault(p.organization_id, []).append(p)
        for org in self.orgs:
            staff = by_org.get(org.id, [])
            for p in staff:
                for q in rng.sample(staff, min(2, len(staff))):
                    link(p, q, f"colleagues at {org.name}")
        for p in self.people:
            for org_id in self.past_orgs[p.id]:
                for q in rng.sample(by_org.get(org_id, []), min(2, len(by_org.get(org_id, [])))):
                    link(p, q, "former colleagues")
        c = self.cast
        for a, b in (("marcus", "elena"), ("elena", "daniel"), ("priya", "grace"), ("sofia", "hannah"),
                     ("noah", "wei"), ("aisha", "chloe"), ("kofi", "layla"), ("priya", "tomas")):
            link(c[a], c[b], "know each other well")
        for _ in range(80):
            link(rng.choice(self.people), rng.choice(self.people), "met at an industry event")
        return pairs

    def routine_interactions(self) -> None:
        """Touches by tier over the last six months, plus a few group events."""
        rng = self.rng
        for p in self.people:
            lo, hi = TOUCHES_BY_TIER[p.tier]
            for _ in range(rng.randint(lo, hi)):
                channel = weighted(rng, CHANNEL_WEIGHTS[p.tier])
                self.plan(self.day(rng.randint(1, HISTORY_DAYS)), channel, weighted(rng, DIRECTION_WEIGHTS),
                          self.summary(channel), [p])
        active = [p for p in self.people if p.tier in ("close", "active", "wide")]
        for n, event in enumerate(d.EVENTS * 2):
            self.plan(self.day(7 + n * 14 + rng.randint(0, 6)), "event", "mutual", f"Saw each other at the {event}",
                      rng.sample(active, rng.randint(3, 7)))

    def keep_up(self) -> None:
        """The touches of someone who keeps up with their network: whoever's tier cadence would fall
        due in the next KEEP_CLEAR_DAYS got a short note in time, so the demo opens on a handful of
        check-ins, not a wall of them; a few fall due on the DUE_SOON days. Drawn from their own random
        sequence, so the rest of the network stays what it was."""
        rng = random.Random(SEED + 1)
        last: dict[int, date] = {}
        for when, *_, people in self.planned:
            for p in people:
                last[p.id] = max(when, last.get(p.id, when))
        soon = list(DUE_SOON)
        for p in self.people:
            days = rules.CADENCE_DAYS.get(p.tier)
            if days is None or p.id not in last or last[p.id] + timedelta(days=days) > self.day(-KEEP_CLEAR_DAYS):
                continue
            overdue = last[p.id] + timedelta(days=days) <= self.today
            if soon and overdue and p.tier in ("close", "active"):
                due = self.day(-soon.pop(0))
            else:
                due = self.day(-rng.randint(KEEP_CLEAR_DAYS + 1, days - 1))
            self.plan(due - timedelta(days=days), rng.choice(("email", "message")), "outbound",
                      "Checked in to see how things are going", [p])

    def save_interactions(self) -> int:
        """Insert the planned interactions and set each person's last touch to their latest."""
        self.planned.sort(key=lambda row: row[0])
        rows = Interaction.objects.bulk_create([
            Interaction(account=self.account, date=when, channel=ch, direction=dr, summary=text)
            for when, ch, dr, text, _ in self.planned])
        links = []
        for row, (when, *_, people) in zip(rows, self.planned, strict=True):
            for p in dict.fromkeys(people):
                links.append(InteractionPerson(account=self.account, interaction=row, person=p))
                if p.last_touch is None or p.last_touch < when:
                    p.last_touch = when
        InteractionPerson.objects.bulk_create(links)
        return len(rows)

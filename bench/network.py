"""The synthetic network of DESIGN.md section 8, deterministic at any scale.

    build(account, people=30000, organizations=1500, interactions=300000,
          favors=20000, asks=5000, seed=1, today=None)

fills an account (which should hold nothing but "me") with exactly the requested number
of people (besides "me"), organizations, interactions, favors and asks, plus the rows the
pages and commands need to mean something at scale: current and past roles, contact
points, tags, connections, 8 targets, introductions, leads with their history and a
brief. Tests use it at small sizes, the benchmarks at full size. Names, companies and
titles come from `goodloop.demo.data`, the lists behind the demo network.
The big tables are written with plain multi-row INSERTs through Django's connection
(see `_Rows`), so the full size loads well within a minute on SQLite.
"""

import random
import uuid
from collections.abc import Iterator
from datetime import date
from types import SimpleNamespace

from django.db import connection, transaction
from django.utils import timezone

from goodloop.core.orgnames import normalize_org
from goodloop.demo import data as d
from goodloop.demo.data import ascii_slug
from goodloop.helploop.models import Ask, Favor
from goodloop.network.models import (
    Connection,
    ContactPoint,
    Interaction,
    InteractionPerson,
    Organization,
    Person,
    Role,
    Tag,
)
from goodloop.network.people import contact_key, search_text
from goodloop.search.models import Brief, Introduction, Lead, LeadStageChange, Target

from .names import org_names

BATCH = 5000
HISTORY_DAYS = 730
TIERS = (("core", 1), ("close", 4), ("active", 20), ("wide", 60), ("dormant", 15))
TRUST = (("stranger", 40), ("introduced", 20), ("acquainted", 25), ("rapport", 10), ("advocate", 5))
CHANNELS = (("meeting", 2), ("call", 2), ("video", 2), ("email", 5), ("message", 4), ("event", 1), ("social", 2))
DIRECTIONS = (("mutual", 5), ("outbound", 3), ("inbound", 2))
FAVOR_KINDS = ("introduction", "referral", "reference", "resume_feedback", "advice", "insight", "lead",
               "encouragement", "share", "other")
ASK_KINDS = ("introduction", "insight", "resume_feedback", "reference", "referral", "advice", "other")
ASK_STATUSES = (("sent", 2), ("answered", 4), ("declined", 1), ("no_reply", 2), ("done", 3), ("draft", 1))
LEAD_STAGES = ("identified", "networking", "referred", "applied", "interviewing", "offer", "rejected",
               "withdrawn")


def _weights(pairs):
    values, weights = zip(*pairs, strict=True)
    return list(values), list(weights)


def _skewed(rng: random.Random, n: int) -> int:
    """An index in [0, n) that favors low indexes: a few people get most of the history."""
    return min(int(n * rng.random() ** 2.2), n - 1)


def _batches(items, size=BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def build(account, people: int = 30000, organizations: int = 1500, interactions: int = 300000,
          favors: int = 20000, asks: int = 5000, seed: int = 1, today: date | None = None) -> dict:
    """Generate the network into `account`; returns the counts created."""
    today = today or date.today()
    rng = random.Random(seed)
    with transaction.atomic():
        return _build(account, rng, today, people, organizations, interactions, favors, asks)


class _Rows:
    """Plain multi-row INSERTs through Django's connection, for the big tables.

    `bulk_create` costs about 100 µs a row (model instances, per-value preparation);
    the full network has about 800,000 rows. Here each column is given already adapted,
    and every column not given gets the model field's default, prepared once.
    """

    def __init__(self, model, fields):
        meta = model._meta
        now = timezone.now()
        given = [meta.get_field(f) for f in fields]
        rest = [f for f in meta.concrete_fields if not f.primary_key and f not in given]
        consts = []
        for f in rest:
            value = now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default()
            consts.append(f.get_db_prep_save(value, connection))
        self.model, self.consts = model, tuple(consts)
        qn = connection.ops.quote_name
        cols = ", ".join(qn(f.column) for f in given + rest)
        marks = ", ".join(["%s"] * (len(given) + len(rest)))
        self.sql = f"INSERT INTO {qn(meta.db_table)} ({cols}) VALUES ({marks})"

    def last_id(self) -> int:
        return self.model.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def insert(self, rows) -> None:
        consts = self.consts
        with connection.cursor() as cursor:
            for chunk in _batches(rows):
                cursor.executemany(self.sql, [row + consts for row in chunk])

    def insert_returning_ids(self, account, rows) -> list[int]:
        """Insert, then read the new ids back in insertion order (one writer: the ids only rise)."""
        after = self.last_id()
        self.insert(rows)
        return list(self.model.objects.filter(account=account, id__gt=after).order_by("id")
                    .values_list("id", flat=True))


def _build(account, rng, today, n_people, n_orgs, n_interactions, n_favors, n_asks) -> dict:
    day = today.toordinal()
    adapt = connection.ops.adapt_datefield_value
    when = {}

    def on(days_ago: int):
        """The adapted date `days_ago` before today (cached: a few thousand distinct days)."""
        if days_ago not in when:
            when[days_ago] = adapt(date.fromordinal(day - days_ago))
        return when[days_ago]

    aid = account.id
    orgs = []
    for name in org_names(n_orgs, rng):
        orgs.append(Organization(account=account, name=name, normalized_name=normalize_org(name),
                                 domain=ascii_slug(name, "") + ".example", industry=rng.choice(d.ORGANIZATIONS)[1]))
    for chunk in _batches(orgs):
        Organization.objects.bulk_create(chunk)
    tags = Tag.objects.bulk_create([Tag(account=account, name=n) for n in d.TAGS])

    # Plan the history first, so each person's last touch is known when they are inserted.
    who = [_skewed(rng, n_people) for _ in range(n_interactions)]
    ago = [rng.randrange(HISTORY_DAYS) for _ in range(n_interactions)]
    favor_who = [_skewed(rng, n_people) for _ in range(n_favors)]
    favor_ago = [rng.randrange(HISTORY_DAYS) for _ in range(n_favors)]
    ask_who = [_skewed(rng, n_people) for _ in range(n_asks)]
    ask_ago = [rng.randrange(180) for _ in range(n_asks)]
    last = [None] * n_people
    for i, a in zip(who + favor_who + ask_who, ago + favor_ago + ask_ago, strict=True):
        if last[i] is None or a < last[i]:
            last[i] = a

    tiers, tier_w = _weights(TIERS)
    trusts, trust_w = _weights(TRUST)
    functions, function_w = _weights(d.FUNCTION_WEIGHTS)
    org_w = [1.0 / (k + 1) ** 0.8 for k in range(n_orgs)]  # a few big employers, a long tail
    org_of = rng.choices(range(n_orgs), weights=org_w, k=n_people)
    tier_of = rng.choices(tiers, tier_w, k=n_people)
    trust_of = rng.choices(trusts, trust_w, k=n_people)
    func_of = rng.choices(functions, function_w, k=n_people)
    people_rows, points, roles = [], [], []
    prep_uid = Person._meta.get_field("uid").get_db_prep_save
    for i in range(n_people):
        given, family = rng.choice(d.GIVEN_NAMES), rng.choice(d.FAMILY_NAMES)
        name = f"{given} {family}"
        org = orgs[org_of[i]]
        title = rng.choice(d.TITLES[func_of[i]])
        slug = ascii_slug(name, "-")
        emails = [f"{slug}.{i}@{org.domain}"] if rng.random() < 0.3 else []
        text = search_text(SimpleNamespace(display_name=name, title=title), emails, org.name)
        people_rows.append((aid, given, family, name, text, org.id, title, rng.choice(d.LOCATIONS), tier_of[i],
                            trust_of[i], on(rng.randrange(3650)), on(last[i]) if last[i] is not None else None,
                            prep_uid(uuid.uuid4(), connection)))  # random, outside the seeded draws
        cps = [("email", e) for e in emails] + [("url", f"https://www.linkedin.com/in/{slug}-{i:x}")]
        if rng.random() < 0.1:
            cps.append(("phone", f"+1 {rng.choice(d.AREA_CODES)} 555 01{rng.randrange(100):02d}"))
        points.append(cps)
        roles.append((org.id, title, rng.randint(60, 3000)))
    person_ids = _Rows(Person, ["account", "given_name", "family_name", "display_name", "search_text",
                                "organization", "title", "location", "tier", "trust_stage", "connected_on",
                                "last_touch", "uid"]).insert_returning_ids(account, people_rows)
    assert len(person_ids) == n_people, "another writer inserted people during the build"

    rows = []
    for pid, (org_id, title, start) in zip(person_ids, roles, strict=True):
        rows.append((aid, pid, org_id, title, on(start), None, True))
        if rng.random() < 0.3:
            past = orgs[rng.randrange(n_orgs)].id
            if past != org_id:
                rows.append((aid, pid, past, rng.choice(d.TITLES["product"]), on(start + rng.randint(400, 1500)),
                             on(start), False))
    _Rows(Role, ["account", "person", "organization", "title", "start", "end", "current"]).insert(rows)
    _Rows(ContactPoint, ["account", "person", "kind", "value", "key"]).insert(
        [(aid, pid, kind, value, contact_key(kind, value))
         for pid, cps in zip(person_ids, points, strict=True) for kind, value in cps])
    through = Person.tags.through
    through.objects.bulk_create([through(person_id=pid, tag_id=tags[rng.randrange(len(tags))].id)
                                 for pid in person_ids if rng.random() < 0.25], batch_size=BATCH)
    pairs = [(person_ids[rng.randrange(n_people)], person_ids[rng.randrange(n_people)]) for _ in range(n_people)]
    _Rows(Connection, ["account", "a", "b", "note"]).insert(
        [(aid, a, b, "colleagues") for a, b in pairs if a != b])

    channels, channel_w = _weights(CHANNELS)
    directions, direction_w = _weights(DIRECTIONS)
    summaries = [t.format(topic=topic, place=d.PLACES[k % len(d.PLACES)], event=d.EVENTS[k % len(d.EVENTS)])
                 for templates in d.SUMMARIES.values() for t in templates for k, topic in enumerate(d.TOPICS)]
    chans = rng.choices(channels, channel_w, k=n_interactions)
    dirs = rng.choices(directions, direction_w, k=n_interactions)
    interaction_ids = _Rows(Interaction, ["account", "date", "channel", "direction", "summary"]).insert_returning_ids(
        account, [(aid, on(ago[j]), chans[j], dirs[j], summaries[j % len(summaries)]) for j in range(n_interactions)])
    _Rows(InteractionPerson, ["account", "interaction", "person"]).insert(
        [(aid, iid, person_ids[who[j]]) for j, iid in enumerate(interaction_ids)])

    statuses, status_w = _weights(ASK_STATUSES)
    rows = []
    for k in range(n_asks):
        status = rng.choices(statuses, status_w)[0]
        sent = on(ask_ago[k])
        text = (rng.choice(d.VAGUE_ASKS) if k % 3 == 0 else
                rng.choice(d.SPECIFIC_ASKS)[1].format(org=orgs[rng.randrange(n_orgs)].name))
        rows.append((aid, person_ids[ask_who[k]], "made" if k % 10 else "received", text, rng.choice(ASK_KINDS),
                     status, sent, None if status == "draft" else sent))
    _Rows(Ask, ["account", "person", "direction", "text", "kind", "status", "date", "sent_on"]).insert(rows)
    _Rows(Favor, ["account", "person", "direction", "kind", "date"]).insert(
        [(aid, person_ids[favor_who[k]], "received" if k % 5 < 3 else "given", rng.choice(FAVOR_KINDS),
          on(favor_ago[k])) for k in range(n_favors)])

    Target.objects.bulk_create([Target(account=account, organization=orgs[k], priority=k + 1,
                                       why=d.TARGET_WHY[k][1], status=d.TARGET_WHY[k][0])
                                for k in range(min(8, n_orgs))])
    n_intros = max(n_people // 100, 1)
    Introduction.objects.bulk_create([
        Introduction(account=account, introducer_id=person_ids[rng.randrange(n_people)], introducee=account.me,
                     introduced_id=person_ids[rng.randrange(n_people)], purpose="Learn about their team",
                     status=rng.choice(("requested", "opt_in_asked", "made", "met", "declined")),
                     requested_on=date.fromordinal(day - 30), status_changed_on=date.fromordinal(day - 20))
        for _ in range(n_intros)])
    leads = Lead.objects.bulk_create([
        Lead(account=account, organization=orgs[rng.randrange(min(n_orgs, 50))],
             title=rng.choice(d.BRIEF["roles_sought"]), stage=LEAD_STAGES[k % len(LEAD_STAGES)], source="person",
             source_person_id=person_ids[rng.randrange(n_people)], created_on=date.fromordinal(day - 60),
             stage_changed_on=date.fromordinal(day - 10))
        for k in range(max(n_people // 150, 1))])
    LeadStageChange.objects.bulk_create(
        [LeadStageChange(account=account, lead=lead, stage="identified", date=lead.created_on) for lead in leads]
        + [LeadStageChange(account=account, lead=lead, stage=lead.stage, date=lead.stage_changed_on)
           for lead in leads if lead.stage != "identified"])
    Brief.objects.create(account=account, **d.BRIEF)
    return {"people": n_people, "organizations": n_orgs, "interactions": n_interactions, "favors": n_favors,
            "asks": n_asks, "introductions": n_intros, "leads": len(leads)}

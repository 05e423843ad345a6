"""`who ORG`: warm paths to an organization from the people I know."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import F, Q

from goodloop import clock
from goodloop.core import paths as path_rules
from goodloop.core import rules
from goodloop.helploop.models import Ask, Favor
from goodloop.helploop.strength import scores
from goodloop.network import organizations
from goodloop.network.models import Connection, Person, Role
from goodloop.search.models import Introduction

MAX_INSIDERS = 400  # people at one organization considered for 2-hop paths
MAX_PER_KIND = 100  # former employees, and people who know an insider, scored per query


def who(account, org_name: str, today: date | None = None, limit: int | None = 50) -> list[dict]:
    """Ranked warm paths to an organization: people there now, people who were, then people
    who know someone there (introductions, "met through" links, recorded connections)."""
    today = today or clock.today(account)
    org = organizations.resolve(account, org_name)
    people = Person.objects.filter(account=account).exclude(id=account.me_id)
    # Tie strength costs a scan of each person's history, so only the most recently touched
    # candidates of each kind are scored; recency is the strongest single predictor of it.
    recent = (F("last_touch").desc(nulls_last=True), "id")
    fields = ("id", "display_name", "trust_stage")
    now = list(people.filter(organization=org).order_by(*recent).values_list(*fields)[:MAX_INSIDERS])
    former_ids = Role.objects.filter(account=account, organization=org, current=False).values("person_id")
    former = list(people.filter(id__in=former_ids).exclude(organization=org).order_by(*recent)
                  .values_list(*fields)[:MAX_PER_KIND])
    insiders = {pid: name for pid, name, _ in now + former}
    links = _links_to(account, set(insiders))
    connector_ids = {a for a, _, _ in links} - set(insiders)
    connectors = {pid: (name, stage) for pid, name, stage in people.filter(id__in=connector_ids)
                  .order_by(*recent).values_list(*fields)[:MAX_PER_KIND]}
    all_ids = [p[0] for p in now[:MAX_PER_KIND] + former] + list(connectors)
    strength = scores(account, all_ids, today)
    guard = _guard_reasons(account, all_ids, today)

    cands = []
    for pid, name, stage in now:
        cands.append(path_rules.PathCandidate(pid, name, 1, (name,), strength.get(pid, 0), stage,
                                              guard=guard.get(pid, ())))
    for pid, name, stage in former:
        cands.append(path_rules.PathCandidate(pid, name, 1, (name,), strength.get(pid, 0), stage, former=True,
                                              guard=guard.get(pid, ())))
    for a, b, via in links:
        if a in connectors:
            name, stage = connectors[a]
            cands.append(path_rules.PathCandidate(a, name, 2, (name, insiders[b]), strength.get(a, 0), stage,
                                                  via=via, guard=guard.get(a, ())))
    return path_rules.rank(cands, org.name, limit)


def insiders(account, organizations: dict[int, str], today: date, per_org: int = 3) -> dict[int, list[dict]]:
    """The best one-hop warm paths (people there now, then former employees) into each of several
    organizations at once, for Today's 3B7 second contacts: a few queries, whatever their number."""
    if not organizations:
        return {}
    people = Person.objects.filter(account=account).exclude(id=account.me_id)
    found: dict[int, list[tuple]] = defaultdict(list)
    for org_id, pid, name, stage in (people.filter(organization_id__in=list(organizations))
                                     .order_by(F("last_touch").desc(nulls_last=True), "id")
                                     .values_list("organization_id", "id", "display_name", "trust_stage")):
        if len(found[org_id]) < MAX_PER_KIND:
            found[org_id].append((pid, name, stage, False))
    for org_id, pid, name, stage in (Role.objects.filter(account=account, organization_id__in=list(organizations),
                                                         current=False)
                                     .exclude(person_id=account.me_id)
                                     .order_by(F("person__last_touch").desc(nulls_last=True), "id")
                                     .values_list("organization_id", "person_id", "person__display_name",
                                                  "person__trust_stage")):
        if len(found[org_id]) < 2 * MAX_PER_KIND:
            found[org_id].append((pid, name, stage, True))
    strength = scores(account, list({row[0] for rows in found.values() for row in rows}), today)
    return {org_id: path_rules.rank([path_rules.PathCandidate(pid, name, 1, (name,), strength.get(pid, 0), stage,
                                                              former=former)
                                     for pid, name, stage, former in found[org_id]], org_name, per_org)
            for org_id, org_name in organizations.items()}


def _links_to(account, insiders: set[int]) -> list[tuple[int, int, str]]:
    """(someone, insider, how) for every known person-to-person link touching an insider."""
    if not insiders:
        return []
    out = []
    for a, b in Connection.objects.filter(account=account).filter(Q(a_id__in=insiders) | Q(b_id__in=insiders)) \
            .values_list("a_id", "b_id"):
        if b in insiders:
            out.append((a, b, "connection"))
        if a in insiders:
            out.append((b, a, "connection"))
    for pid, via in Person.objects.filter(account=account, id__in=insiders, met_through__isnull=False) \
            .values_list("id", "met_through_id"):
        out.append((via, pid, "met through"))
    for introducer, introduced in Introduction.objects.filter(account=account, introduced_id__in=insiders) \
            .exclude(status="declined").values_list("introducer_id", "introduced_id"):
        out.append((introducer, introduced, "introduction"))
    return [(a, b, via) for a, b, via in out if a != b]


def _guard_reasons(account, person_ids: list[int], today: date) -> dict[int, tuple[str, ...]]:
    """The over-asking guard's reasons per person, in three queries (no new ask counted)."""
    from goodloop.core import guard as guard_rules
    from goodloop.core import ledger as ledger_rules

    since = today - timedelta(days=max(rules.GUARD_BALANCE_WINDOW_DAYS, rules.GUARD_WINDOW_DAYS) + 1)
    asks, favors = defaultdict(list), defaultdict(list)
    for pid, d, kind, status in Ask.objects.filter(account=account, person_id__in=person_ids, direction="made") \
            .filter(Q(date__gte=since) | Q(status="sent")).values_list("person_id", "date", "kind", "status"):
        asks[pid].append(ledger_rules.AskRecord(d, kind, status, "made"))
    for pid, d, direction, kind in Favor.objects.filter(account=account, person_id__in=person_ids,
                                                        date__gte=since) \
            .values_list("person_id", "date", "direction", "kind"):
        favors[pid].append(ledger_rules.FavorRecord(d, direction, kind))
    out = {}
    for pid in set(asks) | set(favors):
        result = guard_rules.check_over_asking(asks[pid], favors[pid], today, counting_new_ask=True)
        if result.fired:
            out[pid] = result.reasons
    return out

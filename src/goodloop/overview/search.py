"""Global search (the header's box): people, organizations, asks, leads and introductions whose
words contain every word of the query, a few of each, account-scoped and read-only. One query
per group, each bounded (LIMIT), so the page costs the same at any network size."""

from dataclasses import dataclass, field

from django.db.models import Q

from goodloop.core import rules
from goodloop.helploop.models import Ask
from goodloop.network import people as people_service
from goodloop.network.models import Organization
from goodloop.search.models import Introduction, Lead

MIN_LENGTH = 2  # one letter matches nearly everyone: say so instead of listing at random
GROUPS = ("people", "organizations", "asks", "leads", "introductions")


@dataclass
class Hit:
    kind: str  # one of GROUPS, singular meaning: which page it opens
    id: int
    label: str
    detail: str = ""


@dataclass
class Results:
    query: str
    groups: dict[str, list[Hit]] = field(default_factory=dict)
    more: dict[str, bool] = field(default_factory=dict)  # the group had more than it shows
    problem: str = ""

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.groups.values())


def _words(query: str) -> list[str]:
    return [w for w in (query or "").split() if w][:8]


def _all_words(words: list[str], *fields: str) -> Q:
    """Every word appears in one of `fields` (case-insensitive)."""
    q = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        q &= any_field
    return q


def _bounded(qs, per_group: int) -> tuple[list, bool]:
    rows = list(qs[:per_group + 1])
    return rows[:per_group], len(rows) > per_group


def search(account, query: str, per_group: int = rules.SEARCH_PER_GROUP) -> Results:
    """The account's records matching `query`, grouped and best-ordered (people and organizations
    by name, asks, leads and introductions newest first)."""
    query = " ".join(_words(query))
    results = Results(query=query)
    if len(query) < MIN_LENGTH:
        results.problem = f"type at least {MIN_LENGTH} characters" if query else ""
        return results
    words = _words(query)
    found, results.more["people"] = _bounded(
        people_service.search(account, query).select_related("organization")
        .only("id", "display_name", "title", "organization__name"), per_group)
    results.groups["people"] = [
        Hit("person", p.id, p.display_name, " at ".join(x for x in (p.title, p.organization.name
                                                                     if p.organization_id else "") if x))
        for p in found]
    found, results.more["organizations"] = _bounded(
        Organization.objects.filter(account=account).filter(_all_words(words, "name")).order_by("name", "id")
        .only("id", "name", "industry"), per_group)
    results.groups["organizations"] = [Hit("organization", o.id, o.name, o.industry) for o in found]
    found, results.more["asks"] = _bounded(
        Ask.objects.filter(account=account, direction=Ask.MADE).filter(_all_words(words, "text", "person__display_name"))
        .select_related("person").only("id", "text", "status", "person__display_name").order_by("-id"), per_group)
    results.groups["asks"] = [Hit("ask", a.id, _short(a.text), f"to {a.person.display_name} · {a.status}")
                              for a in found]
    found, results.more["leads"] = _bounded(
        Lead.objects.filter(account=account).filter(_all_words(words, "title", "organization__name"))
        .select_related("organization").only("id", "title", "stage", "organization__name").order_by("-id"),
        per_group)
    results.groups["leads"] = [Hit("lead", x.id, f"{x.title} at {x.organization.name}", x.stage) for x in found]
    found, results.more["introductions"] = _bounded(
        Introduction.objects.filter(account=account)
        .filter(_all_words(words, "purpose", "introducer__display_name", "introduced__display_name"))
        .select_related("introducer", "introduced")
        .only("id", "purpose", "status", "introducer__display_name", "introduced__display_name").order_by("-id"),
        per_group)
    results.groups["introductions"] = [
        Hit("introduction", i.id, f"{i.introducer.display_name} → {i.introduced.display_name}",
            _short(i.purpose) or i.status) for i in found]
    return results


def _short(text: str, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

"""Gives: turning a contact's recorded need into something I can offer (P3: give first)."""

import re

from goodloop.core.orgnames import normalize_org
from goodloop.network.models import Organization, Person

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]{2,}")
_STOP = {"the", "and", "for", "with", "someone", "looking", "who", "can", "help", "any", "about", "into",
         "their", "them", "from", "people", "person", "intro", "introduction", "need", "needs", "want"}


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def org_index(account) -> list[tuple[int, str]]:
    """(id, normalized name) of organizations where I know someone, for matching needs."""
    return list(Organization.objects.filter(account=account, people__isnull=False).distinct().values_list(
        "id", "normalized_name"))


def match_need(account, person: Person, offers: list[str], orgs: list[tuple[int, str]]) -> tuple[str, str] | None:
    """The first of the person's needs I can meet, and what I can offer for it, or None.

    A need matches an offer of mine (the brief's "what I can offer") when they share a
    meaningful word, or names an organization where I know someone (an introduction).
    """
    for need in person.needs or []:
        words = _words(need)
        for offer in offers:
            if words & _words(offer):
                return need, offer
        insider = _insider_for(account, person, need, orgs)
        if insider is not None:
            return need, f"an introduction to {insider.display_name} at {insider.organization.name}"
    return None


def _insider_for(account, person, need: str, orgs):
    text = f" {normalize_org(need)} "
    hits = [oid for oid, key in orgs if len(key) >= 3 and f" {key} " in text]
    if not hits:
        return None
    return (Person.objects.filter(account=account, organization_id__in=hits, is_me=False).exclude(id=person.id)
            .select_related("organization").order_by("-last_touch", "id").first())

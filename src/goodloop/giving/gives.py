"""Gives: turning contacts' recorded needs into things I can offer (P3: give first)."""

from collections import defaultdict

from goodloop.core import needs as need_rules
from goodloop.core.textkeys import normalize_org as text_key
from goodloop.network.models import Organization, Person

MAX_NGRAM = 4


def _ngrams(texts) -> set[str]:
    grams = set()
    for text in texts:
        words = text_key(text).split()
        for n in range(1, MAX_NGRAM + 1):
            grams.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return grams


def suggestions(account, needy: list[Person], offers: list[str]) -> dict[int, need_rules.GiveSuggestion]:
    """The best give for each person with a need I can meet (two queries, whatever the numbers)."""
    grams = _ngrams(need for p in needy for need in (p.needs or []))
    named = [(oid, name) for oid, name in Organization.objects.filter(account=account).values_list("id", "name")
             if text_key(name) in grams]
    insiders = defaultdict(list)
    if named:
        ids = {oid: name for oid, name in named}
        for oid, pid, pname in (Person.objects.filter(account=account, organization_id__in=ids, is_me=False)
                                .order_by("-last_touch", "id").values_list("organization_id", "id", "display_name")):
            insiders[ids[oid]].append((pid, pname))
    out = {}
    for person in needy:
        contacts = {org: [n for pid, n in people if pid != person.id][:1] for org, people in insiders.items()}
        found = need_rules.suggest_gives(person.needs or [], offers, contacts)
        if found:
            out[person.id] = found[0]
    return out


__all__ = ["suggestions"]

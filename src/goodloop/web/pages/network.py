"""Read queries the web pages need beyond the people/organization/target services.

Every function takes the account explicitly and returns querysets or plain data whose
cost does not grow with the size of the network (a fixed number of SQL queries).
"""

from django.db.models import Case, F, IntegerField, Prefetch, Value, When, Window
from django.db.models.functions import RowNumber

from goodloop.core import rules as v
from goodloop.errors import NotFound
from goodloop.network import interactions as interaction_service
from goodloop.network import people as people_service
from goodloop.network.models import Interaction, Organization, Person, Role, Tag
from goodloop.search.models import Target

# Closest tier first: "who do I know there" shows the strongest ties before the wide ones.
_TIER_RANK = Case(*[When(tier=t, then=Value(i)) for i, t in enumerate(v.TIERS)], default=Value(len(v.TIERS)),
                  output_field=IntegerField())


def welcome_counts(account) -> dict:
    """How big the network is: people, organizations, targets, interactions."""
    return {
        "people": people_service.others(account).count(),
        "organizations": Organization.objects.filter(account=account).count(),
        "targets": Target.objects.filter(account=account).count(),
        "interactions": Interaction.objects.filter(account=account).count(),
    }


def tag_names(account) -> list[str]:
    return list(Tag.objects.filter(account=account).order_by("name").values_list("name", flat=True))


def organization_names(account, limit: int = 300) -> list[str]:
    """Names of the organizations where I know the most people (for a filter's suggestions)."""
    from goodloop.network import organizations

    return list(organizations.list_organizations(account).values_list("name", flat=True)[:limit])


def person_for_page(account, pk: int) -> Person:
    """One of the account's people with what the Person page shows; NotFound for anyone else's."""
    qs = people_service.with_summary_data(Person.objects.filter(account=account, pk=pk, is_me=False))
    person = qs.select_related("met_through").prefetch_related(
        Prefetch("roles", queryset=Role.objects.filter(account=account).select_related("organization")
                 .order_by("-current", F("end").desc(nulls_first=True), F("start").desc(nulls_last=True), "-id"))
    ).first()
    if person is None:
        raise NotFound(f"no person with id {pk}")
    return person


def timeline(account, person):
    """The person's interactions, newest first, each with the other people who took part."""
    others = Person.objects.filter(account=account).exclude(pk=person.pk).only("id", "display_name")
    return interaction_service.for_person(account, person, limit=None).prefetch_related(
        Prefetch("people", queryset=others, to_attr="others")
    )


def people_at_targets(account, targets, per_org: int = 8) -> dict[int, list[Person]]:
    """For each target's organization, the people I know there now, closest ties first,
    at most `per_org` of them — in one query, however large the organizations are."""
    org_ids = [t.organization_id for t in targets]
    if not org_ids:
        return {}
    ranked = (
        Person.objects.filter(account=account, is_me=False, organization_id__in=org_ids)
        .annotate(
            tier_rank=_TIER_RANK,
            row=Window(RowNumber(), partition_by=[F("organization_id")],
                       order_by=[_TIER_RANK.asc(), F("last_touch").desc(nulls_last=True),
                                 F("display_name").asc(), F("id").asc()]),
        )
        .filter(row__lte=per_org)
        .order_by("organization_id", "row")
        .only("id", "display_name", "title", "tier", "trust_stage", "organization_id", "last_touch")
    )
    found: dict[int, list[Person]] = {org_id: [] for org_id in org_ids}
    for person in ranked:
        found[person.organization_id].append(person)
    return found

"""Read queries on the network that every face uses (web pages, API, CLI).

Each takes the account explicitly and costs a fixed number of SQL queries.
"""

from django.db.models import F

from goodloop.errors import NotFound
from goodloop.network import people as people_service
from goodloop.network.models import MergeRecord, Organization, Person, Role


def organization_for_page(account, pk: int) -> Organization:
    org = Organization.objects.filter(account=account, pk=pk).first()
    if org is None:
        raise NotFound(f"no organization with id {pk}")
    return org


def people_there_now(account, org):
    return people_service.with_summary_data(
        Person.objects.filter(people_service.at_organization(account, org))
    ).order_by("display_name", "id")


def people_who_left(account, org):
    """Past roles at the organization of people who no longer work there, latest first."""
    return (
        Role.objects.filter(account=account, organization=org, current=False, person__is_me=False)
        .exclude(person__organization=org)
        .select_related("person", "person__organization")
        .order_by(F("end").desc(nulls_last=True), "person__display_name", "id")
    )


def merge_history(account, person) -> list[MergeRecord]:
    """The merges into this person, newest first (each can be undone)."""
    return list(MergeRecord.objects.filter(account=account, kept=person, undone=False))

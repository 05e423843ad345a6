"""Organizations: one row per normalized name per account."""

from django.db.models import Count, Q

from goodloop.core.orgnames import normalize_org
from goodloop.network.models import Organization

from .errors import NotFound, ServiceError


def get_or_create(account, name: str) -> Organization:
    """Return the account's organization for `name`, creating it if new ("eBay Inc." = "ebay")."""
    name = (name or "").strip()
    if not name:
        raise ServiceError("an organization needs a name", field="organization")
    if len(name) > 300:
        raise ServiceError("an organization name is at most 300 characters", field="organization")
    key = normalize_org(name)
    org = Organization.objects.filter(account=account, normalized_name=key).first()
    if org is None:
        org = Organization.objects.create(account=account, name=name, normalized_name=key)
    return org


def find(account, name: str) -> Organization:
    """The account's organization matching `name` (normalized), or NotFound."""
    org = Organization.objects.filter(account=account, normalized_name=normalize_org(name or "")).first()
    if org is None:
        raise NotFound(f"no organization named {name!r}")
    return org


def list_organizations(account, query: str = ""):
    """Organizations with how many people I know there now, largest first."""
    qs = Organization.objects.filter(account=account)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(normalized_name__contains=normalize_org(query)))
    return qs.annotate(
        people_count=Count("people", filter=~Q(people__id=account.me_id))
    ).order_by("-people_count", "name")

"""Organizations: one row per normalized name per account."""

from django.db.models import Count, Q

from goodloop.core.orgnames import normalize_org
from goodloop.errors import NotFound, ServiceError
from goodloop.network.models import Organization


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
    """The account's organization matching `name` (normalized), or the only one whose name starts
    with it ("Northwind" for "Northwind Analytics"); NotFound, naming close ones, otherwise."""
    key = normalize_org(name or "")
    orgs = Organization.objects.filter(account=account)
    org = orgs.filter(normalized_name=key).first()
    if org is not None:
        return org
    close = list(orgs.filter(normalized_name__startswith=key).order_by("name")[:4]) if key else []
    if len(close) == 1:
        return close[0]
    hint = ""
    if close:
        hint = "; did you mean " + ", ".join(o.name for o in close[:3]) + (", …" if len(close) > 3 else "") + "?"
    raise NotFound(f"no organization named {name!r}{hint}")


def list_organizations(account, query: str = ""):
    """Organizations with how many people I know there now, largest first."""
    qs = Organization.objects.filter(account=account)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(normalized_name__contains=normalize_org(query)))
    return qs.annotate(
        people_count=Count("people", filter=~Q(people__id=account.me_id))
    ).order_by("-people_count", "name")

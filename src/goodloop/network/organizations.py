"""Organizations: one row per normalized name per account."""

from django.db.models import Count, Q

from goodloop.core.orgnames import normalize_org
from goodloop.errors import Ambiguous, NotFound, ServiceError
from goodloop.network.models import Organization


def get_or_create(account, name: str) -> Organization:
    """The organization whose whole name is `name` (normalized: "eBay Inc." = "ebay"), created if
    new. Only for creating an organization by its full name (POST /api/organizations); everything
    that *names* one goes through `resolve`."""
    name = _clean(name)
    key = normalize_org(name)
    org = Organization.objects.filter(account=account, normalized_name=key).first()
    return org or Organization.objects.create(account=account, name=name, normalized_name=key)


MAX_LISTED = 8  # candidates an ambiguity error names


def _clean(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ServiceError("an organization needs a name", field="organization")
    if len(name) > 300:
        raise ServiceError("an organization name is at most 300 characters", field="organization")
    return name


def matching(account, name: str) -> list[Organization]:
    """The account's organizations `name` names: the one whose whole name it is (normalized: case,
    punctuation and legal suffixes aside, so "eBay Inc." is "ebay"), else every one with a word
    starting with it ("northwind" and "analytics" both name "Northwind Analytics"). Prefix and
    word matching only, never fuzzy: "Nortwind" names nothing."""
    key = normalize_org(name or "")
    if not key:
        return []
    orgs = Organization.objects.filter(account=account)
    exact = orgs.filter(normalized_name=key).first()
    if exact is not None:
        return [exact]
    return list(orgs.filter(Q(normalized_name__startswith=key) | Q(normalized_name__contains=f" {key}"))
                .order_by("name", "id")[:MAX_LISTED + 1])


def resolve(account, name: str, create: bool = False) -> Organization:
    """The one organization `name` names (see `matching`), for every face and every command that
    names an organization. Several: Ambiguous, listing them. None: NotFound, or with `create`
    (where adding one is the point: a person's role, a lead, a target, an ask's subject) a new
    organization, marked `org.created_now = True` so the face can say so."""
    name = _clean(name)
    found = matching(account, name)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(o.name for o in found[:MAX_LISTED]) + (", …" if len(found) > MAX_LISTED else "")
        raise Ambiguous(f"{name!r} names several organizations: {names}; use more of the name", found,
                        field="organization")
    if not create:
        raise NotFound(f"no organization named {name!r}", field="organization")
    org = Organization.objects.create(account=account, name=name, normalized_name=normalize_org(name))
    org.created_now = True
    return org


def for_filter(account, name: str) -> Organization:
    """The organization a list filter names (`--org`, `?org=`): as `resolve`, but a name that names
    none or several is bad input for the filter (field "org"), not a missing resource."""
    try:
        return resolve(account, name)
    except ServiceError as exc:
        raise ServiceError(exc.message, field="org") from None


def created_note(org) -> str:
    """What a face prints when naming an organization created it ("" otherwise)."""
    return f"new organization: {org.name}" if getattr(org, "created_now", False) else ""


def list_organizations(account, query: str = ""):
    """Organizations with how many people I know there now, largest first."""
    qs = Organization.objects.filter(account=account)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(normalized_name__contains=normalize_org(query)))
    return qs.annotate(
        people_count=Count("people", filter=~Q(people__id=account.me_id))
    ).order_by("-people_count", "name")

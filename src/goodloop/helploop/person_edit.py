"""Editing a person, in one transaction: name, contact details, organization and title,
tier and cadence, needs, trust set by hand, notes, tags, how we met. The CLI's `person edit`,
`PATCH /api/people/{id}` and the web's edit form and You page all come through `update`."""

from django.db import transaction

from goodloop import clock
from goodloop.accounts import account as accounts
from goodloop.core import rules
from goodloop.errors import ServiceError
from goodloop.helploop import trust
from goodloop.network import people
from goodloop.network.models import ContactPoint, Person, Tag

TEXT_LIMITS = {"notes": 20000, "how_we_met": 500, "location": 200, "display_name": 300}
MAX_CADENCE_DAYS = 3650
ROLE_FIELDS = ("organization", "title")
# Contact details: a single value corrects the first (primary) one; a list replaces them all.
PRIMARY = {"email": ContactPoint.EMAIL, "phone": ContactPoint.PHONE, "url": ContactPoint.URL}
ALL = {"emails": ContactPoint.EMAIL, "phones": ContactPoint.PHONE, "urls": ContactPoint.URL}


@transaction.atomic
def update(account, person: Person, **changes) -> Person:
    """Change the given fields in one transaction; unknown fields and bad values are refused
    with the field named, and nothing is saved. A new organization (or a new title where there
    was one) keeps the old role as past history. Derived fields (search text, current role)
    are refreshed by the network domain's one keeper."""
    person = Person.objects.select_for_update().get(account=account, id=person.id)
    if "name" in changes:
        changes["display_name"] = changes.pop("name")
    role = {f: changes.pop(f) for f in ROLE_FIELDS if f in changes}
    contacts = {f: changes.pop(f) for f in (*PRIMARY, *ALL) if f in changes}
    tags = changes.pop("tags", None)
    for field, value in changes.items():
        _set(account, person, field, value)
    if "display_name" in changes:
        person.given_name, person.family_name = people.split_name(person.display_name)
    person.save()
    for field, value in contacts.items():
        if field in PRIMARY:
            if value is not None and str(value).strip():
                people.set_primary_contact(account, person, PRIMARY[field], str(value))
        else:
            people.set_contact_points(account, person, ALL[field], [str(v) for v in value or ()])
    if tags is not None:
        _set_tags(account, person, tags)
    if role:
        _set_role(account, person, role)
    return people.refresh_derived(person)


def _set(account, person: Person, field: str, value) -> None:
    if field == "tier":
        if value not in rules.TIERS:
            raise ServiceError(f"tier must be one of: {', '.join(rules.TIERS)}", field="tier")
        person.tier = value
    elif field == "cadence_days":
        if value is not None and not (1 <= int(value) <= MAX_CADENCE_DAYS):
            raise ServiceError(f"cadence is 1 to {MAX_CADENCE_DAYS} days, or empty for the tier's",
                               field="cadence_days")
        person.cadence_days = value
    elif field == "trust_stage":
        trust.set_by_hand(account, person, value)
    elif field == "needs":
        needs = [str(n).strip() for n in value if str(n).strip()]
        if any(len(n) > 300 for n in needs):
            raise ServiceError("each need is at most 300 characters", field="needs")
        person.needs = needs
    elif field == "job_seeking":
        person.job_seeking = bool(value)
    elif field == "met_through":
        if value is not None and (value.account_id != account.id or value.id == person.id):
            raise ServiceError("met through must be someone else you know", field="met_through")
        person.met_through = value
    elif field in TEXT_LIMITS:
        value = (value or "").strip()
        if field == "display_name":
            if not value:
                raise ServiceError("a person needs a name", field=field)
            people.check_name(value, field)
        if len(value) > TEXT_LIMITS[field]:
            raise ServiceError(f"{field.replace('_', ' ')} is at most {TEXT_LIMITS[field]} characters", field=field)
        setattr(person, field, value)
    else:
        raise ServiceError(f"cannot change {field!r}", field=field)


def _set_tags(account, person: Person, tags) -> None:
    names = list(dict.fromkeys(t.strip() for t in tags if t and t.strip()))
    if any(len(t) > 100 for t in names):
        raise ServiceError("a tag is at most 100 characters", field="tags")
    person.tags.set([Tag.objects.get_or_create(account=account, name=t)[0] for t in names])


def _set_role(account, person: Person, role: dict) -> None:
    org = role.get("organization")
    title = (role.get("title") or "").strip() if role.get("title") is not None else None
    if org is None:  # a title alone goes with the current organization
        if not person.organization_id:
            if title is not None:
                person.title = title
                person.save(update_fields=["title"])
            return
        org = person.organization.name
    org = org.strip()
    if len(org) > 300 or (title and len(title) > 300):
        raise ServiceError("an organization or title is at most 300 characters", field="organization")
    if title is None:
        title = person.title if person.organization_id and person.organization.name == org else ""
    if not org and title:
        person.title = title
        person.save(update_fields=["title"])
    people.set_current_role(account, person, org, title, start=clock.today(account))
    if not org:
        person.title = title or ""
        person.save(update_fields=["title"])


@transaction.atomic
def update_me(account, *, name: str | None = None, email: str | None = None, phone: str | None = None,
              url: str | None = None, time_zone: str | None = None) -> Person:
    """The You page, in one transaction: your name and one email, phone and web address (each
    replaces what was there; empty removes it), and your time zone. Given as None, a field stays."""
    changes: dict = {"name": name} if name is not None else {}
    for field, value in (("emails", email), ("phones", phone), ("urls", url)):
        if value is not None:
            changes[field] = [value] if value.strip() else []
    me = update(account, account.me, **changes)
    if time_zone is not None and time_zone != account.time_zone:
        accounts.set_time_zone(account, time_zone)
    return me


def is_unnamed(person: Person) -> bool:
    """True while you are still the placeholder "Me" (the first-run prompt asks for your name)."""
    return person.is_me and person.display_name.strip().lower() in ("me", "")


def add_need(account, person: Person, need: str) -> Person:
    """Record something this person is looking for (the agenda may turn it into a give)."""
    return update(account, person, needs=[*(person.needs or []), need])

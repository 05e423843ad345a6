"""A person's derived fields, kept by one function every writer calls (issue 12, item 4).

Three things on `Person` are copies of other rows, kept there so lists and search stay one
indexed-table scan at 30,000 people:

- the current organization and title (from the current `Role`);
- `search_text` (name, title, organization and emails, lowercased);
- `last_touch`, the last contact (the latest interaction, or a favor or ask that touched them).

`refresh` recomputes all three from their sources. Writers that change a source (a role, a
name, an email, an interaction) call it instead of patching one copy by hand, so no copy can
drift from the others. `refresh_with_role` is the same for a writer that has just set the
current role (it is not read back). Writing a new person (`people.add_person`), whose rows do
not exist yet, and the bulk import write the same text through `search_text` directly.
"""

from datetime import date

from django.db.models import Max, Q

from goodloop.network.models import ContactPoint, Interaction, InteractionPerson, Organization, Person, Role


def search_text(person: Person, emails=(), org_name: str = "") -> str:
    """What free-text search matches: name, title, organization and emails, lowercased."""
    parts = [person.display_name, person.title, org_name, *emails]
    return " ".join(p for p in parts if p).lower()


def refresh(person: Person, touched: date | None = None) -> Person:
    """Recompute `person`'s current organization and title, search text and last contact from
    their roles, contact points and interactions (moving last contact to `touched` when that is
    later), and save them. Every writer that changes one of those sources calls this."""
    role = (Role.objects.filter(account_id=person.account_id, person_id=person.id, current=True)
            .select_related("organization").order_by("-start", "-id").first())
    if role is None:
        return refresh_with_role(person, None, touched=touched)
    return refresh_with_role(person, role.organization, role.title, touched)


def refresh_with_role(person: Person, organization: Organization | None, title: str = "",
                      touched: date | None = None) -> Person:
    """`refresh` for a writer that has just made (`organization`, `title`) the person's one current
    role, or left them none (`organization` None): the same fields and the same save, without
    reading back the role it wrote."""
    if organization is not None:
        person.organization, person.title = organization, title
    elif person.organization_id is not None:
        person.organization = None  # no current role: no current organization
    emails = list(ContactPoint.objects.filter(account_id=person.account_id, person_id=person.id,
                                              kind=ContactPoint.EMAIL).order_by("id").values_list("value", flat=True))
    org_name = person.organization.name if person.organization_id else ""
    person.search_text = search_text(person, emails, org_name)
    linked = InteractionPerson.objects.filter(person_id=person.id).values("interaction_id")
    latest = Interaction.objects.filter(account_id=person.account_id, id__in=linked).aggregate(d=Max("date"))["d"]
    person.last_touch = max((d for d in (person.last_touch, latest, touched) if d), default=None)
    person.save(update_fields=["organization", "title", "search_text", "last_touch", "updated"])
    return person


def touch(account, people_ids, when: date) -> None:
    """Move each person's last contact forward to `when` (an interaction, favor or ask): the
    last-contact part of `refresh` for many people in one UPDATE (it only ever moves forward,
    and nothing else it derives depends on the date)."""
    Person.objects.filter(account=account, id__in=list(people_ids)).filter(
        Q(last_touch__isnull=True) | Q(last_touch__lt=when)
    ).update(last_touch=when)

"""`goodloop check`: recompute the fields that writers keep derived, and report (or repair) drift.

Three derived fields carry the cost of every page: a person's search text (name, title,
organization, emails), their current organization and title (the current role), and their
last contact (the keep-in-touch clock). Writers keep them; this recomputes them from the
records themselves. Last contact is checked one way: it may be later than any stored record
(a touch is also made by things that keep no date, such as triage), never earlier.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Prefetch

from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import people as people_service
from goodloop.network.models import ContactPoint, InteractionPerson, Person, Role

CHUNK = 2000


@dataclass
class Drift:
    """People whose stored field differs from the recomputed one, by field (ids, sorted)."""

    checked: int = 0
    search_text: list[int] = field(default_factory=list)
    current_role: list[int] = field(default_factory=list)
    last_contact: list[int] = field(default_factory=list)
    repaired: bool = False

    @property
    def total(self) -> int:
        return len(self.search_text) + len(self.current_role) + len(self.last_contact)

    def as_dict(self) -> dict:
        return {"checked": self.checked, "drift": self.total, "repaired": self.repaired,
                "fields": {"search_text": self.search_text, "current_role": self.current_role,
                           "last_contact": self.last_contact}}


def latest_contact(account) -> dict[int, object]:
    """Each person's latest dated contact on record: interactions, asks either way, favors, closed loops."""
    latest: dict[int, object] = {}
    sources = (
        InteractionPerson.objects.filter(account=account).values("person_id").annotate(d=Max("interaction__date")),
        Ask.objects.filter(account=account, status__in=("sent", "answered", "done")).values("person_id")
        .annotate(d=Max("date")),
        Favor.objects.filter(account=account).values("person_id").annotate(d=Max("date")),
        Loop.objects.filter(account=account, status="done", closed_on__isnull=False).values("person_id")
        .annotate(d=Max("closed_on")),
    )
    for rows in sources:
        for row in rows:
            pid, day = row["person_id"], row["d"]
            if day is not None and (pid not in latest or day > latest[pid]):
                latest[pid] = day
    return latest


def _current_orgs(account) -> dict[int, set[int]]:
    orgs: dict[int, set[int]] = {}
    for pid, oid in Role.objects.filter(account=account, current=True).values_list("person_id", "organization_id"):
        orgs.setdefault(pid, set()).add(oid)
    return orgs


def run(account, repair: bool = False) -> Drift:
    """Recompute every person's derived fields; with ``repair``, write the recomputed values."""
    drift = Drift(repaired=repair)
    contact, current = latest_contact(account), _current_orgs(account)
    emails = Prefetch("contact_points", queryset=ContactPoint.objects.filter(kind=ContactPoint.EMAIL).order_by("id"))
    # "Me" is no contact: never listed, searched or due.
    people = (Person.objects.filter(account=account, is_me=False).select_related("organization")
              .prefetch_related(emails).order_by("id"))
    fixes: list[Person] = []
    for person in people.iterator(chunk_size=CHUNK):
        drift.checked += 1
        changed = set()
        org_name = person.organization.name if person.organization_id else ""
        text = people_service.search_text(person, [c.value for c in person.contact_points.all()], org_name)
        if text != person.search_text:
            drift.search_text.append(person.id)
            person.search_text = text
            changed.add("search_text")
        orgs = current.get(person.id)
        if orgs and person.organization_id not in orgs:
            drift.current_role.append(person.id)
        last = contact.get(person.id)
        if last is not None and (person.last_touch is None or person.last_touch < last):
            drift.last_contact.append(person.id)
            person.last_touch = last
            changed.add("last_touch")
        if changed:
            fixes.append(person)
    if repair:
        with transaction.atomic():
            Person.objects.bulk_update(fixes, ["search_text", "last_touch"], batch_size=500)
            for pid in drift.current_role:
                _repair_role(account, pid)
    return drift


def _repair_role(account, person_id: int) -> None:
    """The latest current role decides the person's organization and title."""
    role = (Role.objects.filter(account=account, person_id=person_id, current=True)
            .select_related("person", "organization").order_by("-start", "-id").first())
    person = role.person
    person.organization_id, person.title = role.organization_id, role.title
    person.search_text = people_service.search_text(
        person, list(person.contact_points.filter(kind=ContactPoint.EMAIL).order_by("id").values_list("value", flat=True)),
        role.organization.name)
    person.save(update_fields=["organization", "title", "search_text", "updated"])

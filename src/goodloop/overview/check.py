"""`goodloop check`: recompute the fields that writers keep derived, and report (or repair) drift.

Three derived fields carry the cost of every page: a person's search text (name, title,
organization, emails), their current organization and title (the current role), and their
last contact (the keep-in-touch clock). Writers keep them; this recomputes them from the
records themselves. Last contact is checked one way: it may be later than any stored record
(a touch is also made by things that keep no date, such as triage), never earlier.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction
from django.db.models import Max

from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import people as people_service
from goodloop.network.models import ContactPoint, Interaction, InteractionPerson, Person, Role

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
    # Interactions: two plain reads joined in Python. The SQL join walks the link table by person
    # and looks each interaction up at random (14 s at 300,000 interactions on SQLite); this is ~1 s.
    day_of = dict(Interaction.objects.filter(account=account).values_list("id", "date"))
    latest: dict[int, object] = {}
    for pid, iid in InteractionPerson.objects.filter(account=account).values_list("person_id", "interaction_id"):
        day = day_of[iid]
        if pid not in latest or day > latest[pid]:
            latest[pid] = day
    sources = (
        Ask.objects.filter(account=account, status__in=("sent", "answered", "done")).values("person_id")
        .annotate(d=Max("date")),
        Favor.objects.filter(account=account).values("person_id").annotate(d=Max("date")),
        Loop.objects.filter(account=account, status="done", closed_on__isnull=False).values("person_id")
        .annotate(d=Max("closed_on")),
    )
    for rows in sources:
        for pid, day in rows.values_list("person_id", "d"):
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
    emails: dict[int, list[str]] = {}
    for pid, value in (ContactPoint.objects.filter(account=account, kind=ContactPoint.EMAIL)
                       .order_by("id").values_list("person_id", "value")):
        emails.setdefault(pid, []).append(value)
    # "Me" is no contact: never listed, searched or due. Plain rows: 30,000 models cost seconds.
    rows = (Person.objects.filter(account=account, is_me=False).order_by("id")
            .values_list("id", "display_name", "title", "organization_id", "organization__name", "search_text",
                         "last_touch"))
    text_fixes: dict[int, str] = {}
    touch_fixes: dict[int, object] = {}
    for pid, name, title, org_id, org_name, stored_text, last_touch in rows.iterator(chunk_size=CHUNK):
        drift.checked += 1
        text = people_service.search_text(SimpleNamespace(display_name=name, title=title), emails.get(pid, ()),
                                          org_name or "")
        if text != stored_text:
            drift.search_text.append(pid)
            text_fixes[pid] = text
        orgs = current.get(pid)
        if orgs and org_id not in orgs:
            drift.current_role.append(pid)
        last = contact.get(pid)
        if last is not None and (last_touch is None or last_touch < last):
            drift.last_contact.append(pid)
            touch_fixes[pid] = last
    if repair and drift.total:
        with transaction.atomic():
            for pid, text in text_fixes.items():
                Person.objects.filter(account=account, id=pid).update(search_text=text)
            for pid, day in touch_fixes.items():
                Person.objects.filter(account=account, id=pid).update(last_touch=day)
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

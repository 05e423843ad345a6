"""Exports: people as vCard 4.0 or CSV, open loops as iCalendar, the account as a JSON backup.

    data = export(account, "vcard" | "csv" | "ics" | "json")   # bytes

Models are mapped to the formats' plain `ExportPerson` / `ExportLoop` objects and
handed to the writers in `goodloop.formats`. The vCard carries CATEGORIES for tags and
RELATED (the introducer's UID) for introductions and "met through".
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db.models import Prefetch

from goodloop.formats.csv_writer import write_csv
from goodloop.formats.ics_writer import write_ics
from goodloop.formats.records import ExportLoop, ExportPerson, ExportRelated, RoleRecord
from goodloop.formats.vcard_writer import write_vcards
from goodloop.helploop.models import Loop
from goodloop.leads.models import Introduction
from goodloop.network.models import ContactPoint, Person, Role, Tag

from .errors import ServiceError

KINDS = ("vcard", "csv", "json", "ics")
_UID_NS = uuid.UUID("6f1c2a52-3b7e-4d0b-9a57-2f0d6c1e8a11")


def person_uid(person_id: int) -> str:
    """A stable UID for a person's vCard (the same on every export)."""
    return str(uuid.uuid5(_UID_NS, f"person:{person_id}"))


def export(account, kind: str, now: datetime | None = None) -> bytes:
    """The account's data in one of KINDS, as bytes."""
    if kind == "vcard":
        return write_vcards(export_people(account)).encode("utf-8")
    if kind == "csv":
        return write_csv(export_people(account)).encode("utf-8")
    if kind == "ics":
        return write_ics(export_loops(account), dtstamp=now)
    if kind == "json":
        from . import backup

        return backup.dump(account)
    raise ServiceError(f"unknown export {kind!r}: choose {', '.join(KINDS)}", field="kind")


def export_people(account) -> list[ExportPerson]:
    """Everyone but "me", in name order, with contact points, roles (current first) and tags."""
    qs = Person.objects.filter(account=account, is_me=False).order_by("display_name", "id").prefetch_related(
        Prefetch("contact_points", queryset=ContactPoint.objects.order_by("id")),
        Prefetch("roles", queryset=Role.objects.select_related("organization").order_by("-current", "id")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    ).select_related("met_through")
    introducers: dict[int, list[int]] = {}
    for introduced, introducer in Introduction.objects.filter(account=account).order_by("id").values_list(
            "introduced_id", "introducer_id"):
        introducers.setdefault(introduced, []).append(introducer)
    out = []
    for p in qs.iterator(chunk_size=2000):
        out.append(_export_person(p, introducers.get(p.id, ())))
    return out


def _export_person(p: Person, introduced_by) -> ExportPerson:
    points = list(p.contact_points.all())
    linkedin = next((c.value for c in points if c.kind == ContactPoint.URL and c.key.startswith("linkedin.com/in/")),
                    None)
    roles = list(p.roles.all())
    # the person's current organization first, so readers that take one ORG take the right one
    roles.sort(key=lambda r: (not r.current, r.organization_id != p.organization_id, r.id))
    related = []
    for pid in dict.fromkeys([*introduced_by, *([p.met_through_id] if p.met_through_id else [])]):
        if pid != p.id:
            related.append(ExportRelated(type="contact", uid=person_uid(pid)))
    extra = {"tier": p.tier, "trust_stage": p.trust_stage,
             "connected_on": p.connected_on.isoformat() if p.connected_on else ""}
    return ExportPerson(
        id=p.id, uid=person_uid(p.id), given_name=p.given_name, family_name=p.family_name,
        display_name=p.display_name,
        emails=[c.value for c in points if c.kind == ContactPoint.EMAIL],
        phones=[c.value for c in points if c.kind == ContactPoint.PHONE],
        urls=[c.value for c in points if c.kind == ContactPoint.URL and c.value != linkedin],
        linkedin_url=linkedin,
        roles=[RoleRecord(r.organization.name, r.title, r.current) for r in roles],
        tags=[t.name for t in p.tags.all()], notes=p.notes, location=p.location, related=related, extra=extra)


def export_loops(account) -> list[ExportLoop]:
    """Open loops, soonest due first."""
    qs = Loop.objects.filter(account=account, status="open").select_related("person").order_by("due", "id")
    return [ExportLoop(id=x.id, kind=x.kind, person_name=x.person.display_name, due=x.due, reason=x.reason,
                       status=x.status, person_id=x.person_id, description=x.note) for x in qs]

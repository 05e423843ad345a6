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

from goodloop.errors import ServiceError
from goodloop.formats.csv_writer import write_csv
from goodloop.formats.ics_writer import write_ics
from goodloop.formats.records import ExportLoop, ExportPerson, ExportRelated, RoleRecord
from goodloop.formats.vcard_writer import VERSIONS as VCARD_VERSIONS
from goodloop.formats.vcard_writer import write_vcards
from goodloop.helploop.models import Loop
from goodloop.network.models import Connection, ContactPoint, Person, Role, Tag
from goodloop.search.models import Introduction

KINDS = ("vcard", "csv", "json", "ics")


def export(account, kind: str, now: datetime | None = None, version: str = "4.0", todo: bool = False) -> bytes:
    """The account's data in one of KINDS, as bytes; `version` is the vCard version (4.0 or 3.0), `todo`
    writes the calendar's loops as to-dos instead of all-day events."""
    if kind == "vcard":
        if version not in VCARD_VERSIONS:
            raise ServiceError(f"vCard version must be one of {', '.join(VCARD_VERSIONS)} (got {version!r})",
                               field="version")
        return write_vcards(export_people(account), version).encode("utf-8")
    if kind == "csv":
        # with a BOM: Excel reads a BOM-less CSV in the system's code page and garbles every accent
        return ("\ufeff" + write_csv(export_people(account))).encode("utf-8")
    if kind == "ics":
        return write_ics(export_loops(account), todo=todo, dtstamp=now)
    if kind == "json":
        from goodloop.transfer import backup

        return backup.dump(account)
    raise ServiceError(f"unknown export {kind!r}: choose {', '.join(KINDS)}", field="kind")


def export_people(account) -> list[ExportPerson]:
    """Everyone but "me", in name order, with contact points, roles (current first) and tags."""
    qs = Person.objects.filter(account=account, is_me=False).order_by("display_name", "id").prefetch_related(
        Prefetch("contact_points", queryset=ContactPoint.objects.order_by("id")),
        Prefetch("roles", queryset=Role.objects.select_related("organization").order_by("-current", "id")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    )
    # RELATED: who introduced them, who we met them through, whom they know (a Connection from them)
    related: dict[int, list[int]] = {}
    for introduced, introducer in Introduction.objects.filter(account=account).order_by("id").values_list(
            "introduced_id", "introducer_id"):
        related.setdefault(introduced, []).append(introducer)
    uids = {}
    for pid, uid, met in Person.objects.filter(account=account, is_me=False).values_list("id", "uid",
                                                                                          "met_through_id"):
        uids[pid] = str(uid)
        if met:
            related.setdefault(pid, []).append(met)
    for a, b in Connection.objects.filter(account=account).order_by("id").values_list("a_id", "b_id"):
        related.setdefault(a, []).append(b)
    out = []
    for p in qs.iterator(chunk_size=2000):
        others = [uids[x] for x in dict.fromkeys(related.get(p.id, ())) if x != p.id and x in uids]
        out.append(_export_person(p, others))
    return out


def _export_person(p: Person, related_uids) -> ExportPerson:
    points = list(p.contact_points.all())
    linkedin = next((c.value for c in points if c.kind == ContactPoint.URL and c.key.startswith("linkedin.com/in/")),
                    None)
    roles = list(p.roles.all())
    # the person's current organization first, so readers that take one ORG take the right one
    roles.sort(key=lambda r: (not r.current, r.organization_id != p.organization_id, r.id))
    related = [ExportRelated(type="contact", uid=uid) for uid in related_uids]
    extra = {"tier": p.tier, "trust_stage": p.trust_stage,
             "connected_on": p.connected_on.isoformat() if p.connected_on else ""}
    return ExportPerson(
        id=p.id, uid=str(p.uid), given_name=p.given_name, family_name=p.family_name,
        display_name=p.display_name, prefix=p.name_prefix, suffix=p.name_suffix, birthday=p.birthday,
        addresses=p.addresses or [], labels={c.value: c.label for c in points if c.label},
        emails=[c.value for c in points if c.kind == ContactPoint.EMAIL],
        phones=[c.value for c in points if c.kind == ContactPoint.PHONE],
        urls=[c.value for c in points if c.kind == ContactPoint.URL and c.value != linkedin],
        linkedin_url=linkedin,
        roles=[RoleRecord(r.organization.name, r.title, r.current, r.department) for r in roles],
        tags=[t.name for t in p.tags.all()], notes=p.notes, location=p.location, related=related, extra=extra)


def export_loops(account) -> list[ExportLoop]:
    """Open loops, soonest due first, each with a calendar UID unique to this store: derived from the
    owner's own random UUID, so it stays the same across exports (and a restore) and no other store
    has it."""
    qs = Loop.objects.filter(account=account, status="open").select_related("person").order_by("due", "id")
    me = Person.objects.filter(account=account, is_me=True).values_list("uid", flat=True).first()
    space = me or uuid.UUID(int=account.id)
    return [ExportLoop(id=x.id, kind=x.kind, person_name=x.person.display_name, due=x.due, reason=x.reason,
                       status=x.status, person_id=x.person_id, description=x.note,
                       uid=f"{uuid.uuid5(space, f'loop:{x.id}')}@goodloop") for x in qs]

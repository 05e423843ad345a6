"""Merging two records of one person: everything moves to the one kept, nothing is lost,
and the merge can be undone from the person's history or the import report."""

from datetime import date

from django.db import transaction
from django.forms.models import model_to_dict

from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import trust
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import people as people_service
from goodloop.network.models import (
    Connection,
    ContactPoint,
    InteractionPerson,
    MergeRecord,
    Person,
    Role,
    SourceRecord,
)
from goodloop.search.models import Introduction, Lead

_FILLABLE = ("given_name", "family_name", "location", "how_we_met", "connected_on", "met_through_id",
             "cadence_days", "birthday", "name_prefix", "name_suffix", "addresses")
_DATES = ("connected_on", "last_touch", "birthday")
_KEEP_FIELDS = (*_FILLABLE, "needs", "notes", "trust_stage", "last_touch", "tier", "organization_id", "title")
_MOVED = {"favors": Favor, "asks": Ask, "loops": Loop, "sources": SourceRecord}
_INTRO_FIELDS = ("introducer", "introducee", "introduced")


def _person_fields(p: Person) -> dict:
    data = model_to_dict(p, exclude=["tags", "id", "account"])
    for key in ("organization", "met_through"):
        data[f"{key}_id"] = data.pop(key)
    data["uid"] = str(p.uid)  # the merged-away person's identity: an import of their card finds the one kept
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


def merge_people(account, keep: Person, gone: Person) -> Person:
    """Merge `gone` into `keep` (see `merge`); returns the person kept."""
    return merge(account, keep, gone).kept


@transaction.atomic
def merge(account, keep: Person, gone: Person) -> MergeRecord:
    """Merge `gone` into `keep`: contact points, roles, interactions, favors, asks, loops,
    introductions, leads, connections, tags and import history all move; `gone` is deleted.
    Returns the merge record (its id is what `undo` takes)."""
    if keep.account_id != account.id or gone.account_id != account.id:
        raise ServiceError("unknown person")
    if keep.id == gone.id:
        raise ServiceError("cannot merge a person into themselves")
    if gone.is_me:
        raise ServiceError("cannot merge yourself into someone else; merge them into me instead")
    keep = Person.objects.select_for_update().get(id=keep.id)
    gone = Person.objects.select_for_update().get(id=gone.id)
    snap = {"gone": _person_fields(gone), "gone_tags": list(gone.tags.values_list("id", flat=True)),
            "keep": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in
                     ((f, getattr(keep, f)) for f in _KEEP_FIELDS)},
            "keep_tags": list(keep.tags.values_list("id", flat=True)),
            "keep_current_roles": list(Role.objects.filter(person=keep, current=True).values_list("id", flat=True))}

    have = set(ContactPoint.objects.filter(person=keep).values_list("kind", "key"))
    snap["points_moved"], snap["points_dropped"] = [], []
    for cp in ContactPoint.objects.filter(person=gone):
        if (cp.kind, cp.key) in have:
            snap["points_dropped"].append({"kind": cp.kind, "value": cp.value, "key": cp.key, "label": cp.label})
            cp.delete()
        else:
            snap["points_moved"].append(cp.id)
            cp.person = keep
            cp.save(update_fields=["person"])
    snap["roles_moved"], snap["roles_dropped"] = _move_roles(keep, gone)
    kept_interactions = set(InteractionPerson.objects.filter(person=keep).values_list("interaction_id", flat=True))
    dup = InteractionPerson.objects.filter(person=gone, interaction_id__in=kept_interactions)
    snap["interactions_shared"] = list(dup.values_list("interaction_id", flat=True))
    dup.delete()
    snap["interactions_moved"] = list(InteractionPerson.objects.filter(person=gone).values_list("id", flat=True))
    InteractionPerson.objects.filter(person=gone).update(person=keep)
    for name, model in _MOVED.items():
        qs = model.objects.filter(account=account, person=gone)
        snap[name] = list(qs.values_list("id", flat=True))
        qs.update(person=keep)
    for field in _INTRO_FIELDS:
        qs = Introduction.objects.filter(account=account, **{field: gone})
        snap[f"intro_{field}"] = list(qs.values_list("id", flat=True))
        qs.update(**{field: keep})
    qs = Lead.objects.filter(account=account, source_person=gone)
    snap["lead_sources"] = list(qs.values_list("id", flat=True))
    qs.update(source_person=keep)
    snap["lead_contributions"] = []
    for lead in Lead.objects.filter(account=account, contributors=gone):
        snap["lead_contributions"].append([lead.id, lead.contributors.filter(id=keep.id).exists()])
        lead.contributors.remove(gone)
        lead.contributors.add(keep)
    for side in ("a", "b"):
        qs = Connection.objects.filter(account=account, **{side: gone})
        snap[f"connections_{side}"] = list(qs.values_list("id", flat=True))
        qs.update(**{side: keep})
    self_links = Connection.objects.filter(account=account, a=keep, b=keep)
    snap["connections_dropped"] = list(self_links.values_list("id", "note"))
    self_links.delete()
    qs = Person.objects.filter(account=account, met_through=gone).exclude(id=keep.id)
    snap["met_through"] = list(qs.values_list("id", flat=True))
    qs.update(met_through=keep)
    keep.tags.add(*gone.tags.all())

    for field in _FILLABLE:
        if not getattr(keep, field) and getattr(gone, field):
            setattr(keep, field, getattr(gone, field))
    if keep.met_through_id == gone.id:
        keep.met_through_id = None
    keep.needs = list(dict.fromkeys([*(keep.needs or []), *(gone.needs or [])]))
    keep.notes = "\n\n".join(n for n in (keep.notes, gone.notes) if n)
    if rules.TRUST_STAGES.index(gone.trust_stage) > rules.TRUST_STAGES.index(keep.trust_stage):
        keep.trust_stage = gone.trust_stage
    if gone.last_touch and (not keep.last_touch or gone.last_touch > keep.last_touch):
        keep.last_touch = gone.last_touch
    if rules.TIERS.index(gone.tier) < rules.TIERS.index(keep.tier):
        keep.tier = gone.tier
    keep.save()
    record = MergeRecord.objects.create(account=account, kept=keep, gone_id=gone.id, gone_name=gone.display_name,
                                        snapshot=snap)
    gone.delete()
    people_service.refresh_derived(keep)
    trust.refresh(account, keep)  # both records' evidence together may support a higher stage
    return record


def _move_roles(keep: Person, gone: Person) -> tuple[list, list]:
    """Keep every role; the newest current role wins as the person's current role."""
    kept = {(r.organization_id, r.title): r for r in Role.objects.filter(person=keep)}
    keep_current = {r.id for r in kept.values() if r.current}
    moved, dropped = [], []
    for role in Role.objects.filter(person=gone):
        if (role.organization_id, role.title) in kept:
            dropped.append({"organization_id": role.organization_id, "title": role.title, "current": role.current,
                            "start": role.start.isoformat() if role.start else None,
                            "end": role.end.isoformat() if role.end else None})
            role.delete()
        else:
            moved.append(role.id)
            role.person = keep
            role.save(update_fields=["person"])
    current = list(Role.objects.filter(person=keep, current=True))
    if current:
        # Newest by start date; without dates, the kept record's own role wins.
        newest = max(current, key=lambda r: (r.start or date.min, r.id in keep_current))
        Role.objects.filter(person=keep, current=True).exclude(id=newest.id).update(current=False)
        keep.organization_id, keep.title = newest.organization_id, newest.title
    return moved, dropped


@transaction.atomic
def undo(account, merge_id: int) -> Person:
    """Undo a merge: the merged-away person comes back with the same id and their own rows."""
    rec = MergeRecord.objects.select_for_update().filter(account=account, id=merge_id).first()
    if rec is None:
        raise NotFound(f"no merge with id {merge_id}")
    if rec.undone:
        raise ServiceError(f"merge {merge_id} was already undone")
    if Person.objects.filter(id=rec.gone_id).exists():
        raise ServiceError(f"person {rec.gone_id} exists again; this merge cannot be undone")
    snap, keep = rec.snapshot, rec.kept
    gone = Person(id=rec.gone_id, account=account, **snap["gone"])
    gone.save(force_insert=True)
    gone.tags.set(snap["gone_tags"])
    ContactPoint.objects.filter(id__in=snap["points_moved"]).update(person=gone)
    ContactPoint.objects.bulk_create([ContactPoint(account=account, person=gone, **p) for p in snap["points_dropped"]])
    Role.objects.filter(id__in=snap["roles_moved"]).update(person=gone)
    Role.objects.bulk_create([Role(account=account, person=gone, **r) for r in snap["roles_dropped"]])
    InteractionPerson.objects.filter(id__in=snap["interactions_moved"]).update(person=gone)
    InteractionPerson.objects.bulk_create([InteractionPerson(account=account, interaction_id=i, person=gone)
                                           for i in snap["interactions_shared"]])
    for name, model in _MOVED.items():
        model.objects.filter(id__in=snap[name]).update(person=gone)
    for field in _INTRO_FIELDS:
        Introduction.objects.filter(id__in=snap[f"intro_{field}"]).update(**{field: gone})
    Lead.objects.filter(id__in=snap["lead_sources"]).update(source_person=gone)
    for lead_id, keep_was_there in snap["lead_contributions"]:
        lead = Lead.objects.get(id=lead_id)
        lead.contributors.add(gone)
        if not keep_was_there:
            lead.contributors.remove(keep)
    for side in ("a", "b"):
        Connection.objects.filter(id__in=snap[f"connections_{side}"]).update(**{side: gone})
    Connection.objects.bulk_create([Connection(account=account, a=keep, b=gone, note=note)
                                    for _, note in snap["connections_dropped"]])
    Person.objects.filter(id__in=snap["met_through"]).update(met_through=gone)
    keep.tags.set(snap["keep_tags"])
    for field, value in snap["keep"].items():
        setattr(keep, field, date.fromisoformat(value) if field in _DATES and value
                else value)
    keep.save()
    Role.objects.filter(person=keep).update(current=False)
    Role.objects.filter(id__in=snap["keep_current_roles"]).update(current=True)
    rec.undone = True
    rec.save(update_fields=["undone"])
    people_service.refresh_derived(keep)
    gone = Person.objects.get(id=gone.id)  # as stored: the snapshot set its dates as text
    people_service.refresh_derived(gone)
    return gone

"""Merging two records of one person: everything moves to the one kept, nothing is lost."""

from datetime import date

from django.db import transaction

from goodloop.core import rules
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.leads.models import Introduction, Lead
from goodloop.network.models import Connection, ContactPoint, InteractionPerson, Person, Role, SourceRecord

from . import people as people_service
from .errors import ServiceError

_FILLABLE = ("given_name", "family_name", "location", "how_we_met", "connected_on", "met_through_id",
             "cadence_days")


@transaction.atomic
def merge_people(account, keep: Person, gone: Person) -> Person:
    """Merge `gone` into `keep`: contact points, roles, interactions, favors, asks, loops,
    introductions, leads, connections, tags and import history all move; `gone` is deleted."""
    if keep.account_id != account.id or gone.account_id != account.id:
        raise ServiceError("unknown person")
    if keep.id == gone.id:
        raise ServiceError("cannot merge a person into themselves")
    if gone.is_me:
        raise ServiceError("cannot merge yourself into someone else; merge them into me instead")
    keep = Person.objects.select_for_update().get(id=keep.id)
    gone = Person.objects.select_for_update().get(id=gone.id)

    have = set(ContactPoint.objects.filter(person=keep).values_list("kind", "key"))
    for cp in ContactPoint.objects.filter(person=gone):
        if (cp.kind, cp.key) in have:
            cp.delete()
        else:
            cp.person = keep
            cp.save(update_fields=["person"])
    _move_roles(keep, gone)
    kept_interactions = set(InteractionPerson.objects.filter(person=keep).values_list("interaction_id", flat=True))
    InteractionPerson.objects.filter(person=gone, interaction_id__in=kept_interactions).delete()
    InteractionPerson.objects.filter(person=gone).update(person=keep)
    for model in (Favor, Ask, Loop, SourceRecord):
        model.objects.filter(account=account, person=gone).update(person=keep)
    for field in ("introducer", "introducee", "introduced"):
        Introduction.objects.filter(account=account, **{field: gone}).update(**{field: keep})
    Lead.objects.filter(account=account, source_person=gone).update(source_person=keep)
    for lead in Lead.objects.filter(account=account, contributors=gone):
        lead.contributors.remove(gone)
        lead.contributors.add(keep)
    Connection.objects.filter(account=account, a=gone).update(a=keep)
    Connection.objects.filter(account=account, b=gone).update(b=keep)
    Connection.objects.filter(account=account, a=keep, b=keep).delete()
    Person.objects.filter(account=account, met_through=gone).exclude(id=keep.id).update(met_through=keep)
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
    gone.delete()
    people_service.refresh_search_text(keep)
    return keep


def _move_roles(keep: Person, gone: Person) -> None:
    """Keep every role; the newest current role wins as the person's current role."""
    kept = {(r.organization_id, r.title): r for r in Role.objects.filter(person=keep)}
    keep_current = {r.id for r in kept.values() if r.current}
    for role in Role.objects.filter(person=gone):
        if (role.organization_id, role.title) in kept:
            role.delete()
        else:
            role.person = keep
            role.save(update_fields=["person"])
    current = list(Role.objects.filter(person=keep, current=True).order_by("-start", "-id"))
    if current:
        # Newest by start date; without dates, the kept record's own role wins.
        newest = max(current, key=lambda r: (r.start or date.min, r.id in keep_current))
        Role.objects.filter(person=keep, current=True).exclude(id=newest.id).update(current=False)
        keep.organization_id, keep.title = newest.organization_id, newest.title

"""Delete a person with an undo: every row the delete removes (contact points, roles, tags,
interactions with only them, and the asks, favors, loops, introductions and lead credits of the
other domains, found through Django's own cascade) is kept as a snapshot for a few minutes
(core.rules.DELETE_UNDO_MINUTES); undoing puts those rows back with their ids. After the window
the snapshot is purged, so a delete is final once the undo has expired."""

from datetime import timedelta

from django.apps import apps
from django.core import serializers
from django.db import IntegrityError, router, transaction
from django.db.models import Count
from django.db.models.deletion import Collector, ProtectedError
from django.utils import timezone

from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.network.deletion import delete_person
from goodloop.network.models import DeletedPerson, Interaction, Person


def _window() -> timedelta:
    return timedelta(minutes=rules.DELETE_UNDO_MINUTES)


def purge_expired(account) -> int:
    """Forget the snapshots whose undo window has passed; returns how many."""
    deleted, _ = DeletedPerson.objects.filter(account=account, deleted_at__lt=timezone.now() - _window()).delete()
    return deleted


def _rows_removed_with(person: Person) -> tuple[list, list]:
    """Every row deleting `person` removes (Django's cascade, across every app), and the
    [label, field, ids] columns it sets to null."""
    collector = Collector(using=router.db_for_write(Person))
    try:
        collector.collect([person])
    except ProtectedError as exc:
        raise ServiceError("something still needs this person, so they cannot be deleted", field="id") from exc
    rows = [obj for instances in collector.data.values() for obj in instances]
    rows += [obj for qs in collector.fast_deletes for obj in qs]
    set_null = []
    for (field, _value), batches in collector.field_updates.items():
        ids = [obj.pk for batch in batches for obj in batch]
        if ids:
            set_null.append([field.model._meta.label, field.attname, ids])
    # Interactions left with nobody once the person goes (delete_person removes those too).
    rows += list(Interaction.objects.filter(account=person.account_id, interactionperson__person=person)
                 .annotate(n=Count("interactionperson")).filter(n=1))
    return rows, set_null


@transaction.atomic
def delete_with_undo(account, person_id: int) -> DeletedPerson:
    """Delete one of the account's people (as network.deletion.delete_person does) and keep what
    was removed for DELETE_UNDO_MINUTES so `undo` can bring it all back."""
    purge_expired(account)
    person = Person.objects.filter(account=account, id=person_id).first()
    if person is None:
        raise NotFound(f"no person with id {person_id}")
    if person.is_me:
        raise ServiceError("you cannot delete yourself", field="id")
    rows, set_null = _rows_removed_with(person)
    record = DeletedPerson.objects.create(account=account, person_id=person.id, name=person.display_name,
                                         rows=serializers.serialize("json", rows), set_null=set_null)
    delete_person(account, person.id)
    return record


def undo(account, record_id: int) -> Person:
    """Bring a deleted person back with everything the delete removed, if the window is still open."""
    record = DeletedPerson.objects.filter(account=account, id=record_id).only("id", "deleted_at").first()
    if record is None:
        raise NotFound(f"no deleted person with id {record_id}")
    if record.deleted_at < timezone.now() - _window():
        purge_expired(account)  # this one included: the delete is final now
        raise ServiceError(f"too late to undo: a delete can be undone for {rules.DELETE_UNDO_MINUTES} minutes")
    try:
        with transaction.atomic():
            return _restore(account, record_id)
    except IntegrityError as exc:
        # e.g. their organization was deleted since, or someone else now has their email
        raise ServiceError("this delete can no longer be undone: something they were linked to has changed "
                           "since") from exc


def _restore(account, record_id: int) -> Person:
    record = DeletedPerson.objects.select_for_update().filter(account=account, id=record_id).first()
    if record is None:
        raise NotFound(f"no deleted person with id {record_id}")
    if Person.objects.filter(id=record.person_id).exists():
        raise ServiceError(f"{record.name} is already back")
    restored = list(serializers.deserialize("json", record.rows))
    for obj in restored:  # their own rows first, then the links between them
        if obj.object._meta.auto_created is False:
            obj.save(save_m2m=False)
    for obj in restored:
        if obj.object._meta.auto_created:
            obj.save(save_m2m=False)
    for label, field, ids in record.set_null:
        apps.get_model(label).objects.filter(pk__in=ids, **{f"{field}__isnull": True}).update(
            **{field: record.person_id})
    record.delete()
    person = Person.objects.get(account=account, id=record.person_id)
    return person


def recent(account, record_id: int) -> DeletedPerson | None:
    """The account's delete record while it can still be undone (for the undo link)."""
    return DeletedPerson.objects.filter(account=account, id=record_id,
                                        deleted_at__gte=timezone.now() - _window()).first()


def what_goes(account, person_id: int) -> list[str]:
    """What deleting the person removes, as "3 asks", "1 favor"… per kind of record, for the
    confirmation step; NotFound for anyone else's person."""
    person = Person.objects.filter(account=account, id=person_id).first()
    if person is None:
        raise NotFound(f"no person with id {person_id}")
    rows, _ = _rows_removed_with(person)
    counts: dict[tuple[str, str], int] = {}
    for obj in rows:
        meta = obj._meta
        if meta.auto_created or meta.model is Person or meta.model_name in _LINK_ROWS:
            continue  # links (tags, shared interactions, import history) are not records a user thinks of
        key = (str(meta.verbose_name), _PLURALS.get(str(meta.verbose_name), str(meta.verbose_name_plural)))
        counts[key] = counts.get(key, 0) + 1
    return [f"{n} {one if n == 1 else many}" for (one, many), n in sorted(counts.items(), key=lambda x: x[0][1])]


_LINK_ROWS = {"interactionperson", "sourcerecord", "mergerecord", "connection"}
_PLURALS = {"import batch": "import batches", "lead stage change": "lead stage changes"}

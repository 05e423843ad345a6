"""Account-scoped deletes: each runs in one transaction, touches only the account's rows, and
raises NotFound for anyone else's. Each domain deletes its own records through ``delete_owned``."""

from django.db import transaction

from goodloop.errors import NotFound, ServiceError
from goodloop.network.models import Interaction, Person


@transaction.atomic
def delete_person(account, person_id: int) -> None:
    """Delete one person and what hangs on them (contact points, roles, asks, favors, loops,
    introductions); interactions left with nobody are deleted too."""
    person = Person.objects.filter(account=account, id=person_id).first()
    if person is None:
        raise NotFound(f"no person with id {person_id}")
    if person.is_me:
        raise ServiceError("you cannot delete yourself", field="id")
    shared = list(Interaction.objects.filter(account=account, interactionperson__person=person)
                  .values_list("id", flat=True))
    person.delete()
    Interaction.objects.filter(account=account, id__in=shared, interactionperson__isnull=True).delete()


def delete_owned(model, account, obj_id: int, what: str) -> None:
    """Delete the account's row of ``model`` with that id (cascades included), or raise NotFound."""
    deleted, _ = model.objects.filter(account=account, id=obj_id).delete()
    if not deleted:
        raise NotFound(f"no {what} with id {obj_id}")

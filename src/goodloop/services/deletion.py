"""Account-scoped deletes (people and targets): each runs in one transaction, touches only
the account's rows, and raises NotFound for anyone else's."""

from django.db import transaction

from goodloop.leads.models import Target
from goodloop.network.models import Interaction, Person
from goodloop.services.errors import NotFound, ServiceError


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


@transaction.atomic
def delete_target(account, target_id: int) -> None:
    deleted, _ = Target.objects.filter(account=account, id=target_id).delete()
    if not deleted:
        raise NotFound(f"no target with id {target_id}")

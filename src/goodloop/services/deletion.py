"""Account-scoped deletes (people, targets, asks, favors, leads): each runs in one transaction, touches only
the account's rows, and raises NotFound for anyone else's."""

from django.db import transaction

from goodloop.helploop.models import Ask, Favor
from goodloop.leads.models import Lead, Target
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


def _delete(model, account, obj_id: int, what: str) -> None:
    deleted, _ = model.objects.filter(account=account, id=obj_id).delete()
    if not deleted:
        raise NotFound(f"no {what} with id {obj_id}")


@transaction.atomic
def delete_target(account, target_id: int) -> None:
    _delete(Target, account, target_id, "target")


@transaction.atomic
def delete_ask(account, ask_id: int) -> None:
    """Delete an ask and the loops it opened (favors that answered it stay, unlinked)."""
    _delete(Ask, account, ask_id, "ask")


@transaction.atomic
def delete_favor(account, favor_id: int) -> None:
    """Delete a favor and the thank/report loops it opened."""
    _delete(Favor, account, favor_id, "favor")


@transaction.atomic
def delete_lead(account, lead_id: int) -> None:
    """Delete a lead, its stage history and its loops (favors credited to it stay, unlinked)."""
    _delete(Lead, account, lead_id, "lead")

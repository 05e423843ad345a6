"""Account-scoped reads for lists and detail by id (interactions, asks, favors).
Every query filters on the account first, so another account's row is simply not found."""

from django.db.models import Exists, OuterRef, Prefetch, Q

from goodloop.errors import NotFound
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network.models import Interaction, Person


def interactions(account, person_id: int | None = None):
    qs = Interaction.objects.filter(account=account)
    if person_id is not None:
        qs = qs.filter(interactionperson__person_id=person_id)
    return qs.prefetch_related(
        Prefetch("people", queryset=Person.objects.filter(account=account).only("id", "display_name"))
    ).order_by("-date", "-id")


def interaction(account, interaction_id: int) -> Interaction:
    found = interactions(account).filter(id=interaction_id).first()
    if found is None:
        raise NotFound(f"no interaction with id {interaction_id}")
    return found


def asks(account, status: str | None = None, person_id: int | None = None, direction: str | None = None):
    qs = Ask.objects.filter(account=account).select_related("person")
    if direction:
        qs = qs.filter(direction=direction)
    if status:
        qs = qs.filter(status=status)
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    return qs.order_by("-date", "-id")


def favors(account, direction: str | None = None, person_id: int | None = None, open_only: bool = False,
           organization_id: int | None = None):
    """Favors, newest first, for the API, `goodloop favors` and their filters: a direction; a
    person; open (a thank-you or report it opened is still owed); an organization (the person's
    now, or the lead's it relates to)."""
    qs = Favor.objects.filter(account=account).select_related("person")
    if direction:
        qs = qs.filter(direction=direction)
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    if open_only:
        qs = qs.filter(Exists(Loop.objects.filter(favor_id=OuterRef("id"), status="open")))
    if organization_id is not None:
        qs = qs.filter(Q(person__organization_id=organization_id) | Q(lead__organization_id=organization_id))
    return qs.order_by("-date", "-id")


def favor(account, favor_id: int) -> Favor:
    found = favors(account).filter(id=favor_id).first()
    if found is None:
        raise NotFound(f"no favor with id {favor_id}")
    return found

"""Interactions: logging a touchpoint resets the keep-in-touch clock."""

from datetime import date

from django.db import transaction

from goodloop import clock, events
from goodloop.core import rules as v
from goodloop.errors import ServiceError
from goodloop.network import derived
from goodloop.network.models import Interaction, InteractionPerson, Person

touch = derived.touch  # any interaction, favor or ask moves last contact forward


@transaction.atomic
def log(account, people: list[Person], channel: str, direction: str = "mutual", summary: str = "",
        when: date | None = None) -> Interaction:
    """Record a touchpoint with one or more people."""
    if channel not in v.CHANNELS:
        raise ServiceError(f"channel must be one of: {', '.join(v.CHANNELS)} (got {channel!r})", field="channel")
    if direction not in v.DIRECTIONS:
        raise ServiceError(f"direction must be one of: {', '.join(v.DIRECTIONS)} (got {direction!r})",
                           field="direction")
    if not people:
        raise ServiceError("an interaction needs at least one person", field="people")
    if any(p.account_id != account.id for p in people):
        raise ServiceError("unknown person", field="people")
    when = when or clock.today(account)
    interaction = Interaction.objects.create(account=account, date=when, channel=channel, direction=direction,
                                             summary=summary or "")
    InteractionPerson.objects.bulk_create(
        [InteractionPerson(account=account, interaction=interaction, person=p) for p in people]
    )
    ids = tuple(p.id for p in people)
    touch(account, ids, when)
    # Trust follows the evidence; a reply answers my ask. The handlers get the people from here,
    # not by reading back the links just written.
    events.emit(events.InteractionLogged(interaction, ids))
    return interaction


def logged_with(event: events.InteractionLogged) -> tuple[int, ...]:
    """The ids of the people a logged interaction was with: as the event carries them, else
    read from its links."""
    if event.person_ids:
        return tuple(event.person_ids)
    return tuple(InteractionPerson.objects.filter(interaction=event.interaction).values_list("person_id", flat=True))


def for_person(account, person, limit: int | None = 50):
    linked = InteractionPerson.objects.filter(person_id=person.id).values("interaction_id")
    qs = Interaction.objects.filter(account=account, id__in=linked).order_by("-date", "-id")
    return qs[:limit] if limit else qs


def as_dict(i: Interaction) -> dict:
    return {"id": i.id, "date": i.date.isoformat(), "channel": i.channel, "direction": i.direction,
            "summary": i.summary}


__all__ = ["log", "touch", "logged_with", "for_person", "as_dict"]

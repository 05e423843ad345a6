"""/api/interactions: log a touchpoint (it resets the keep-in-touch clock), list, show."""

from typing import Literal

from ninja import Field, Query, Router

from goodloop.core import rules
from goodloop.helploop import listings as queries
from goodloop.network import interactions as interaction_service
from goodloop.network import people as people_service

from . import common

router = Router(tags=["interactions"])


PersonRef = common.PersonRef


class InteractionOut(common.Stamped):
    id: int
    date: str
    channel: str
    direction: str
    summary: str
    people: list[PersonRef]


class InteractionIn(common.In):
    people: list[int] = Field(..., min_length=1, max_length=50)
    channel: Literal[rules.CHANNELS]
    direction: Literal[rules.DIRECTIONS] = "mutual"
    summary: str = Field("", max_length=5000)
    date: common.Day | None = None


def as_dict(i) -> dict:
    return {**interaction_service.as_dict(i),
            "people": [{"id": p.id, "name": p.display_name} for p in i.people.all()], **common.stamps(i)}


def _person(account, person_id):
    return people_service.resolve(account, str(person_id))


@router.get("", response={200: common.page_of(InteractionOut), **common.ERRORS})
def list_interactions(request, person: int | None = Query(None, ge=1, le=2**63 - 1),
                      limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                      offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    return common.paginate(queries.interactions(request.auth, person), limit, offset, as_dict)


@router.post("", response={201: InteractionOut, **common.ERRORS})
def log_interaction(request, payload: InteractionIn):
    account = request.auth
    people = [common.ref(_person, account, pid, "people") for pid in dict.fromkeys(payload.people)]
    interaction = interaction_service.log(account, people, payload.channel, payload.direction, payload.summary,
                                          payload.date)
    return 201, as_dict(queries.interaction(account, interaction.id))


@router.get("/{interaction_id}", response={200: InteractionOut, **common.ERRORS})
def show_interaction(request, interaction_id: int):
    return as_dict(queries.interaction(request.auth, interaction_id))

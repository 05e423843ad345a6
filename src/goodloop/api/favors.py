"""/api/favors: record a favor given or received (the loops it opens come back), list, show."""

from typing import Literal

from ninja import Field, Query, Router, Schema

from goodloop.core import rules
from goodloop.helploop import favors as favor_service
from goodloop.helploop import listings as queries
from goodloop.network import people as people_service

from . import common

router = Router(tags=["favors"])

Direction = Literal[rules.FAVOR_DIRECTIONS]


class FavorLoopOpened(Schema):
    id: int
    kind: str
    due: str


class FavorOut(common.Stamped):
    id: int
    direction: str
    kind: str
    person: common.PersonRef
    date: str
    note: str
    loops_opened: list[FavorLoopOpened] = []


class FavorIn(common.In):
    person: int
    direction: Direction
    kind: Literal[rules.FAVOR_KINDS]
    note: str = Field("", max_length=5000)
    date: common.Day | None = None
    ask: int | None = None
    lead: int | None = None
    introduction: int | None = None


def as_dict(favor) -> dict:
    return {**favor_service.as_dict(favor), **common.stamps(favor)}


def _person(account, person_id):
    return people_service.resolve(account, str(person_id))


@router.get("", response={200: common.page_of(FavorOut), **common.ERRORS})
def list_favors(request, direction: Direction | None = None, person: int | None = Query(None, ge=1, le=2**63 - 1),
                open: bool = False, org: str | None = common.ORG_FILTER,
                limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    qs = queries.favors(request.auth, direction, person, open_only=open,
                        organization_id=common.org_filter(request.auth, org))
    return common.paginate(qs, limit, offset, as_dict)


@router.post("", response={201: FavorOut, **common.ERRORS})
def record_favor(request, payload: FavorIn):
    account = request.auth
    person = common.ref(_person, account, payload.person, "person")
    result = favor_service.record(account, person, payload.direction, payload.kind, payload.note, payload.date,
                                  ask_id=payload.ask, lead_id=payload.lead, introduction_id=payload.introduction)
    return 201, {**result.as_dict(), **common.stamps(result.favor)}


@router.get("/{favor_id}", response={200: FavorOut, **common.ERRORS})
def show_favor(request, favor_id: int):
    return as_dict(queries.favor(request.auth, favor_id))


class FavorPatch(common.In):
    note: str = Field(..., max_length=5000)


@router.patch("/{favor_id}", response={200: FavorOut, **common.ERRORS})
def edit_favor(request, favor_id: int, payload: FavorPatch):
    favor_service.edit_note(request.auth, favor_id, payload.note)
    return as_dict(queries.favor(request.auth, favor_id))


@router.delete("/{favor_id}", response={204: None, **common.ERRORS})
def delete_favor(request, favor_id: int):
    favor_service.delete_favor(request.auth, favor_id)
    return 204, None

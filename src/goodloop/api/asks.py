"""/api/asks: my asks (direction "made") - make one (the coach scores it and its findings come
back), list, show, change status with why it closed; requests made of me are /api/requests.
/api/coach scores a draft and saves nothing."""

from typing import Literal

from ninja import Field, Query, Router, Schema

from goodloop.core import rules
from goodloop.helploop import asks as ask_service
from goodloop.helploop import listings as queries
from goodloop.network import people as people_service

from . import common

router = Router(tags=["asks"])
coach_router = Router(tags=["asks"])

Kind = Literal[rules.ASK_KINDS]
Status = Literal[rules.ASK_STATUSES]


class Finding(Schema):
    code: str
    message: str
    principle: str | None = None


class CoachOut(Schema):
    score: int
    findings: list[Finding]
    rewrite: str | None = None
    guard: dict | None = None


class AskMade(CoachOut, common.Stamped):
    id: int
    status: str
    kind: str
    person: common.PersonRef


class AskOut(common.Stamped):
    id: int
    direction: Literal["made"]
    person: common.PersonRef
    text: str
    kind: str
    status: str
    score: int | None
    date: str
    nudges: int
    last_nudge: str | None
    closed_on: str | None
    closed_reason: str | None
    findings: list[dict]


class AskIn(common.In):
    person: int
    text: str = Field(..., min_length=1, max_length=ask_service.MAX_ASK_CHARS)
    kind: Kind | None = None
    organizations: list[str] = Field(default_factory=list, max_length=10)
    status: Status = "sent"
    date: common.Day | None = None


class CoachIn(common.In):
    text: str = Field(..., min_length=1, max_length=ask_service.MAX_ASK_CHARS)
    person: int | None = None
    kind: Kind | None = None


class AskPatch(common.In):
    status: Status
    date: common.Day | None = None


def _person(account, person_id):
    return people_service.resolve(account, str(person_id))


@router.get("", response={200: common.page_of(AskOut), **common.ERRORS})
def list_asks(request, status: Status | None = None, person: int | None = Query(None, ge=1, le=2**63 - 1),
              limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
              offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    return common.paginate(queries.asks(request.auth, status, person, direction="made"), limit, offset,
                           common.stamped(ask_service.as_dict))


@router.post("", response={201: AskMade, **common.ERRORS})
def make_ask(request, payload: AskIn):
    account = request.auth
    person = common.ref(_person, account, payload.person, "person")
    result = ask_service.make(account, person, payload.text, payload.kind, payload.organizations,
                              payload.status, payload.date)
    return 201, {**result.as_dict(), **common.stamps(result.ask)}


@router.get("/{ask_id}", response={200: AskOut, **common.ERRORS})
def show_ask(request, ask_id: int):
    return common.stamped(ask_service.as_dict)(ask_service.get_mine(request.auth, ask_id))


@router.patch("/{ask_id}", response={200: AskOut, **common.ERRORS})
def change_ask(request, ask_id: int, payload: AskPatch):
    ask_service.set_status(request.auth, ask_id, payload.status, payload.date)  # my asks only
    return common.stamped(ask_service.as_dict)(ask_service.get_mine(request.auth, ask_id))


@coach_router.post("", response={200: CoachOut, **common.ERRORS})
def coach(request, payload: CoachIn):
    account = request.auth
    person = common.ref(_person, account, payload.person, "person") if payload.person is not None else None
    return ask_service.coach(account, payload.text, person, payload.kind).as_dict()


@router.delete("/{ask_id}", response={204: None, **common.ERRORS})
def delete_ask(request, ask_id: int):
    ask_service.delete_ask(request.auth, ask_service.get_mine(request.auth, ask_id).id)
    return 204, None

"""/api/introductions: introducer → introducee → introduced, with double opt-in."""

from typing import Literal

from ninja import Field, Query, Router

from goodloop.core import rules
from goodloop.network import people as people_service
from goodloop.search import introductions as intro_service

from . import common

router = Router(tags=["introductions"])

Status = Literal[rules.INTRO_STATUSES]


class IntroductionOut(common.Stamped):
    id: int
    status: str
    introducer: common.PersonRef
    introducee: common.PersonRef
    introduced: common.PersonRef
    purpose: str
    requested_on: str
    drafts: dict[str, str] | None = None


class IntroductionIn(common.In):
    introducer: int
    introducee: int
    introduced: int
    purpose: str = Field("", max_length=5000)
    status: Status = "requested"
    date: common.Day | None = None


class IntroductionPatch(common.In):
    status: Status
    date: common.Day | None = None


def _person(account, person_id):
    return people_service.resolve(account, str(person_id))


@router.get("", response={200: common.page_of(IntroductionOut), **common.ERRORS})
def list_introductions(request, status: Status | None = None, open: bool = False,
                       person: int | None = Query(None, ge=1, le=2**63 - 1), org: str | None = common.ORG_FILTER,
                       limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                       offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    qs = intro_service.list_introductions(request.auth, status, open_only=open, person_id=person,
                                          organization_id=common.org_filter(request.auth, org))
    return common.paginate(qs, limit, offset, common.stamped(intro_service.as_dict))


@router.post("", response={201: IntroductionOut, **common.ERRORS})
def record_introduction(request, payload: IntroductionIn):
    account = request.auth
    trio = [common.ref(_person, account, getattr(payload, f), f) for f in ("introducer", "introducee", "introduced")]
    intro = intro_service.record(account, *trio, purpose=payload.purpose, status=payload.status, when=payload.date)
    return 201, common.stamped(intro_service.as_dict)(intro_service.get(account, intro.id))


@router.get("/{intro_id}", response={200: IntroductionOut, **common.ERRORS})
def show_introduction(request, intro_id: int):
    intro = intro_service.get(request.auth, intro_id)
    return {**common.stamped(intro_service.as_dict)(intro), "drafts": intro_service.drafts_for(request.auth, intro)}


@router.patch("/{intro_id}", response={200: IntroductionOut, **common.ERRORS})
def move_introduction(request, intro_id: int, payload: IntroductionPatch):
    intro = intro_service.move(request.auth, intro_id, payload.status, payload.date)
    return common.stamped(intro_service.as_dict)(intro_service.get(request.auth, intro.id))

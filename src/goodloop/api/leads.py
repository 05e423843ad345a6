"""/api/leads: job opportunities credited to the people who helped; move them through stages."""

from typing import Literal

from ninja import Field, Query, Router, Schema

from goodloop.core import rules
from goodloop.helploop import landed
from goodloop.network import people as people_service
from goodloop.search import leads as lead_service

from . import common

router = Router(tags=["leads"])

Stage = Literal[rules.LEAD_STAGES]


class Contributor(common.PersonRef):
    credit: str = Field("", description='Why they are credited: "the lead came through them", '
                                        '"introduced you to …", "helped with it"')


class LeadOut(common.Stamped):
    id: int
    stage: str
    organization: str
    title: str
    contributors: list[Contributor] = Field(default_factory=list,
                                            description="The people credited for it, introducers up the chain too")


class LeadLoopOpened(Schema):
    id: int
    kind: str
    due: str
    person: common.PersonRef


class LandedLead(Schema):
    id: int
    title: str
    organization: str
    stage: str
    was: str | None = None


class LandedTarget(Schema):
    id: int
    organization: str
    status: str


class LandedAsk(Schema):
    id: int
    person: str
    status: str


class Landing(Schema):
    landing: int
    on: str
    undone_on: str | None = None
    leads: list[LandedLead]
    targets: list[LandedTarget]
    asks: list[LandedAsk]


class LeadMoved(LeadOut):
    loops_opened: list[LeadLoopOpened]
    landed: Landing | None = Field(None, description="Accepted: what the landing closed (move it back to undo)")
    landing_undone: Landing | None = Field(None, description="Moved back from accepted: what was restored")


class LeadIn(common.In):
    organization: str = Field(..., min_length=1, max_length=300)
    title: str = Field(..., min_length=1, max_length=300)
    via: int | None = None
    url: str = Field("", max_length=500)
    source: Literal[rules.LEAD_SOURCES] | None = None
    stage: Stage = "identified"
    date: common.Day | None = None


class LeadPatch(common.In):
    stage: Stage
    date: common.Day | None = None


def _person(account, person_id):
    return people_service.resolve(account, str(person_id))


@router.get("", response={200: common.page_of(LeadOut), **common.ERRORS})
def list_leads(request, stage: Stage | None = None, open: bool = False,
               person: int | None = Query(None, ge=1, le=2**63 - 1), org: str | None = common.ORG_FILTER,
               limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
               offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    qs = lead_service.list_leads(request.auth, stage, open_only=open, person_id=person,
                                 organization_id=common.org_filter(request.auth, org))
    return common.paginate(qs, limit, offset, common.stamped(lead_service.as_dict))


@router.post("", response={201: LeadOut, **common.ERRORS})
def add_lead(request, payload: LeadIn):
    account = request.auth
    via = common.ref(_person, account, payload.via, "via") if payload.via is not None else None
    lead = lead_service.add(account, payload.organization, payload.title, via=via, when=payload.date,
                            url=payload.url, source=payload.source, stage=payload.stage)
    return 201, common.stamped(lead_service.as_dict)(lead)


@router.get("/{lead_id}", response={200: LeadOut, **common.ERRORS})
def show_lead(request, lead_id: int):
    return common.stamped(lead_service.as_dict)(lead_service.get(request.auth, lead_id))


@router.patch("/{lead_id}", response={200: LeadMoved, **common.ERRORS})
def move_lead(request, lead_id: int, payload: LeadPatch):
    before = lead_service.get(request.auth, lead_id).stage
    lead, opened = lead_service.move(request.auth, lead_id, payload.stage, payload.date)
    data = {**common.stamped(lead_service.as_dict)(lead),
            "loops_opened": [{"id": x.id, "kind": x.kind, "due": x.due.isoformat(),
                              "person": {"id": x.person_id, "name": x.person.display_name}} for x in opened]}
    if "accepted" in (before, lead.stage) and before != lead.stage:
        closed = landed.latest_for(request.auth, lead)
        if closed is not None:
            data["landed" if lead.stage == "accepted" else "landing_undone"] = closed.as_dict()
    return data


@router.delete("/{lead_id}", response={204: None, **common.ERRORS})
def delete_lead(request, lead_id: int):
    lead_service.delete_lead(request.auth, lead_id)
    return 204, None

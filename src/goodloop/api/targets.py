"""/api/targets: the target list in priority order; add, show, change, remove."""

from typing import Literal

from ninja import Field, Query, Router

from goodloop.core import rules
from goodloop.search import targets as target_service
from goodloop.search import targets_order
from goodloop.search.targets import delete_target

from . import common

router = Router(tags=["targets"])

Status = Literal[rules.TARGET_STATUSES]


class TargetOut(common.Stamped):
    id: int
    organization: str
    priority: int
    status: str
    why: str
    people_count: int | None = None


class TargetIn(common.In):
    organization: str = Field(..., min_length=1, max_length=300)
    priority: int | None = Field(None, ge=1, le=100000)
    why: str = Field("", max_length=5000)
    status: Status = "researching"


class TargetPatch(common.In):
    priority: int | None = Field(None, ge=1, le=100000)
    why: str | None = Field(None, max_length=5000)
    status: Status | None = None


def as_dict(t) -> dict:
    return {**target_service.as_dict(t), "people_count": getattr(t, "people_count", None), **common.stamps(t)}


def _get(account, target_id: int):
    target = target_service.list_targets(account).filter(id=target_id).first()
    if target is None:
        raise common.NotFound(f"no target with id {target_id}")
    return target


@router.get("", response={200: common.page_of(TargetOut), **common.ERRORS})
def list_targets(request, limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                 offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    return common.paginate(target_service.list_targets(request.auth), limit, offset, as_dict)


@router.post("", response={201: TargetOut, **common.ERRORS})
def add_target(request, payload: TargetIn):
    target = target_service.add_target(request.auth, payload.organization, payload.priority, payload.why,
                                       payload.status)
    return 201, as_dict(_get(request.auth, target.id))


@router.get("/{target_id}", response={200: TargetOut, **common.ERRORS})
def show_target(request, target_id: int):
    return as_dict(_get(request.auth, target_id))


@router.patch("/{target_id}", response={200: TargetOut, **common.ERRORS})
def change_target(request, target_id: int, payload: TargetPatch):
    targets_order.update(request.auth, target_id, priority=payload.priority, status=payload.status, why=payload.why)
    return as_dict(_get(request.auth, target_id))


@router.delete("/{target_id}", response={204: None, **common.ERRORS})
def remove_target(request, target_id: int):
    delete_target(request.auth, target_id)
    return 204, None

"""/api/loops: what I owe people; close one as done or skip it."""

from typing import Literal

from ninja import Field, Query, Router

from goodloop.core import rules
from goodloop.helploop import loops as loop_service

from . import common

router = Router(tags=["loops"])


class LoopOut(common.Stamped):
    id: int
    kind: str
    person: common.PersonRef
    due: str
    status: str
    reason: str


class LoopPatch(common.In):
    status: Literal["done", "skipped"]
    note: str = Field("", max_length=5000)
    date: common.Day | None = None


@router.get("", response={200: common.page_of(LoopOut), **common.ERRORS})
def list_loops(request, status: Literal[rules.LOOP_STATUSES] | None = None,
               limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
               offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    qs = loop_service.list_loops(request.auth, open_only=status == "open")
    if status and status != "open":
        qs = qs.filter(status=status)
    return common.paginate(qs, limit, offset, common.stamped(loop_service.as_dict))


@router.get("/{loop_id}", response={200: LoopOut, **common.ERRORS})
def show_loop(request, loop_id: int):
    return common.stamped(loop_service.as_dict)(loop_service.get(request.auth, loop_id))


@router.patch("/{loop_id}", response={200: LoopOut, **common.ERRORS})
def close_loop(request, loop_id: int, payload: LoopPatch):
    loop = loop_service.close(request.auth, loop_id, payload.date, payload.note, skip=payload.status == "skipped")
    return common.stamped(loop_service.as_dict)(loop)

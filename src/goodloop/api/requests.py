"""/api/requests: what other people asked of me (the giving side), read-only here; triage and
promises go through the giving use cases (`goodloop triage`, the web's Giving pages)."""

from ninja import Query, Router

from goodloop.giving import queries

from . import common

router = Router(tags=["requests"])


class RequestOut(common.Stamped):
    id: int
    direction: str
    person: common.PersonRef
    text: str
    kind: str
    date: str
    score: int | None
    status: str
    triage: str | None
    open: bool
    promise_due: str | None
    promise_loop: int | None
    redirect_to: common.PersonRef | None
    draft: str


def _out(ask) -> dict:
    return {**queries.as_dict(ask), "direction": ask.direction, **common.stamps(ask)}


@router.get("", response={200: common.page_of(RequestOut), **common.ERRORS})
def list_requests(request, open: bool = False,
                  limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                  offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    return common.paginate(queries.list_requests(request.auth, open_only=open), limit, offset, _out)


@router.get("/{request_id}", response={200: RequestOut, **common.ERRORS})
def show_request(request, request_id: int):
    return _out(queries.get(request.auth, request_id))

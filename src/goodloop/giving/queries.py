"""Reading requests made of me: one lookup, one list and one serializer, used by the API, the
CLI's `--json` and the web."""

from django.db.models import Q

from goodloop.errors import NotFound
from goodloop.helploop.models import Ask


def get(account, request_id: int) -> Ask:
    ask = (Ask.objects.filter(account=account, id=request_id, direction=Ask.RECEIVED)
           .select_related("person", "redirect_to").first())
    if ask is None:
        raise NotFound(f"no request with id {request_id} (a request is something someone asked of you)")
    return ask


def open_q() -> Q:
    """Open: not answered yet, or a promise still to keep."""
    return Q(status="sent") | Q(loops__kind="promise", loops__status="open")


def list_requests(account, open_only: bool = False, person=None):
    qs = Ask.objects.filter(account=account, direction=Ask.RECEIVED)
    if open_only:
        qs = qs.filter(open_q())
    if person is not None:
        qs = qs.filter(person=person)
    return qs.select_related("person", "redirect_to").prefetch_related("loops").distinct().order_by("-date", "-id")


def as_dict(ask: Ask) -> dict:
    """The `requests --json` element."""
    promises = [x for x in ask.loops.all() if x.kind == "promise"]
    open_promise = next((x for x in promises if x.status == "open"), None)
    return {"id": ask.id, "person": {"id": ask.person_id, "name": ask.person.display_name}, "text": ask.text,
            "kind": ask.kind, "date": ask.date.isoformat(), "score": ask.score, "status": ask.status,
            "triage": ask.triage, "open": ask.status == "sent" or open_promise is not None,
            "promise_due": ask.promise_due.isoformat() if ask.promise_due else None,
            "promise_loop": open_promise.id if open_promise else (promises[0].id if promises else None),
            "redirect_to": ({"id": ask.redirect_to_id, "name": ask.redirect_to.display_name}
                            if ask.redirect_to_id else None),
            "draft": ask.reply_draft or ""}

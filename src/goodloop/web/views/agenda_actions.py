"""One-click "done" on a Today item, through the services: a loop is closed, a 3B7 follow-up is
recorded, and a check-in, give or lead step is logged as an outbound message."""

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import asks, loops
from goodloop.network import interactions
from goodloop.network import people as people_service
from goodloop.web.forms_helploop import AgendaDoneForm

from . import today
from .common import is_htmx_fragment, not_found_is_404

SUMMARIES = {"check_in": "Checked in", "give": "Offered help with something they need",
             "lead_step": "Asked about the next step on a lead"}


def _person(account, person_id):
    person = people_service.resolve(account, str(person_id))
    if person.is_me:
        raise ServiceError("that item is not about a contact")
    return person


def mark_done(account, data: dict, when: date) -> str:
    """Do what "done" means for the item's ref; returns a sentence saying what was recorded."""
    if data.get("loop"):
        loop = loops.close(account, data["loop"], when)
        return f"Done: {loop.get_kind_display().lower()} for {loop.person.display_name}."
    if data.get("ask") and data.get("action"):
        ask = asks.record_follow_up(account, data["ask"], data["action"], when)
        step = {"nudge": "nudge sent", "second_contact": "second contact made",
                "mark_no_reply": "marked no reply"}[data["action"]]
        return f"Follow-up recorded for {ask.person.display_name}: {step}."
    person = _person(account, data["person"])
    kind = data.get("kind") or "check_in"
    interactions.log(account, [person], "message", "outbound", SUMMARIES.get(kind, "Followed up"), when)
    return f"Logged a message to {person.display_name}; their keep-in-touch clock is reset."


@require_POST
def done(request):
    account = request.account
    form = AgendaDoneForm(request.POST)
    fragment = is_htmx_fragment(request)
    if not form.is_valid():
        message = "; ".join(e for errs in form.errors.values() for e in errs)
        return _answer(request, fragment, message, ok=False)
    data = form.cleaned_data
    when = data["date"] or clock.today(account)
    with not_found_is_404():
        try:
            message = mark_done(account, data, when)
        except ServiceError as exc:
            if isinstance(exc, NotFound):
                raise
            return _answer(request, fragment, exc.message, ok=False, when=data["date"])
    return _answer(request, fragment, message, ok=True, when=data["date"])


def _answer(request, fragment: bool, message: str, ok: bool, when: date | None = None):
    if fragment:
        # The item disappears (an empty swap); the status line says what happened, and the
        # count in the heading is recounted (an out-of-band swap).
        context = {"message": message, "ok": ok}
        if ok:
            context |= today.agenda_rows(request.account, when or clock.today(request.account))
        html = render_to_string("goodloop/today/_done.html", context, request)
        # A refusal keeps the item in place (no swap) and only updates the status line.
        return HttpResponse(html, headers={} if ok else {"HX-Reswap": "none"})
    (messages.success if ok else messages.error)(request, message)
    url = reverse("today") + (f"?{urlencode({'date': when.isoformat()})}" if when else "")
    return redirect(url)

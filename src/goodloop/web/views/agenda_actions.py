"""One-click "done" and "not now" on a Today item. What they mean lives in the domain
(goodloop.overview.agenda_actions), shared with the CLI and the API; this view only reads the form."""

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
from goodloop.overview import agenda_actions
from goodloop.web.forms_helploop import AgendaDoneForm

from . import today
from .common import is_htmx_fragment, not_found_is_404


def _key(data: dict) -> str:
    if data.get("key"):
        return data["key"]
    ref = {name: data.get(name) for name in ("loop", "ask", "action", "lead", "person")}
    return agenda_actions.key_from_ref(data.get("kind") or "", ref)


def _act(request, act):
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
            message = act(account, _key(data), when, data)
        except ServiceError as exc:
            if isinstance(exc, NotFound):
                raise
            return _answer(request, fragment, exc.message, ok=False, when=data["date"])
    return _answer(request, fragment, message, ok=True, when=data["date"])


@require_POST
def done(request):
    return _act(request, lambda account, key, when, data: agenda_actions.done(account, key, when))


@require_POST
def snooze(request):
    """Not now: the item is hidden for the chosen number of days (a week by default)."""
    return _act(request, lambda account, key, when, data: agenda_actions.snooze(account, key, data.get("days"),
                                                                                when))


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

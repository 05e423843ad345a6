"""People in transition I help: contacts marked job-seeking with their monthly check-in (and its
draft), a form to mark someone, and "landed" (where, what role), which ends the check-ins and
offers a congratulations draft."""


from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.core import giver as rules
from goodloop.core.input_bounds import parse_id
from goodloop.errors import ServiceError
from goodloop.giving import transition as transition_service
from goodloop.web.forms_giving import LandedForm, SeekingForm
from goodloop.web.pages import giving as pages

from .asks import wire_picker
from .common import not_found_is_404
from .giving import SUBNAV


def render_page(request, *, seeking_form=None, landed_forms: dict | None = None, status: int = 200):
    account = request.account
    today = clock.today(account)
    landed_forms = landed_forms or {}
    rows = []
    for t in pages.transitions(account):
        loop = t.current_loop if t.current_loop and t.current_loop.status == "open" else None
        rows.append({"t": t, "loop": loop, "months": rules.months_between(t.started_on, today),
                     "landed_form": landed_forms.get(t.person_id) or LandedForm(auto_id=f"landed-{t.person_id}-%s"),
                     "landed_open": t.person_id in landed_forms})
    shown = None
    if parse_id(request.GET.get("loop")) is not None:
        shown = pages.loop_for_draft(account, parse_id(request.GET["loop"]))
    return render(request, "goodloop/giving/transitions.html", {
        "title": "People in transition", "current_section": "giving", "subnav": SUBNAV, "today": today,
        "rows": rows, "landed": pages.landed(account), "shown": shown,
        "seeking_form": seeking_form or wire_picker(SeekingForm(account=account, auto_id="seeking-%s")),
    }, status=status)


def view(request):
    return render_page(request)


@require_POST
def seeking(request):
    """Mark a contact as job-seeking: the first check-in is due at once, then monthly."""
    account = request.account
    form = wire_picker(SeekingForm(request.POST, account=account, auto_id="seeking-%s"))
    if form.is_valid():
        try:
            result = transition_service.mark_seeking(account, form.cleaned_data["person"],
                                                     form.cleaned_data["date"] or None)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            name = result.transition.person.display_name
            messages.success(request, f"{name} is marked as looking for work: check in monthly, starting now."
                             if result.created else f"{name} was already marked as looking for work.")
            return redirect(reverse("transitions") + "?" + urlencode({"loop": result.loop.id}) + "#shown")
    return render_page(request, seeking_form=form, status=400)


@require_POST
def landed(request, pk: int):
    """`pk` is the person who landed: the check-ins end and a congratulations draft is offered."""
    account = request.account
    with not_found_is_404():
        person = pages.person(account, pk)
    form = LandedForm(request.POST, auto_id=f"landed-{pk}-%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = transition_service.landed(account, person, data["date"] or None,
                                               organization=data["organization"], role=data["role"])
        except ServiceError as exc:
            if exc.field not in form.fields:  # e.g. not marked as job-seeking: not a field's fault
                messages.error(request, exc.message)
                return redirect("transitions")
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"{person.display_name} landed — their monthly check-ins have ended. "
                                      "Send your congratulations.")
            return redirect(reverse("transitions") + "?" + urlencode({"loop": result.loop.id}) + "#shown")
    return render_page(request, landed_forms={pk: form}, status=400)

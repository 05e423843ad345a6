"""One person's giving page: what I have given them, and for each request they made of me
whether they thanked me and reported back (recorded, or seen in what they did later), with
buttons to record "they thanked me" and "they reported back". Facts, never a score."""


from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.errors import ServiceError
from goodloop.giving import closure as closure_service
from goodloop.giving import requests as request_service
from goodloop.web.forms_giving import ClosureForm
from goodloop.web.pages import giving as pages

from .common import is_htmx_fragment, not_found_is_404
from .giving import SUBNAV


def view(request, pk: int):
    account = request.account
    today = clock.today(account)
    with not_found_is_404():
        person = pages.person(account, pk)
    data = pages.person_giving(account, person, today)
    return render(request, "goodloop/giving/person.html", {
        "title": f"Giving · {person.display_name}", "current_section": "giving", "subnav": SUBNAV,
        "person": person, "today": today, **data})


@require_POST
def closure(request, pk: int):
    """Record that the requester of request `pk` thanked me, or told me how it panned out."""
    account = request.account
    with not_found_is_404():
        ask = request_service.get(account, pk)
    form = ClosureForm(request.POST)
    error = ""
    if form.is_valid():
        data = form.cleaned_data
        record = closure_service.thanked_me if data["kind"] == "thanked" else closure_service.reported_to_me
        try:
            record(account, pk, data["date"] or None, data["note"])
        except ServiceError as exc:
            error = exc.message
    else:
        error = "; ".join(e for errs in form.errors.values() for e in errs)
    if is_htmx_fragment(request):
        return render(request, "goodloop/giving/_closure_row.html",
                      {"row": pages.closure_row(account, pk), "error": error, "today": clock.today(account)})
    if error:
        messages.error(request, error)
    else:
        did = "thanked you" if form.cleaned_data["kind"] == "thanked" else "told you how it went"
        messages.success(request, f"Recorded: {ask.person.display_name} {did}.")
    return redirect(reverse("person_giving", args=[ask.person_id]) + f"#closure-{pk}")

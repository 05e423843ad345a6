"""Record a favor received or given; afterwards, show the loops it opened (thank, report)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from goodloop.core.input_bounds import parse_id
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import favors as favor_service
from goodloop.web.forms_helploop import FavorForm
from goodloop.web.pages import helploop as pages

from .asks import wire_picker
from .common import initial_from_query, is_htmx_fragment


def _recorded_message(result) -> str:
    f = result.favor
    what = f"Recorded {f.get_kind_display().lower()} {'from' if f.direction == 'received' else 'to'} " \
           f"{f.person.display_name}."
    if not result.loops_opened:
        return what + " Nothing is owed back."
    owed = "; ".join(f"{x.get_kind_display().lower()} due {x.due:%a %b} {x.due.day}" for x in result.loops_opened)
    return f"{what} Loops opened: {owed}."


def new(request):
    account = request.account
    form = wire_picker(FavorForm(request.POST or None, account=account, initial=initial_from_query(request, FavorForm)))
    fragment = is_htmx_fragment(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = favor_service.record(account, data["person"], data["direction"], data["kind"],
                                          note=data["note"], when=data["date"] or None, ask_id=data["ask"],
                                          lead_id=data["lead"])
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if fragment:
                return render(request, "goodloop/favors/_result.html",
                              {"favor": result.favor, "loops": result.loops_opened})
            back = request.POST.get("next", "")
            if back and url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
                messages.success(request, _recorded_message(result))
                return redirect(back)
            return redirect(reverse("favor_new") + "?" + urlencode({"recorded": result.favor.id}))
    recorded = loops = None
    if parse_id(request.GET.get("recorded")) is not None:
        try:
            recorded, loops = pages.favor_with_loops(account, parse_id(request.GET["recorded"]))
        except NotFound:
            recorded = None
    template = "goodloop/favors/_form.html" if fragment else "goodloop/favors/new.html"
    return render(request, template, {"title": "Record a favor", "form": form, "favor": recorded, "loops": loops},
                  status=400 if form.errors else 200)

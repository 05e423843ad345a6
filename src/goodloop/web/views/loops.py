"""Loops: what I owe people — open, done or skipped — each with why it exists and what opened it."""


from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.core import rules
from goodloop.errors import ServiceError
from goodloop.helploop import loops as loop_service
from goodloop.web.forms_helploop import LoopCloseForm
from goodloop.web.pages import helploop as pages

from .common import is_htmx_fragment, not_found_is_404, paginate, query_without

FILTERS = [(s, label) for s, label in (*rules.choices(rules.LOOP_STATUSES), ("all", "All"))]


def view(request):
    status = request.GET.get("status", "open")
    if status not in pages.LOOP_STATUS_FILTERS:
        status = "open"
    page = paginate(request, pages.loops(request.account, status))
    return render(request, "goodloop/loops/list.html", {
        "title": "Loops", "page": page, "status": status, "filters": FILTERS, "today": clock.today(request.account),
        "page_query": query_without(request, "page"),
    })


@require_POST
def close(request, pk: int):
    """Done, or skipped with a note. htmx gets the loop's row back (or nothing, to remove it)."""
    account = request.account
    form = LoopCloseForm(request.POST)
    error = ""
    with not_found_is_404():
        loop = pages.loop_row(account, pk)
    if form.is_valid():
        data = form.cleaned_data
        try:
            loop_service.close(account, pk, data["date"] or None, note=data["note"], skip=data["action"] == "skip")
        except ServiceError as exc:
            error = exc.message
    else:
        error = "; ".join(e for errs in form.errors.values() for e in errs)
    loop = pages.loop_row(account, pk)
    if is_htmx_fragment(request):
        if not error and request.POST.get("remove"):
            return render(request, "goodloop/today/_done.html",
                          {"ok": True, "message": f"{loop.get_kind_display().capitalize()} for {loop.person.display_name}: "
                                                  f"{loop.get_status_display().lower()}."})
        return render(request, "goodloop/loops/_loop.html", {"loop": loop, "error": error, "today": clock.today(request.account)})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"{loop.get_kind_display().capitalize()} for {loop.person.display_name}: "
                                  f"{loop.get_status_display().lower()}.")
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(back)  # a path, never a view name (redirect("²") was a 500)
    return redirect("loops")

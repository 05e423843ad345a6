"""Targets: my target organizations in priority order — reorder them, edit status and why, and
see for each who I know there now, who used to work there, who knows someone there, and the
open asks and leads about it."""


from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.core.input_bounds import parse_id
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import paths
from goodloop.network import organizations
from goodloop.search import targets as target_service
from goodloop.search import targets_order
from goodloop.web.forms import TargetForm
from goodloop.web.forms_search import TargetEditForm
from goodloop.web.pages import network as pages
from goodloop.web.pages import search as pages_search

from .common import is_htmx_fragment, not_found_is_404

PEOPLE_SHOWN_PER_TARGET = 8
PATHS_SHOWN_PER_TARGET = 5


def _rows(account, targets, edit_forms=None):
    known = pages.people_at_targets(account, targets, per_org=PEOPLE_SHOWN_PER_TARGET)
    extras = pages_search.target_extras(account, targets)
    edit_forms = edit_forms or {}
    rows = []
    for t in targets:
        form = edit_forms.get(t.id) or TargetEditForm(prefix=f"t{t.id}", initial={"status": t.status, "why": t.why})
        rows.append({"target": t, "people": known.get(t.organization_id, []),
                     "more": max(0, t.people_count - PEOPLE_SHOWN_PER_TARGET),
                     "edit": form, **extras.get(t.organization_id, {})})
    return rows


def _list_context(account, edit_forms=None):
    targets = list(target_service.list_targets(account))
    rows = _rows(account, targets, edit_forms)
    for i, row in enumerate(rows):
        row["first"], row["last"] = i == 0, i == len(rows) - 1
    return {"rows": rows}


def view(request):
    account = request.account
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            target = target_service.add_target(account, data["organization"], priority=data["priority"],
                                               why=data["why"], status=data["status"])
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            new = " (a new organization)" if organizations.created_note(target.organization) else ""
            messages.success(request, f"{target.organization.name}{new} is on your target list at priority "
                                      f"{target.priority}.")
            return redirect("targets")
    status = 400 if form.errors else 200
    return render(request, "goodloop/targets/list.html",
                  {"title": "Targets", "form": form, **_list_context(account)}, status=status)


def _list_response(request, message: str = "", edit_forms=None, status: int = 200):
    """htmx: the list fragment in place; otherwise back to the page."""
    if is_htmx_fragment(request):
        context = _list_context(request.account, edit_forms) | {"announce": message}
        response = render(request, "goodloop/targets/_list.html", context, status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response
    if message:
        messages.success(request, message)
    return redirect("targets")


@require_POST
def move(request, pk: int):
    direction = request.POST.get("direction", "")
    with not_found_is_404():
        target = targets_order.get(request.account, pk)
    try:
        targets_order.move(request.account, pk, direction)
    except ServiceError as exc:
        return _list_response(request, exc.message, status=400)
    return _list_response(request, f"Moved {target.organization.name} {direction}.")


@require_POST
def reorder(request):
    order = request.POST.getlist("order")
    ids = [parse_id(x) for x in order]
    if None in ids:
        return _list_response(request, "The new order must list target ids.", status=400)
    with not_found_is_404():
        try:
            targets_order.reorder(request.account, ids)
        except NotFound:
            raise
        except ServiceError as exc:
            return _list_response(request, exc.message, status=400)
    return _list_response(request, "Target order saved.")


@require_POST
def edit(request, pk: int):
    account = request.account
    with not_found_is_404():
        target = targets_order.get(account, pk)
    form = TargetEditForm(request.POST, prefix=f"t{pk}")
    if form.is_valid():
        try:
            targets_order.update(account, pk, status=form.cleaned_data["status"], why=form.cleaned_data["why"])
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            message = f"Saved {target.organization.name}."
            if request.POST.get("next") == "detail":
                messages.success(request, message)
                return redirect("target", pk=pk)
            return _list_response(request, message)
    if is_htmx_fragment(request):  # errors next to the field, swapped in place (htmx swaps 200s)
        return _list_response(request, "Please correct the errors below.", edit_forms={pk: form})
    context = {"title": "Targets", "form": TargetForm(), **_list_context(account, {pk: form})}
    return render(request, "goodloop/targets/list.html", context, status=400)


def detail(request, pk: int):
    """One target: everything about it, with the full ranked warm paths."""
    account = request.account
    with not_found_is_404():
        target = pages_search.target_for_page(account, pk)
    row = _rows(account, [target])[0]
    ranked = paths.who(account, target.organization.name, clock.today(account), limit=10)
    return render(request, "goodloop/targets/detail.html",
                  {"title": target.organization.name, "row": row, "t": target, "paths": ranked})


def target_paths(request, pk: int):
    """The people I know who know someone at a target (htmx, loaded when it scrolls into view)."""
    account = request.account
    with not_found_is_404():
        target = pages_search.target_for_page(account, pk)
    ranked = [p for p in paths.who(account, target.organization.name, clock.today(account), limit=None) if p["hops"] == 2]
    context = {"paths": ranked[:PATHS_SHOWN_PER_TARGET], "more": max(0, len(ranked) - PATHS_SHOWN_PER_TARGET),
               "org": target.organization, "t": target, "two_hop": True}
    if not is_htmx_fragment(request):
        return redirect("target", pk=pk)
    return render(request, "goodloop/organizations/detail_paths.html", context)

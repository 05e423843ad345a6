"""Possible duplicates: suggested pairs side by side, a one-click merge (either way round),
"not the same person", and an undo after a merge; and the merge of any two people (from the
Person page): both side by side first, then merge, then undo."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from goodloop.core.input_bounds import parse_id
from goodloop.errors import ServiceError
from goodloop.network import people as people_service
from goodloop.network.models import MergeRecord, Person
from goodloop.transfer import import_jobs, merge
from goodloop.web.forms_transfer import PairForm

from .common import not_found_is_404, paginate

PAIRS_PER_PAGE = 20


def view(request):
    account = request.account
    page = paginate(request, import_jobs.suggestions(account), per_page=PAIRS_PER_PAGE)
    people = import_jobs.side_by_side(account, {i for s in page.object_list for i in (s["a"], s["b"])})
    pairs = [s | {"left": people[s["a"]], "right": people[s["b"]]} for s in page.object_list
             if s["a"] in people and s["b"] in people]
    last = None
    merged = parse_id(request.GET.get("merged"))
    if merged is not None:
        last = MergeRecord.objects.filter(account=account, id=merged, undone=False).select_related("kept").first()
    return render(request, "goodloop/duplicates/list.html",
                  {"title": "Possible duplicates", "page": page, "pairs": pairs, "last_merge": last})


def _pair(request) -> tuple[Person, Person]:
    form = PairForm(request.POST)
    if not form.is_valid():
        raise Http404("unknown people")
    ids = form.cleaned_data
    keep = get_object_or_404(Person, account=request.account, id=ids["keep"])
    gone = get_object_or_404(Person, account=request.account, id=ids["gone"])
    return keep, gone


@require_POST
def merge_pair(request):
    keep, gone = _pair(request)
    try:
        record = merge.merge(request.account, keep, gone)
    except ServiceError as exc:
        messages.error(request, f"Not merged: {exc.message}.")
        return redirect("duplicates")
    return redirect(reverse("duplicates") + f"?merged={record.id}#last-merge")


def preview(request):
    """Two people side by side before a merge: `keep` (an id) and `gone` (an id, email, URL or an
    unambiguous name, as the Person page's "Merge a duplicate" form sends it)."""
    account = request.account
    keep = get_object_or_404(Person, account=account, id=parse_id(request.GET.get("keep")) or 0)
    named = request.GET.get("gone", "").strip()
    error, gone = "", None
    try:
        gone = people_service.resolve(account, named) if named else None
    except ServiceError as exc:
        error = exc.message
    if gone is None and not error:
        error = "Name the duplicate: a name, an email or an id."
    elif gone is not None and gone.id == keep.id:
        error, gone = f"{named} is {keep.display_name}: name someone else.", None
    elif gone is not None and gone.is_me:
        error, gone = "You cannot be merged into someone else.", None
    sides = import_jobs.side_by_side(account, [keep.id] + ([gone.id] if gone else []))
    return render(request, "goodloop/duplicates/preview.html",
                  {"title": "Merge two people", "keep": sides[keep.id], "gone": sides.get(gone.id) if gone else None,
                   "named": named, "error": error}, status=200 if gone else 422)


@require_POST
def dismiss(request):
    a, b = _pair(request)
    try:
        import_jobs.dismiss(request.account, a.id, b.id)
    except ServiceError as exc:
        messages.error(request, f"Not changed: {exc.message}.")
    else:
        messages.success(request, f"{a.display_name} and {b.display_name} are marked as different people.")
    return redirect("duplicates")


@require_POST
def undo(request, pk: int):
    try:
        with not_found_is_404():
            back = merge.undo(request.account, pk)
    except ServiceError as exc:
        messages.error(request, f"Not undone: {exc.message}.")
    else:
        messages.success(request, f"Merge undone: {back.display_name} is back as a separate person.")
    target = request.POST.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = reverse("duplicates")
    return HttpResponseRedirect(target)  # a path, never a view name (redirect("²") was a 500)

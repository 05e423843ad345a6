"""Introductions: ask for one (I am introduced) or record one I make (as a giver); each with
the three double opt-in drafts and status buttons from requested to met."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from goodloop.errors import NotFound, ServiceError
from goodloop.network import people as people_service
from goodloop.search import introductions as intro_service
from goodloop.web.forms_helploop import person_ref
from goodloop.web.forms_people import unknown_person
from goodloop.web.forms_search import IntroGiveForm, IntroRequestForm, StatusForm
from goodloop.web.pages import search as pages_search

from .common import initial_from_query, is_htmx_fragment, not_found_is_404, paginate, query_without

PER_PAGE = 20
STATUS_LABELS = {"requested": "Requested", "opt_in_asked": "Opt-in asked", "made": "Made", "met": "Met",
                 "declined": "Declined"}


def _labelled(rows):
    for row in rows:
        row["status_label"] = STATUS_LABELS[row["intro"].status]
        row["next_label"] = STATUS_LABELS.get(row["next"] or "", "")
        for step in row["steps"]:
            step["label"] = STATUS_LABELS[step["status"]]
    return rows


def _person(account, form, field):
    ref = person_ref(form.cleaned_data[field])
    try:
        return people_service.resolve(account, ref)
    except ServiceError as exc:
        form.add_error(field, unknown_person(ref, exc))
        return None


def _record(request, form, kind):
    account = request.account
    me = people_service.resolve(account, "me")
    if kind == "request":
        introducer, introducee = _person(account, form, "introducer"), me
    else:
        introducer, introducee = me, _person(account, form, "introducee")
    introduced = _person(account, form, "introduced")
    if form.errors:
        return None
    try:
        return intro_service.record(account, introducer, introducee, introduced,
                                    purpose=form.cleaned_data["purpose"], when=form.cleaned_data["when"])
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return None


def view(request):
    account = request.account
    kind = request.POST.get("kind") if request.method == "POST" else None
    # Back from adding someone the form named: the form opens again with what was typed.
    back = request.GET.get("kind") if request.method == "GET" else None
    ask_form = IntroRequestForm(request.POST if kind == "request" else None, prefix="ask",
                                initial=initial_from_query(request, IntroRequestForm, "ask"))
    give_form = IntroGiveForm(request.POST if kind == "give" else None, prefix="give",
                              initial=initial_from_query(request, IntroGiveForm, "give"))
    if kind in ("request", "give"):
        form = ask_form if kind == "request" else give_form
        if form.is_valid():
            intro = _record(request, form, kind)
            if intro is not None:
                messages.success(request, f"Introduction to {intro.introduced.display_name} recorded — the "
                                          f"drafts are ready below.")
                return redirect(reverse("introductions") + f"#intro-{intro.id}")
    page = paginate(request, pages_search.introductions(account), per_page=PER_PAGE)
    errors = ask_form.errors or give_form.errors
    return render(request, "goodloop/introductions/list.html", {
        "title": "Introductions", "page": page, "rows": _labelled(pages_search.introduction_rows(account, page.object_list)),
        "counts": [(s, STATUS_LABELS[s], n) for s, n in pages_search.intro_counts(account).items()],
        "ask_form": ask_form, "give_form": give_form,
        "open_form": kind or (back if back in ("request", "give") else ""),
        "page_query": query_without(request, "page"),
    }, status=400 if errors else 200)


@require_POST
def status(request, pk: int):
    account = request.account
    with not_found_is_404():
        intro = pages_search.introduction_for_page(account, pk)
    form = StatusForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            intro_service.move(account, pk, form.cleaned_data["status"], form.cleaned_data["when"])
        except NotFound:
            raise
        except ServiceError as exc:
            error = exc.message
    else:
        error = "; ".join(e for errs in form.errors.values() for e in errs)
    intro = pages_search.introduction_for_page(account, pk)
    if not is_htmx_fragment(request):
        if error:
            messages.error(request, error)
        else:
            messages.success(request, f"Introduction to {intro.introduced.display_name}: "
                                      f"{STATUS_LABELS[intro.status].lower()}.")
        return redirect(reverse("introductions") + f"#intro-{pk}")
    row = _labelled(pages_search.introduction_rows(account, [intro]))[0]
    response = render(request, "goodloop/introductions/_item.html",
                      {"row": row, "error": error, "just_moved": not error})
    patch_vary_headers(response, ["HX-Request"])
    return response

"""Edits from the Person page, through the services: the edit form (name, organization, contact
details, tags, notes), tier and cadence, trust by hand, needs, and undoing a merge. A refused
edit shows the page again with the error next to its field."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import person_edit
from goodloop.network import people as people_service
from goodloop.transfer import merge
from goodloop.web.forms_helploop import NeedForm, RhythmForm, TrustForm
from goodloop.web.forms_person import PersonEditForm
from goodloop.web.pages import helploop as helploop_pages
from goodloop.web.pages import network as pages

from .common import not_found_is_404
from .person import render_page


def _person(request, pk):
    with not_found_is_404():
        return pages.person_for_page(request.account, pk)


def _save(request, person, key: str, form, changes_of, done: str):
    if form.is_valid():
        try:
            person_edit.update(request.account, person, **changes_of(form.cleaned_data))
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, done)
            return redirect("person", pk=person.id)
    return render_page(request, person, {key: form}, status=400)


@require_POST
def rhythm(request, pk: int):
    person = _person(request, pk)
    return _save(request, person, "rhythm", RhythmForm(request.POST),
                 lambda d: {"tier": d["tier"], "cadence_days": d["cadence_days"]},
                 "Keep-in-touch rhythm saved.")


@require_POST
def trust_stage(request, pk: int):
    person = _person(request, pk)
    return _save(request, person, "trust", TrustForm(request.POST), lambda d: {"trust_stage": d["trust_stage"]},
                 "Trust stage set by hand.")


@require_POST
def needs(request, pk: int):
    person = _person(request, pk)
    current = list(person.needs or [])
    remove = request.POST.get("remove", "")
    if remove:
        index = int(remove) if remove.isascii() and remove.isdigit() and len(remove) < 6 else None  # not "²"
        if index is not None and index < len(current):
            gone = current.pop(index)
            person_edit.update(request.account, person, needs=current)
            messages.success(request, f"Removed the need “{gone}”.")
        return redirect("person", pk=person.id)
    return _save(request, person, "need", NeedForm(request.POST), lambda d: {"needs": [*current, d["need"]]},
                 "Need recorded: the agenda may suggest a way to give.")


@require_POST
def undo_merge(request, pk: int):
    with not_found_is_404():
        kept_id = helploop_pages.merge_kept_id(request.account, pk)
        try:
            gone = merge.undo(request.account, pk)
        except NotFound:
            raise
        except ServiceError as exc:
            messages.error(request, exc.message)
            return redirect("person", pk=kept_id)
    messages.success(request, f"Merge undone: {gone.display_name} is a separate person again.")
    return redirect("person", pk=kept_id)


def edit(request, pk: int):
    """The Person edit form: name, organization and title, contact details, tier, cadence,
    tags and notes, saved in one step (a refused value is shown next to its field)."""
    person = _person(request, pk)
    info = people_service.summary(person)
    if request.method != "POST":
        form = PersonEditForm(initial=PersonEditForm.initial_for(person, info))
        return render(request, "goodloop/person/edit.html", {"title": f"Edit {person.display_name}",
                                                             "person": person, "form": form})
    form = PersonEditForm(request.POST)
    if form.is_valid():
        try:
            person_edit.update(request.account, person, **form.changes())
        except ServiceError as exc:
            field = {"email": "emails", "url": "urls", "phone": "phones", "display_name": "name"}.get(
                exc.field, exc.field)
            form.add_error(field if field in form.fields else None, exc.message)
        else:
            messages.success(request, "Saved.")
            return redirect("person", pk=person.id)
    return render(request, "goodloop/person/edit.html", {"title": f"Edit {person.display_name}",
                                                         "person": person, "form": form}, status=400)

"""Add a person from the web, through network.people.add_person. Opened from the People page or
from a form that named someone unknown: then it comes back to that form with them filled in."""

from urllib.parse import parse_qsl, urlsplit, urlunsplit

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import urlencode

from goodloop.errors import ServiceError
from goodloop.network import people as people_service
from goodloop.web.forms_people import PersonAddForm, add_service_error
from goodloop.web.pages import network as pages

from .common import local_path


def back_with(next_url: str, field: str, person) -> str:
    """`next_url` with its `field` parameter naming the new person as the people picker does
    ("#12 Daniel Park"), so the form it returns to finds exactly them."""
    if not field or not field.replace("-", "").replace("_", "").isalnum():
        return next_url
    parts = urlsplit(next_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != field]
    query.append((field, f"#{person.id} {person.display_name}"))
    return urlunsplit(("", "", parts.path, urlencode(query), ""))


def view(request):
    account = request.account
    source = request.POST if request.method == "POST" else request.GET
    next_url, field = local_path(source.get("next")), source.get("field", "")[:100]
    initial = {k: request.GET[k][:300] for k in ("name", "email", "organization", "title") if request.GET.get(k)}
    form = PersonAddForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = people_service.add_person(account, data["name"], org=data["organization"], title=data["title"],
                                               email=data["email"], url=data["linkedin"], phone=data["phone"],
                                               tier=data["tier"])
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            if next_url:
                messages.success(request, f"Added {person.display_name}. Back to where you were.")
                return redirect(back_with(next_url, field, person))
            messages.success(request, f"Added {person.display_name}.")
            return redirect("person", pk=person.id)
    return render(request, "goodloop/people/add.html", {
        "title": "Add a person", "form": form, "next": next_url, "field": field,
        "org_names": pages.organization_names(account),
    }, status=400 if form.errors else 200)

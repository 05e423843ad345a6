"""Delete a person from their page: a confirmation step that says what goes with them, then an
undo on the People page for a few minutes (network.undelete keeps the snapshot)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.network import undelete
from goodloop.web.pages import network as pages

from .common import not_found_is_404


def confirm(request, pk: int):
    account = request.account
    with not_found_is_404():
        person = pages.person_for_page(account, pk)
        going = undelete.what_goes(account, pk)
    error = ""
    if request.method == "POST":
        try:
            record = undelete.delete_with_undo(account, pk)
        except NotFound:
            raise
        except ServiceError as exc:
            error = exc.message
        else:
            return redirect(reverse("people") + f"?deleted={record.id}")
    return render(request, "goodloop/people/delete.html", {
        "title": f"Delete {person.display_name}?", "person": person, "going": going, "error": error,
        "minutes": rules.DELETE_UNDO_MINUTES}, status=400 if error else 200)


@require_POST
def undo(request, pk: int):
    with not_found_is_404():
        try:
            person = undelete.undo(request.account, pk)
        except NotFound:
            raise
        except ServiceError as exc:
            messages.error(request, f"Not undone: {exc.message}.")
            return redirect("people")
    messages.success(request, f"{person.display_name} is back, with everything they had.")
    return redirect("person", pk=person.id)

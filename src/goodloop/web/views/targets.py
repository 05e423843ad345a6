"""Targets: my target organizations in priority order, who I know at each, and a form to add one."""

from django.contrib import messages
from django.shortcuts import redirect, render

from goodloop.services import pages
from goodloop.services import targets as target_service
from goodloop.services.errors import ServiceError
from goodloop.web.forms import TargetForm

PEOPLE_SHOWN_PER_TARGET = 8


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
            messages.success(request, f"{target.organization.name} is on your target list at priority "
                                      f"{target.priority}.")
            return redirect("targets")
    targets = list(target_service.list_targets(account))
    known = pages.people_at_targets(account, targets, per_org=PEOPLE_SHOWN_PER_TARGET)
    rows = [{"target": t, "people": known.get(t.organization_id, []),
             "more": max(0, t.people_count - PEOPLE_SHOWN_PER_TARGET)} for t in targets]
    status = 400 if form.errors else 200
    return render(request, "goodloop/targets/list.html", {"title": "Targets", "rows": rows, "form": form},
                  status=status)

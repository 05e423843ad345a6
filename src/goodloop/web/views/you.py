"""You: your name, email, phone, web address and time zone, used by every draft and the brief.
Today's first-run prompt posts your name alone here."""

from django.contrib import messages
from django.shortcuts import redirect, render

from goodloop.errors import ServiceError
from goodloop.helploop import person_edit
from goodloop.network import people as people_service
from goodloop.network.models import Person
from goodloop.web.forms_person import YouForm

FIELD_OF = {"emails": "email", "phones": "phone", "urls": "url", "display_name": "name"}


def _initial(account, me: Person) -> dict:
    info = people_service.summary(me)
    return {"name": "" if person_edit.is_unnamed(me) else me.display_name,
            "email": (info["emails"] or [""])[0], "phone": (info["phones"] or [""])[0],
            "url": (info["urls"] or [""])[0], "time_zone": account.time_zone}


def view(request):
    account = request.account
    me = people_service.with_summary_data(Person.objects.filter(account=account, id=account.me_id)).get()
    quick = request.method == "POST" and request.POST.get("next") == "today"  # the prompt: a name only
    if request.method != "POST":
        form = YouForm(initial=_initial(account, me))
    else:
        data = request.POST if not quick else {**_initial(account, me), "name": request.POST.get("name", "")}
        form = YouForm(data)
        if form.is_valid():
            d = form.cleaned_data
            try:
                person_edit.update_me(account, name=d["name"], email=d["email"], phone=d["phone"], url=d["url"],
                                      time_zone=d["time_zone"].strip())
            except ServiceError as exc:
                field = FIELD_OF.get(exc.field, exc.field)
                form.add_error(field if field in form.fields else None, exc.message)
            else:
                messages.success(request, f"Saved: drafts now say {d['name'].strip()}.")
                return redirect("today" if quick else "you")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "goodloop/you/page.html",
                  {"title": "You", "form": form, "unnamed": person_edit.is_unnamed(me)}, status=status)

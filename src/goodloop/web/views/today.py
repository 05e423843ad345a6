"""Today: the ranked agenda — each item with its reason, a ready-to-send draft and one-click done."""

from datetime import date

from django.shortcuts import render

from goodloop import clock
from goodloop.network.models import Person
from goodloop.overview import agenda, getting_started
from goodloop.web.forms_helploop import DateForm
from goodloop.web.forms_people import LogForm

AGENDA_LIMIT = 50
KIND_LABELS = {"thank": "Thank", "report": "Report back", "follow_up": "Follow up", "promise": "Promise",
               "give": "Give", "check_in": "Check in", "lead_step": "Lead next step", "reconnect": "Reconnect",
               "first_step": "First step"}


def agenda_day(request) -> tuple[DateForm, date]:
    """The day the agenda shows: ?date=YYYY-MM-DD ("pretend today is"), else today."""
    form = DateForm(request.GET or None)
    when = clock.today(request.account)
    if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
        when = form.cleaned_data["date"]
    return form, when


def agenda_rows(account, when: date) -> dict:
    """The agenda's rows and counts for `when` (also sent alone, to update the count after Done)."""
    items = [{"item": item, "label": KIND_LABELS.get(item.kind, item.kind), "ref": item.ref or {}, "uid": f"-{i}"}
             for i, item in enumerate(agenda.today(account, when, limit=AGENDA_LIMIT), start=1)]
    return {"items": items, "overdue": sum(1 for i in items if i["item"].overdue_days > 0)}


def view(request):
    account = request.account
    form, when = agenda_day(request)
    rows = agenda_rows(account, when)
    has_people = bool(rows["items"]) or Person.objects.filter(account=account, is_me=False).exists()
    context = {
        "title": "Today", **rows, "form": form, "when": when, "is_today": when == clock.today(request.account),
        "has_people": has_people, "log_form": LogForm(initial={"date": when}), "today_url": request.get_full_path(),
        "date_param": request.GET.get("date", "") if not form.errors else "",
        "getting_started": getting_started.pending(account),
        "export_sources": getting_started.EXPORT_SOURCES,
    }
    return render(request, "goodloop/today.html", context, status=400 if form.errors else 200)

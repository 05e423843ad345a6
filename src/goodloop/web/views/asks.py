"""Asks: the asks I made, by status; a form to write one with the coach scoring it live (htmx),
the over-asking guard and the trust gate; status changes in one click."""


from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.core import rules
from goodloop.core.input_bounds import parse_id
from goodloop.core.rules import score_band
from goodloop.errors import ServiceError
from goodloop.helploop import asks as ask_service
from goodloop.network import people as people_service
from goodloop.web.forms_helploop import AskForm, AskStatusForm, CoachForm, person_ref
from goodloop.web.pages import helploop as pages

from .common import initial_from_query, is_htmx_fragment, not_found_is_404, paginate, query_without

# What a status button says, per status the ask can move to.
STATUS_ACTIONS = {"answered": "Answered", "declined": "Declined", "done": "Done", "no_reply": "No reply",
                  "withdrawn": "Withdrawn"}


def view(request):
    account = request.account
    form = live(AskForm(request.POST or None, account=account, initial=initial_from_query(request, AskForm)))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = ask_service.make(account, data["person"], data["text"], kind=data["kind"] or None,
                                      org_names=data["organizations"], status=data["status"],
                                      when=data["date"] or None)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            ask = result.ask
            messages.success(request, f"Saved your ask to {ask.person.display_name} "
                                      f"(score {ask.score}, {ask.get_status_display().lower()}).")
            return redirect("asks")
    status = request.GET.get("status", "")
    if status not in pages.ASK_STATUS_FILTERS:
        status = ""
    ask_id = parse_id(request.GET.get("ask"))
    rows = pages.asks(account, status, ask_id)
    page = paginate(request, rows)
    coach_result = None
    if form.is_bound and (form.data.get("text") or "").strip():
        coach_result = _coach(account, form.data.get("text", ""), form.data.get("person", ""),
                              form.data.get("kind", ""))
    return render(request, "goodloop/asks/list.html", {
        "title": "Asks", "form": form, "page": page, "status": status, "statuses": rules.choices(pages.ASK_STATUS_FILTERS),
        "status_label": dict(rules.choices(pages.ASK_STATUS_FILTERS)).get(status, ""),
        "page_query": query_without(request, "page"), "actions": STATUS_ACTIONS, "coach": coach_result,
        "one_ask": ask_id is not None,
    }, status=400 if form.errors else 200)


def live(form):
    """Wire the form to the live coach and the people picker (htmx)."""
    coach_url = reverse("ask_coach")
    form.fields["text"].widget.attrs.update({
        "hx-post": coach_url, "hx-trigger": "input changed delay:400ms, change from:#id_person, "
                                            "change from:#id_kind", "hx-target": "#coach",
        "hx-include": "closest form", "hx-sync": "this:replace", "aria-controls": "coach"})
    return wire_picker(form)


def wire_picker(form):
    """The person field suggests people as you type (htmx fills a datalist)."""
    form.fields["person"].widget.attrs.update({
        "hx-get": reverse("people_options"), "hx-trigger": "input changed delay:250ms",
        "hx-target": "#people-options", "hx-swap": "innerHTML", "hx-sync": "this:replace"})
    return form


def _coach(account, text: str, person_text: str, kind: str) -> dict:
    """The coach's verdict on a half-written ask; the person only counts once they resolve."""
    person = None
    if person_text.strip():
        try:
            person = people_service.resolve(account, person_ref(person_text))
        except ServiceError:
            person = None
        if person is not None and person.is_me:
            person = None
    try:
        data = ask_service.coach(account, text, person, kind or None, clock.today(account)).as_dict()
    except ServiceError as exc:
        return {"error": exc.message}
    codes = {f["code"] for f in data["findings"]}
    data["trust_gate"] = [f for f in data["findings"] if f["code"] == "trust_gate"]
    data["findings"] = [f for f in data["findings"] if f["code"] not in ("trust_gate", "over_asking")]
    data["over_asking"] = "over_asking" in codes or bool(data.get("guard"))
    data["person"] = person
    data["band"] = score_band(data["score"])
    return data


@require_POST
def coach(request):
    """The live coach partial (htmx): score, findings with principles, warnings, the rewrite."""
    form = CoachForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    text = data.get("text", "")
    result = _coach(request.account, text, data.get("person", ""), data.get("kind", "")) if text.strip() else None
    return render(request, "goodloop/asks/_coach.html", {"coach": result})


def people_options(request):
    """<option>s for the person picker's datalist (htmx autocomplete). The input sends its own value
    under its own name, which `field` names (no `hx-vals` script: the CSP allows no eval)."""
    get = request.GET
    q = get.get("person") or get.get("q") or (get.get(get["field"], "") if get.get("field") else "")
    q = q.strip()
    options = pages.people_options(request.account, q) if len(q) >= 1 else []
    response = render(request, "goodloop/asks/_people_options.html", {"options": options})
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
def status(request, pk: int):
    """Move an ask to answered, declined, done or no_reply; htmx gets the updated row back."""
    account = request.account
    form = AskStatusForm(request.POST)
    with not_found_is_404():
        ask = pages.ask_row(account, pk)
        if not form.is_valid():
            error = "; ".join(form.errors.get("status", ["choose a status"]))
        else:
            try:
                ask_service.set_status(account, pk, form.cleaned_data["status"])
                error = ""
            except ServiceError as exc:
                error = exc.message
            ask = pages.ask_row(account, pk)
    if is_htmx_fragment(request):
        # A refusal is shown in the row itself (htmx does not swap error responses).
        return render(request, "goodloop/asks/_row.html", {"ask": ask, "actions": STATUS_ACTIONS, "error": error})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"Your ask to {ask.person.display_name} is now {ask.get_status_display().lower()}.")
    return redirect("asks")

"""Giving: requests people make of me (open first) with the coach's reading and a triage panel
per request (accept, something smaller, redirect, decline kindly — each with its draft);
record one by pasting a message or with a plain form; the weekly giving budget and this
week's commitments; open promises with one-click done (the favor given moves the ledger)."""


from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.core import giver as rules
from goodloop.core.input_bounds import parse_id
from goodloop.errors import ServiceError
from goodloop.giving import capacity, closure
from goodloop.giving import requests as request_service
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Favor
from goodloop.web.forms_giving import BudgetForm, PasteForm, PreviewForm, RequestForm, TriageForm
from goodloop.web.pages import giving as pages

from .asks import wire_picker
from .common import is_htmx_fragment, not_found_is_404, paginate, query_without

# Ten requests a page: each carries its reading and four answer forms, and a giver triages a
# few at a sitting (chunking), not a long list at once.
PER_PAGE = 10
PROMISES_SHOWN = 50
SUBNAV = (("giving", "Requests & promises"), ("transitions", "People in transition"),
          ("givers_report", "Givers report"))


def _field_of(exc: ServiceError, form, aliases: dict | None = None) -> str | None:
    name = (aliases or {}).get(exc.field, exc.field)
    return name if name in form.fields else None


def triage_form(account, ask, path, data=None, urls: tuple[str, str] | None = None) -> TriageForm:
    """One path's form; ids are unique on a page that shows many requests. `urls`: the request's
    preview URL and the people picker's, when the caller has them already (one reverse per card)."""
    form = TriageForm(data, account=account, auto_id=f"t{ask.id}-{path.action}-%s",
                      initial={"action": path.action, "due": path.due})
    if data is None:
        url, options = urls or (reverse("giving_preview", args=[ask.id]), reverse("people_options"))
        form.fields["to"].widget.attrs.update({
            "hx-get": f"{options}?field=to", "hx-trigger": "input changed delay:250ms",
            "hx-target": "#people-options", "hx-swap": "innerHTML", "hx-sync": "this:replace"})
        form.preview_url = url
    return form


def attach_forms(account, card, bound: TriageForm | None = None):
    card.errors = [e for errs in bound.errors.values() for e in errs] if bound is not None and card.triaged else []
    urls = (reverse("giving_preview", args=[card.ask.id]), reverse("people_options")) if card.paths else None
    for path in card.paths:
        if bound is not None and bound.data.get("action") == path.action:
            path.form, path.open = bound, True
        else:
            path.form = triage_form(account, card.ask, path, urls=urls)
            path.open = path.suggested and not card.reading["vague"]
    return card


def budget_form(account, data=None, b=None) -> BudgetForm:
    b = b or capacity.budget(account)
    return BudgetForm(data, initial={"unit": b.unit, "amount": b.amount, "days": rules.day_names(b.days)},
                      auto_id="budget-%s")


def page_context(request, *, forms: dict | None = None, bound: dict | None = None) -> dict:
    account = request.account
    today = clock.today(account)
    forms = forms or {}
    focus = str(parse_id(request.GET.get("request")) or "")
    show = request.GET.get("show", "open")
    show = show if show in ("open", "all") else "open"
    if focus.isdigit():
        rows = pages.requests(account, request_id=int(focus))
    else:
        rows = pages.requests(account, open_only=show == "open")
    page = paginate(request, rows, per_page=PER_PAGE)
    budget = capacity.budget(account)  # fetched once for the cards, the budget form and the week
    cards = pages.cards(account, page.object_list, today, budget)
    for card in cards:
        attach_forms(account, card, (bound or {}).get(card.ask.id))
    recorded = None
    if parse_id(request.GET.get("recorded")) is not None:
        found = list(pages.requests(account, request_id=parse_id(request.GET["recorded"])))
        recorded = attach_forms(account, pages.cards(account, found, today, budget)[0]) if found else None
    promises = pages.open_promises(account)
    return {
        "title": "Giving", "current_section": "giving", "subnav": SUBNAV, "today": today,
        "paste_form": forms.get("paste") or wire_picker_field(PasteForm(account=account, auto_id="paste-%s"), "sender"),
        "request_form": forms.get("request") or wire_picker(RequestForm(account=account, auto_id="req-%s")),
        "budget_form": forms.get("budget") or budget_form(account, b=budget),
        "open_request_form": "request" in forms, "open_budget_form": "budget" in forms,
        "page": page, "cards": cards, "show": show, "focus": focus if focus.isdigit() else "",
        "page_query": query_without(request, "page"), "recorded": recorded,
        "week": pages.week(account, today, budget), "promises": promises[:PROMISES_SHOWN],
        "promise_count": promises.count(),
    }


def wire_picker_field(form, name: str):
    form.fields[name].widget.attrs.update({
        "hx-get": f"{reverse('people_options')}?field={name}", "hx-trigger": "input changed delay:250ms",
        "hx-target": "#people-options", "hx-swap": "innerHTML", "hx-sync": "this:replace"})
    return form


def render_page(request, status: int = 200, **kwargs):
    return render(request, "goodloop/giving/page.html", page_context(request, **kwargs), status=status)


def view(request):
    return render_page(request)


@require_POST
def paste(request):
    """Record a request from a pasted message: the sender and the request are read from it."""
    account = request.account
    form = wire_picker_field(PasteForm(request.POST, account=account, auto_id="paste-%s"), "sender")
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = request_service.record_pasted(account, data["message"], person=data["sender"])
        except ServiceError as exc:
            form.add_error(_field_of(exc, form, {"person": "sender", "text": "message"}), exc.message)
        else:
            return _recorded(request, result)
    return render_page(request, status=400, forms={"paste": form})


@require_POST
def new(request):
    """Record a request typed in: who asked, what, when."""
    account = request.account
    form = wire_picker(RequestForm(request.POST, account=account, auto_id="req-%s"))
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = request_service.record(account, data["person"], data["text"], when=data["date"] or None,
                                            kind=data["kind"] or None)
        except ServiceError as exc:
            form.add_error(_field_of(exc, form), exc.message)
        else:
            return _recorded(request, result)
    return render_page(request, status=400, forms={"request": form})


def _recorded(request, result):
    ask = result.ask
    reading = "too vague to act on yet — ask the questions below" if result.reading["vague"] else \
        f"score {ask.score}"
    messages.success(request, f"Recorded {ask.person.display_name}'s request ({reading}).")
    return redirect(reverse("giving") + "?" + urlencode({"recorded": ask.id}) + "#recorded")


@require_POST
def budget(request):
    account = request.account
    form = budget_form(account, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        amount = {"favors": data["amount"]} if data["unit"] == "favors" else {"minutes": data["amount"]}
        try:
            b = capacity.set_budget(account, days=",".join(data["days"]), **amount)
        except ServiceError as exc:
            form.add_error(_field_of(exc, form, {"amount": "amount"}), exc.message)
        else:
            days = ", ".join(rules._DAY_NAMES[d] for d in b.days) or "every day"
            messages.success(request, f"Your giving budget is {b.amount} {b.unit} a week; giving days: {days}.")
            return redirect(reverse("giving") + "#capacity")
    return render_page(request, status=400, forms={"budget": form})


@require_POST
def triage(request, pk: int):
    """Answer a request one of four ways; htmx gets the request's card back (with the final
    draft, the promise and any over-budget warning) and the promises and budget refreshed."""
    account = request.account
    today = clock.today(account)
    with not_found_is_404():
        pages.request_row(account, pk)
    form = TriageForm(request.POST, account=account, auto_id=f"t{pk}-{request.POST.get('action', 'x')}-%s")
    result = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = request_service.triage(account, pk, data["action"], due=data["due"], to=data["to"],
                                            note=data["note"], minutes=data["minutes"])
        except ServiceError as exc:
            form.add_error(_field_of(exc, form), exc.message)
    if not is_htmx_fragment(request):
        if result is None:
            request.GET = request.GET.copy()
            request.GET["request"] = str(pk)
            return render_page(request, status=400, bound={pk: form})
        if result.warning:
            messages.warning(request, result.warning)
        messages.success(request, _triaged_message(result))
        return redirect(reverse("giving") + "?" + urlencode({"request": pk}) + f"#request-{pk}")
    card = pages.cards(account, [pages.request_row(account, pk)], today)[0]
    attach_forms(account, card, form if result is None else None)
    context = {"card": card, "result": result, "today": today}
    if result is not None:
        promises = pages.open_promises(account)
        context.update(oob=True, week=pages.week(account, today), promises=promises[:PROMISES_SHOWN],
                       promise_count=promises.count())
    return render(request, "goodloop/giving/_triaged.html", context)


def _triaged_message(result) -> str:
    ask = result.ask
    text = f"{pages.TRIAGE_LABELS[ask.triage]}: {ask.person.display_name}'s request."
    if result.loops_opened:
        text += f" Promise due {result.loops_opened[0].due:%a %b} {result.loops_opened[0].due.day}."
    return text + " Copy the draft reply below."


@require_POST
def preview(request, pk: int):
    """The draft (and capacity warning) one triage path would give, for the values typed so far."""
    account = request.account
    with not_found_is_404():
        ask = pages.request_row(account, pk)
    form = PreviewForm(request.POST, account=account)
    form.is_valid()
    data = form.cleaned_data
    action = data.get("action") or "accept"
    path = pages.preview(account, ask, action, clock.today(account), due=data.get("due"), to=data.get("to"),
                         note=data.get("note") or "", minutes=data.get("minutes"))
    return render(request, "goodloop/giving/_preview.html", {"ask": ask, "path": path})


@require_POST
def promise_done(request, pk: int):
    """Keep a promise: the loop closes, the favor given is recorded, and the ledger moves."""
    account = request.account
    today = clock.today(account)
    with not_found_is_404():
        loop = pages.promise_loop(account, pk)
    before = closure.given_to(account, loop.person)
    error = ""
    try:
        loop = loop_service.close(account, pk, note=request.POST.get("note", "")[:2000])
    except ServiceError as exc:
        error = exc.message
    loop = pages.promise_loop(account, pk)
    after = closure.given_to(account, loop.person)
    favor = (Favor.objects.filter(account=account, ask_id=loop.ask_id, direction="given").first()
             if loop.ask_id and not error else None)
    if not is_htmx_fragment(request):
        if error:
            messages.error(request, error)
        else:
            messages.success(request, f"Kept your promise to {loop.person.display_name}. Given to them: "
                                      f"{before['favors']} → {after['favors']} favors.")
        return redirect(reverse("giving") + "#promises")
    return render(request, "goodloop/giving/_kept.html", {
        "loop": loop, "error": error, "before": before, "after": after, "favor": favor, "today": today,
        "oob": not error, "week": pages.week(account, today)})

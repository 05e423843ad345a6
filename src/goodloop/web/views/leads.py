"""Leads: a pipeline board with a column per stage. Moving a card (drag and drop, or the
accessible "move to" control) calls leads.move and shows the report loops it opened."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html_join
from django.views.decorators.http import require_POST

from goodloop.core import rules
from goodloop.core.words import counted
from goodloop.errors import NotFound, ServiceError
from goodloop.helploop import landed
from goodloop.network import organizations
from goodloop.network import people as people_service
from goodloop.search import leads as lead_service
from goodloop.web.forms_helploop import person_ref
from goodloop.web.forms_people import unknown_person
from goodloop.web.forms_search import LeadForm, MoveLeadForm
from goodloop.web.pages import search as pages_search

from .common import initial_from_query, is_htmx_fragment, not_found_is_404

_SENTINEL = 987654321


def _url_for(name: str):
    """`pk -> reverse(name, args=[pk])` with one reverse for the whole board (hundreds of cards)."""
    prefix, suffix = reverse(name, args=[_SENTINEL]).split(str(_SENTINEL))
    return lambda pk: f"{prefix}{pk}{suffix}"


def _board_context(account):
    """The columns, each card with its links, and each column's "move to" options (every card in a
    column is at that column's stage, so they are rendered once per column, not once per card)."""
    columns = pages_search.lead_board(account)
    move_url, org_url, person_url = _url_for("lead-move"), _url_for("organization"), _url_for("person")
    for col in columns:
        col["options"] = format_html_join("", '<option value="{}"{}>{}</option>',
                                          ((s, " selected" if s == col["stage"] else "", s) for s in rules.LEAD_STAGES))
        for lead in col["leads"]:
            lead.move_url, lead.org_url = move_url(lead.id), org_url(lead.organization_id)
            lead.source_url = person_url(lead.source_person_id) if lead.source_person_id else ""
            lead.helpers = [(p, person_url(p.id)) for p in lead.contributors.all()]
    return {"columns": columns, "stages": rules.LEAD_STAGES}


def view(request):
    account = request.account
    form = LeadForm(request.POST or None, initial=initial_from_query(request, LeadForm))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        via = None
        if data["via"]:
            ref = person_ref(data["via"])
            try:
                via = people_service.resolve(account, ref)
            except ServiceError as exc:
                form.add_error("via", unknown_person(ref, exc))
        if not form.errors:
            try:
                lead = lead_service.add(account, data["organization"], data["title"], via=via, url=data["url"],
                                        source=data["source"] or None, stage=data["stage"])
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                new = " (a new organization)" if organizations.created_note(lead.organization) else ""
                messages.success(request, f"Added {lead.title} at {lead.organization.name}{new}.")
                return redirect(reverse("leads") + f"#lead-{lead.id}")
    return render(request, "goodloop/leads/board.html",
                  {"title": "Leads", "form": form, **_board_context(account)},
                  status=400 if form.errors else 200)


def _landing_message(account, lead, before: str) -> str:
    """What accepting a lead closed (or moving it back restored), said in the move's message."""
    if "accepted" not in (before, lead.stage) or before == lead.stage:
        return ""
    closed = landed.latest_for(account, lead)
    if closed is None:
        return ""
    data = closed.as_dict()
    parts = [f"{x['title']} at {x['organization']}" for x in data["leads"]]
    targets = [t["organization"] for t in data["targets"]]
    if lead.stage == "accepted":
        text = " You landed! The rest of the search is closed:"
        text += f" withdrawn {'; '.join(parts)}." if parts else ""
        text += f" Targets closed: {', '.join(targets)}." if targets else ""
        text += f" {len(data['asks'])} waiting ask(s) withdrawn." if data["asks"] else ""
        return text + f" To undo, move it back to {before}."
    return f" The landing is undone: {len(parts)} lead(s), {len(targets)} target(s) and {len(data['asks'])} ask(s) restored."


@require_POST
def move(request, pk: int):
    account = request.account
    with not_found_is_404():
        lead = pages_search.lead_for_page(account, pk)
    form = MoveLeadForm(request.POST)
    opened, error, before = [], "", lead.stage
    if form.is_valid():
        try:
            lead, opened = lead_service.move(account, pk, form.cleaned_data["stage"], form.cleaned_data["when"])
        except NotFound:
            raise
        except ServiceError as exc:
            error = exc.message
    else:
        error = "; ".join(e for errs in form.errors.values() for e in errs)
    if error:
        message = f"{lead.title}: {error}"
    else:
        message = f"Moved {lead.title} at {lead.organization.name} to {lead.stage}."
        if opened:
            names = ", ".join(dict.fromkeys(loop.person.display_name for loop in opened))
            message += f" {counted(len(opened), 'report loop')} opened: tell {names} how it went."
        message += _landing_message(account, lead, before)
    if not is_htmx_fragment(request):
        (messages.error if error else messages.success)(request, message)
        return redirect(reverse("leads") + f"#lead-{pk}")
    context = _board_context(account) | {"announce": message, "announce_error": bool(error), "opened": opened,
                                         "moved_id": pk}
    response = render(request, "goodloop/leads/_board.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response

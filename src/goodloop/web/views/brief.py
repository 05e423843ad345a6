"""Brief: "help me help you" on one page — edit it, see the coach read each ask, download it."""

import base64
import hashlib

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from goodloop.errors import ServiceError
from goodloop.search import brief as brief_service
from goodloop.web.forms_search import BriefForm, _lines
from goodloop.web.pages import search as pages_search

FORMATS = {"md": ("text/markdown; charset=utf-8", "brief.md"),
           "html": ("text/html; charset=utf-8", "brief.html"),
           "pdf": ("application/pdf", "brief.pdf")}


def view(request):
    account = request.account
    if request.method == "POST":
        form = BriefForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                brief_service.update(account, headline=data["headline"],
                                     **{n: data[n] for n in BriefForm.LIST_FIELDS})
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Your brief is saved.")
                return redirect("brief")
    else:
        form = BriefForm(initial=BriefForm.initial_from(brief_service.get(account)))
    content = brief_service.content(account)
    if form.is_bound:  # show the coach on what was typed, not on what was saved
        content["how_you_can_help"] = pages_search.coach_brief_asks(
            account, _lines(request.POST.get("how_you_can_help", "")),
            _lines(request.POST.get("people_categories", "")))
    return render(request, "goodloop/brief/page.html",
                  {"title": "Brief", "form": form, "content": content, "asks": content["how_you_can_help"],
                   "pdf_warning": brief_service.pdf_warning(content)},
                  status=400 if form.errors else 200)


@require_POST
def coach(request):
    """The coach's reading of the asks as typed (htmx, as you type); saves nothing."""
    asks = pages_search.coach_brief_asks(request.account, _lines(request.POST.get("how_you_can_help", "")),
                                         _lines(request.POST.get("people_categories", "")))
    return render(request, "goodloop/brief/_coach.html", {"asks": asks})


def download(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404("the brief comes as md, html or pdf")
    body = brief_service.render(request.account, fmt)
    content_type, filename = FORMATS[fmt]
    response = HttpResponse(body, content_type=content_type)
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if fmt == "html":
        # A standalone page, styled by its own <style>: the CSP allows exactly that style by its hash
        # (django-csp reads _csp_update), and still no inline script.
        response._csp_update = {"style-src": [_style_hash(body)]}
    return response


def _style_hash(html: str) -> str:
    start, end = html.find("<style>"), html.find("</style>")
    css = html[start + len("<style>"):end] if 0 <= start < end else ""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"

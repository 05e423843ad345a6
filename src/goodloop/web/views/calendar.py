"""The loops calendar as a subscription: the secret address calendar apps poll (no login, read-only),
and the button that makes a new address (the old one stops working)."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from goodloop.transfer import calendar_feed, exporter


@require_safe
def feed(request, token: str):
    account = calendar_feed.account_for(token)
    if account is None:
        raise Http404("no such calendar")
    response = HttpResponse(exporter.export(account, "ics"), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"  # the address is the credential
    return response


@require_POST
def new_address(request):
    calendar_feed.reset(request.account)
    return redirect(reverse("import") + "#calendar")


def address(request) -> str:
    """The account's feed address on this server, or "" before one was made."""
    from goodloop.helploop.models import CalendarFeed

    token = CalendarFeed.objects.filter(account=request.account).values_list("token", flat=True).first()
    return request.build_absolute_uri(calendar_feed.path(token)) if token else ""

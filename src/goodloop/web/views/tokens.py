"""API tokens: my tokens (name, prefix, created, last used), a new one — its clear value shown
once, in the answer to the form, never stored —, and revoking one."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from goodloop.accounts import tokens as token_service
from goodloop.errors import ServiceError

from .common import not_found_is_404


class TokenForm(forms.Form):
    name = forms.CharField(max_length=token_service.MAX_NAME, required=False, label="Name",
                           help_text="What it is for, e.g. “backup script” (optional)")
    expires_in_days = forms.IntegerField(min_value=1, max_value=token_service.MAX_DAYS, required=False,
                                         label="Expires after (days)",
                                         help_text="Empty: until you revoke it")


def _render(request, form, created=None, status=200):
    return render(request, "goodloop/tokens/page.html", {
        "title": "API tokens", "form": form, "created": created,
        "tokens": token_service.list_tokens(request.account),
    }, status=status)


def view(request):
    if request.method != "POST":
        return _render(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    try:
        token, clear = token_service.create(request.account, form.cleaned_data["name"],
                                            form.cleaned_data["expires_in_days"])
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render(request, form, status=400)
    response = _render(request, TokenForm(), created={"token": token, "clear": clear})
    response["Cache-Control"] = "no-store"  # the clear token is in this page only
    return response


@require_POST
def revoke(request, pk: int):
    with not_found_is_404():
        token = token_service.revoke(pk, account=request.account)
    messages.success(request, f"Revoked the token {token.prefix}… ({token.name or 'no name'}).")
    return redirect("tokens")

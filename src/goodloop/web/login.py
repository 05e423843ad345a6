"""Sign-in and password reset behind the throttles of goodloop.accounts.throttle.

The client's address is read behind GOODLOOP_TRUSTED_PROXIES reverse proxies: each appends the
address it saw to X-Forwarded-For, so the client is that many entries from the right; entries
further left are whatever the client sent and are never trusted. An IPv6 client counts by its
/64 (one host usually holds the whole block).
"""

import ipaddress

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.crypto import get_random_string

from goodloop.accounts import throttle

BROWSER_COOKIE = "goodloop_signed_in_before"
BROWSER_SALT = "goodloop.login-browser"
BROWSER_MAX_AGE = 365 * 24 * 3600


def client_address(request) -> str:
    """The client's address as the nearest trusted proxy saw it (REMOTE_ADDR with no proxy)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "GOODLOOP_TRUSTED_PROXIES", 0)
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if hops:
            address = hops[-min(proxies, len(hops))]
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return address[:64]  # not an address (a misbehaving proxy): still one key, never an error
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _browser_of(request, username: str) -> str:
    """This browser's mark if it signed in to `username` before, else ""."""
    try:
        mark = signing.loads(request.COOKIES.get(BROWSER_COOKIE, ""), salt=BROWSER_SALT, max_age=BROWSER_MAX_AGE)
    except signing.BadSignature:
        return ""
    return mark.get("b", "") if isinstance(mark, dict) and mark.get("u") == username else ""


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": "Too many failed sign-ins. Wait %(seconds)s seconds, then try again (or reset your password).",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email"  # what people sign in with; Django's label says "Username"

    def clean_username(self):
        return (self.cleaned_data.get("username") or "").strip().lower()  # the login is the email, any case

    def _checks(self, username: str) -> list:
        """The counts this attempt answers to, the login's (or browser's) last. A browser that
        signed in to this login before answers to its own count only: neither an attacker on
        the same office network nor one guessing this login elsewhere holds it back."""
        browser = _browser_of(self.request, username)
        if browser:
            return [(throttle.LOGIN_BROWSER, browser)]
        return [(throttle.LOGIN_ADDRESS, client_address(self.request)), (throttle.LOGIN, username)]

    def clean(self):
        if self.request is None:
            return super().clean()
        username = self.cleaned_data.get("username") or ""
        checks = self._checks(username)
        seconds = throttle.wait_seconds(checks)
        if seconds:
            raise ValidationError(self.error_messages["throttled"], code="throttled", params={"seconds": seconds})
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.failed(checks)
            raise
        throttle.forget(*checks[-1])  # the right password starts this login's (or browser's) count again
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        username = form.cleaned_data["username"]
        mark = _browser_of(self.request, username) or get_random_string(24)
        response.set_cookie(BROWSER_COOKIE, signing.dumps({"u": username, "b": mark}, salt=BROWSER_SALT),
                            max_age=BROWSER_MAX_AGE, httponly=True, samesite="Lax",
                            secure=settings.SESSION_COOKIE_SECURE)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Reset mails capped per client address (told so) and per email (silently: the answer is
    the same as for a sent mail, so the form tells nobody which emails have accounts)."""

    subject_template_name = "registration/reset_subject.txt"  # not django.contrib.auth's own
    email_template_name = "registration/reset_email.txt"

    def form_valid(self, form):
        if not throttle.allow(throttle.RESET_ADDRESS, client_address(self.request)):
            form.add_error(None, "Too many password reset requests from your address: try again in an hour.")
            return self.form_invalid(form)
        if not throttle.allow(throttle.RESET_EMAIL, form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)

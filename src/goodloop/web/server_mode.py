"""Server mode: login required everywhere, Django's own login, logout and password reset,
and a small login throttle.

ServerModeMiddleware runs after AccountMiddleware. In server mode a request with no
account (nobody logged in) goes to the login page — or gets a 401 under /api/ unless it
carries a token, which the API itself checks. Local mode is untouched.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponseForbidden, JsonResponse
from django.urls import path, reverse_lazy

LOGIN_FAILURES_ALLOWED = 5
LOGIN_WINDOW_SECONDS = 15 * 60
OPEN_PREFIXES = ("/accounts/login/", "/accounts/password_reset/", "/accounts/reset/")


def is_server_mode() -> bool:
    return bool(getattr(settings, "GOODLOOP_SERVER_MODE", False))


def _is_open(path_info: str) -> bool:
    static = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
    return path_info.startswith(OPEN_PREFIXES) or path_info.startswith(static) or path_info == "/favicon.ico"


class ServerModeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_server_mode() or getattr(request, "account", None) is not None or _is_open(request.path_info):
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            if request.headers.get("Authorization"):
                return self.get_response(request)  # the API checks the token itself
            response = JsonResponse({"detail": "authentication required: send Authorization: Bearer TOKEN",
                                     "errors": []}, status=401)
            response["WWW-Authenticate"] = "Bearer"
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return HttpResponseForbidden("This login has no goodloop account: ask the administrator to add one "
                                         "with `goodloop account add EMAIL --password-stdin`.")
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


# --- the login throttle: LOGIN_FAILURES_ALLOWED failures per username and address per window


def _throttle_key(username: str, request) -> str:
    who = f"{(username or '').strip().lower()}|{request.META.get('REMOTE_ADDR', '')}"
    return "goodloop-login-failures:" + hashlib.sha256(who.encode()).hexdigest()


def failures(username: str, request) -> int:
    return int(cache.get(_throttle_key(username, request), 0))


def record_failure(username: str, request) -> None:
    key = _throttle_key(username, request)
    if cache.add(key, 1, timeout=LOGIN_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=LOGIN_WINDOW_SECONDS)


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": (f"Too many failed sign-ins for this email from your address. Try again in "
                      f"{LOGIN_WINDOW_SECONDS // 60} minutes, or reset your password."),
    }

    def clean_username(self):
        return (self.cleaned_data.get("username") or "").strip().lower()  # the login is the email, any case

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if self.request is not None and failures(username, self.request) >= LOGIN_FAILURES_ALLOWED:
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            if self.request is not None:
                record_failure(username, self.request)
            raise
        if self.request is not None:
            cache.delete(_throttle_key(username, self.request))  # a success starts the count again
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("login")), name="logout"),
    # Our own template names: django.contrib.auth ships a password_reset_subject.txt that would win.
    path("password_reset/", auth_views.PasswordResetView.as_view(
        subject_template_name="registration/reset_subject.txt",
        email_template_name="registration/reset_email.txt"), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

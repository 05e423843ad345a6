"""Server mode: login required everywhere, Django's own login, logout and password reset
(throttled: web/login.py).

ServerModeMiddleware runs after AccountMiddleware. In server mode a request with no
account (nobody logged in) goes to the login page — or gets a 401 under /api/ unless it
carries a token, which the API itself checks. Local mode is untouched.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden, JsonResponse
from django.urls import path, reverse_lazy

from .login import LoginView, PasswordResetView

OPEN_PREFIXES = ("/accounts/login/", "/accounts/password_reset/", "/accounts/reset/")


def is_server_mode() -> bool:
    return bool(getattr(settings, "GOODLOOP_SERVER_MODE", False))


def _is_open(path_info: str) -> bool:
    static = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL
    if path_info.startswith("/calendar/") and path_info.endswith(".ics"):
        return True  # a calendar feed: its secret address is its credential (web/views/calendar.py)
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


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("login")), name="logout"),
    path("password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

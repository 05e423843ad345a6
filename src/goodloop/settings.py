"""Django settings, built from goodloop.config (the environment, validated)."""

from pathlib import Path

from goodloop import config

CONFIG = config.load()
BASE_DIR = Path(__file__).resolve().parent
GOODLOOP_HOME = CONFIG.home

SECRET_KEY = CONFIG.secret_key
DEBUG = CONFIG.debug
ALLOWED_HOSTS = list(CONFIG.allowed_hosts)
GOODLOOP_SERVER_MODE = CONFIG.server_mode

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "goodloop.accounts",
    "goodloop.network",
    "goodloop.helploop",
    "goodloop.giving",
    "goodloop.search",
    "goodloop.runner",
    "django_tasks",
    "django_tasks_db",
    "goodloop.web",
    "ninja",  # only for the bundled Swagger UI files: /api/docs loads nothing from a CDN
]
# Left out by CLI commands (goodloop.settings_cli).
WEB_ONLY_APPS = ("django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles", "ninja")
# The task runner: in the web app and in the commands that queue or run tasks (goodloop.settings_worker),
# left out of the others (django-tasks costs ~60 ms of CPU at start-up, docs/benchmarks.md).
TASK_APPS = ("goodloop.runner", "django_tasks", "django_tasks_db")

MIDDLEWARE = [
    "goodloop.web.planner.PlannerStatisticsMiddleware",  # SQLite: keeps the planner's statistics fresh
    "django.middleware.security.SecurityMiddleware",
    "goodloop.api.middleware.ApiResponsesMiddleware",  # JSON errors and Location under /api/
    "goodloop.web.middleware.RefuseNulMiddleware",  # before anything looks a query value up
    "csp.middleware.CSPMiddleware",
    "goodloop.web.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "goodloop.web.middleware.AccountMiddleware",
    "goodloop.web.server_mode.ServerModeMiddleware",  # server mode: login required
]

# Django's widget templates, with the common widgets rendered in Python (same HTML, a fraction
# of the time: pages such as Giving draw over a hundred widgets).
FORM_RENDERER = "goodloop.web.widgets.FastWidgets"

ROOT_URLCONF = "goodloop.urls"
WSGI_APPLICATION = "goodloop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "goodloop.web.context.navigation",
            ],
        },
    },
]


def _database(db: config.Database, server_mode: bool = False) -> dict:
    if db.engine == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": db.name,
            # WAL lets the web app read while a command writes; IMMEDIATE avoids
            # "database is locked" on lock upgrades under concurrent writers.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
        }
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": db.name,
        "USER": db.user,
        "PASSWORD": db.password,
        "HOST": db.host,
        "PORT": db.port,
        "OPTIONS": {"connect_timeout": 5},
        # Server mode (gunicorn): each worker thread keeps its connection between requests
        # instead of opening one per request (a new PostgreSQL backend, with cold catalog
        # caches, costs more CPU than most of our pages); checked once per request before use,
        # so a restarted database or a dropped connection is replaced, not an error. Local mode
        # keeps one connection per request: its server starts a thread per request.
        "CONN_MAX_AGE": 300 if server_mode else 0,
        "CONN_HEALTH_CHECKS": server_mode,
    }


DATABASES = {"default": _database(CONFIG.database, CONFIG.server_mode)}

# Background tasks (imports): django-tasks' database backend, run by `goodloop worker` or, in local
# mode, by a thread of `goodloop serve` (goodloop.runner).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's full set: not like the email (the login), at least 8 characters, not a common
# password, not all digits.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
     "OPTIONS": {"user_attributes": ("username", "email")}},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = CONFIG.home / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing directory on every start
WHITENOISE_USE_FINDERS = True  # serve straight from the package in local mode
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy (django-csp): scripts and styles from our own static files only; no inline
# script, no inline style, no eval (htmx is configured without it), so stored markup or a hostile
# link can never run even if it slipped past escaping and URL checks (issue 17).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features no page of goodloop uses (goodloop.web.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
                      "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()")
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"},
                "goodloop.mail": {"handlers": ["console"], "level": "WARNING"}},
}

# --- Server mode (GOODLOOP_SERVER_MODE=1): logins, password reset by email, security headers.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "goodloop"}}

SMTP = CONFIG.smtp
DEFAULT_FROM_EMAIL = SMTP.sender
SERVER_EMAIL = SMTP.sender
if SMTP.host:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = SMTP.host, SMTP.port
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = SMTP.user, SMTP.password
    EMAIL_USE_TLS = SMTP.tls
    EMAIL_TIMEOUT = 10
elif CONFIG.reset_links_in_log:  # the administrator's choice: whoever reads the log can reset passwords
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:  # no mail server: say a mail was not sent, never print its reset link to the log
    EMAIL_BACKEND = "goodloop.web.mail.UnsentMailBackend"
GOODLOOP_TRUSTED_PROXIES = CONFIG.trusted_proxies

SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if GOODLOOP_SERVER_MODE:
    SESSION_COOKIE_AGE = 14 * 24 * 3600
    WHITENOISE_USE_FINDERS = False  # `goodloop serve --server` collects static files into STATIC_ROOT
if CONFIG.https:
    # Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False

"""Test settings: a throwaway home, SQLite in memory, or PostgreSQL when
GOODLOOP_TEST_DATABASE_URL is set (CI runs the suite on both)."""

import os
import tempfile

os.environ.pop("GOODLOOP_DATABASE_URL", None)
os.environ["GOODLOOP_HOME"] = tempfile.mkdtemp(prefix="goodloop-test-")

from goodloop.config import parse_database_url  # noqa: E402
from goodloop.settings import *  # noqa: E402,F403
from goodloop.settings import GOODLOOP_HOME, _database  # noqa: E402

_url = os.environ.get("GOODLOOP_TEST_DATABASE_URL", "")
if _url:
    DATABASES = {"default": _database(parse_database_url(_url, GOODLOOP_HOME))}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast tests; never in production
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, as a real store is, not Django's shared-cache memory database: threads sharing that
    # one (the live server, the task worker) take table locks that fail at once ("database table
    # is locked") instead of waiting out the busy timeout as WAL on a file does.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(GOODLOOP_HOME, "test.sqlite3")}

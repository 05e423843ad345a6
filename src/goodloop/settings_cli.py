"""Settings for a CLI command: goodloop.settings without the apps only the web uses.

A command serves no pages, and those apps cost start-up (~0.2 s for ninja's, ~10 ms for the
rest, of a 0.5 s budget). Their tables are created when the web app first opens the store
(bootstrap.ensure_store counts a store as up to date when the installed apps' migrations are).
"""

from goodloop.settings import *  # noqa: F403
from goodloop.settings import INSTALLED_APPS, WEB_ONLY_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WEB_ONLY_APPS]

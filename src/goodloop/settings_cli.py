"""Settings for a CLI command: goodloop.settings without the apps only the web uses, nor the
task runner's (goodloop.settings_worker has those, for `worker`, `jobs` and `import --queue`).

A command serves no pages, and those apps cost start-up (~0.2 s for ninja's, ~10 ms for the
rest, ~60 ms of CPU for django-tasks', of a 0.5 s budget). Their tables are created when the web
app (or a worker) first opens the store (bootstrap.ensure_store counts a store as up to date when
the installed apps' migrations are).
"""

from goodloop.settings import *  # noqa: F403
from goodloop.settings import INSTALLED_APPS, TASK_APPS, WEB_ONLY_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WEB_ONLY_APPS + TASK_APPS]

"""Settings for the commands that queue or run tasks (`worker`, `jobs`, `import --queue`): a CLI
command's, with the task runner's apps (goodloop.settings_cli says why the others leave them out)."""

from goodloop.settings import *  # noqa: F403
from goodloop.settings import INSTALLED_APPS, WEB_ONLY_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WEB_ONLY_APPS]

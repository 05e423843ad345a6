"""WSGI entry point for `goodloop serve` and production servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodloop.settings")
application = get_wsgi_application()

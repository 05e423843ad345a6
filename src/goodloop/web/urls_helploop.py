"""URLs of the helploop pages (included by web/urls.py)."""

urlpatterns: list = []

"""URLs of the search pages (included by web/urls.py)."""

urlpatterns: list = []

"""URLs of the transfer pages (included by web/urls.py)."""

urlpatterns: list = []

"""URLs of the giver's pages (included by web/urls.py)."""

urlpatterns: list = []

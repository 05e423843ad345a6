"""URLs of the API tokens page (included by web/urls.py)."""

from django.urls import path

from .views import tokens

urlpatterns: list = [
    path("tokens/", tokens.view, name="tokens"),
    path("tokens/<int:pk>/revoke/", tokens.revoke, name="token_revoke"),
]

"""URLs of the everyday people pages: add, log a conversation, delete and undo, global search."""

from django.urls import path

from .views import people_add, person_delete, person_log, search

urlpatterns: list = [
    path("people/add/", people_add.view, name="person_add"),
    path("people/<int:pk>/log/", person_log.log, name="person_log"),
    path("people/<int:pk>/delete/", person_delete.confirm, name="person_delete"),
    path("people/deleted/<int:pk>/undo/", person_delete.undo, name="person_delete_undo"),
    path("search/", search.view, name="search"),
]

"""URLs of the giver's pages (included by web/urls.py)."""

from django.urls import path

from .views import givers_report, giving, person_giving, transitions

urlpatterns: list = [
    path("giving/", giving.view, name="giving"),
    path("giving/paste/", giving.paste, name="giving_paste"),
    path("giving/requests/new/", giving.new, name="giving_new"),
    path("giving/budget/", giving.budget, name="giving_budget"),
    path("giving/requests/<int:pk>/triage/", giving.triage, name="giving_triage"),
    path("giving/requests/<int:pk>/preview/", giving.preview, name="giving_preview"),
    path("giving/requests/<int:pk>/closure/", person_giving.closure, name="giving_closure"),
    path("giving/promises/<int:pk>/done/", giving.promise_done, name="giving_promise_done"),
    path("giving/transitions/", transitions.view, name="transitions"),
    path("giving/transitions/seeking/", transitions.seeking, name="transition_seeking"),
    path("giving/transitions/<int:pk>/landed/", transitions.landed, name="transition_landed"),
    path("giving/report/", givers_report.view, name="givers_report"),
    path("people/<int:pk>/giving/", person_giving.view, name="person_giving"),
]

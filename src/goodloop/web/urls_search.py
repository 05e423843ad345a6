"""URLs of the search pages (included by web/urls.py): brief, targets, warm paths,
introductions, leads and reports."""

from django.urls import path

from .views import brief, introductions, leads, organization, reports, targets

urlpatterns: list = [
    path("brief/", brief.view, name="brief"),
    path("brief/coach/", brief.coach, name="brief-coach"),
    path("brief/download/<str:fmt>/", brief.download, name="brief-download"),
    path("targets/reorder/", targets.reorder, name="targets-reorder"),
    path("targets/<int:pk>/", targets.detail, name="target"),
    path("targets/<int:pk>/move/", targets.move, name="target-move"),
    path("targets/<int:pk>/edit/", targets.edit, name="target-edit"),
    path("targets/<int:pk>/paths/", targets.target_paths, name="target-paths"),
    path("organizations/<int:pk>/paths/", organization.warm_paths, name="organization-paths"),
    path("introductions/", introductions.view, name="introductions"),
    path("introductions/<int:pk>/status/", introductions.status, name="introduction-status"),
    path("leads/", leads.view, name="leads"),
    path("leads/<int:pk>/move/", leads.move, name="lead-move"),
    path("reports/", reports.view, name="reports"),
]

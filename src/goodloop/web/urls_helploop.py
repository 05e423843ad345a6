"""URLs of the helploop pages (included by web/urls.py)."""

from django.urls import path

from .views import agenda_actions, asks, favors, loops, person_edit

urlpatterns: list = [
    path("today/done/", agenda_actions.done, name="agenda_done"),
    path("today/snooze/", agenda_actions.snooze, name="agenda_snooze"),
    path("asks/", asks.view, name="asks"),
    path("asks/coach/", asks.coach, name="ask_coach"),
    path("asks/people/", asks.people_options, name="people_options"),
    path("asks/<int:pk>/status/", asks.status, name="ask_status"),
    path("favors/new/", favors.new, name="favor_new"),
    path("loops/", loops.view, name="loops"),
    path("loops/<int:pk>/close/", loops.close, name="loop_close"),
    path("people/<int:pk>/edit/", person_edit.edit, name="person_edit"),
    path("people/<int:pk>/rhythm/", person_edit.rhythm, name="person_rhythm"),
    path("people/<int:pk>/trust/", person_edit.trust_stage, name="person_trust"),
    path("people/<int:pk>/needs/", person_edit.needs, name="person_needs"),
    path("merges/<int:pk>/undo/", person_edit.undo_merge, name="merge_undo"),
]

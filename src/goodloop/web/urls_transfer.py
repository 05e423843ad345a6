"""URLs of the transfer pages (included by web/urls.py): import, possible duplicates, exports."""

from django.urls import path

from . import context
from .views import calendar, duplicates, exports, import_page

urlpatterns: list = [
    path("import/", import_page.upload, name="import"),
    path("import/<int:pk>/", import_page.job, name="import_job"),
    path("import/<int:pk>/progress/", import_page.progress, name="import_progress"),
    path("import/<int:pk>/retry/", import_page.retry, name="import_retry"),
    path("duplicates/", duplicates.view, name="duplicates"),
    path("duplicates/merge/", duplicates.merge_pair, name="duplicates_merge"),
    path("duplicates/preview/", duplicates.preview, name="merge_preview"),
    path("duplicates/dismiss/", duplicates.dismiss, name="duplicates_dismiss"),
    path("duplicates/undo/<int:pk>/", duplicates.undo, name="duplicates_undo"),
    path("export/<str:fmt>/", exports.download, name="export"),
    path("calendar/<str:token>.ics", calendar.feed, name="calendar_feed"),
    path("calendar/new/", calendar.new_address, name="calendar_new"),
]

# The job and duplicates pages belong to the Import section of the navigation.
for _name in ("import_job", "import_progress", "import_retry", "duplicates", "calendar_new"):
    context._SECTION_OF.setdefault(_name, "import")

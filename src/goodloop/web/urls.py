from django.urls import path

from .context import NAV
from .views import coming, organization, organizations, people, person, targets, today

urlpatterns = [
    path("", today.view, name="today"),
    path("people/", people.view, name="people"),
    path("people/<int:pk>/", person.view, name="person"),
    path("organizations/", organizations.view, name="organizations"),
    path("organizations/<int:pk>/", organization.view, name="organization"),
    path("targets/", targets.view, name="targets"),
]
# Sections not built yet still have a page: it says plainly what is coming.
urlpatterns += [path(f"{s.key}/", coming.view, {"section": s.key}, name=s.key) for s in NAV if not s.built]

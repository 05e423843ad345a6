from django.urls import path

from . import context, urls_giving, urls_helploop, urls_people, urls_search, urls_tokens, urls_transfer
from .views import coming, organization, organizations, people, person, targets, today, you

urlpatterns = urls_people.urlpatterns + [  # first: "people/add/" before any "people/<…>"
    path("", today.view, name="today"),
    path("people/", people.view, name="people"),
    path("people/<int:pk>/", person.view, name="person"),
    path("organizations/", organizations.view, name="organizations"),
    path("organizations/<int:pk>/", organization.view, name="organization"),
    path("targets/", targets.view, name="targets"),
    path("you/", you.view, name="you"),
]
# Each area of the app keeps its own urls module, so they can grow independently.
for module in (urls_helploop, urls_search, urls_transfer, urls_giving, urls_tokens):
    urlpatterns += module.urlpatterns

_named = {p.name for p in urlpatterns if getattr(p, "name", None)}
context.mark_built(_named)
# Sections not built yet still have a page: it says plainly what is coming.
urlpatterns += [path(f"{s.key}/", coming.view, {"section": s.key}, name=s.key) for s in context.NAV
                if not s.built]

from django.urls import include, path

from goodloop.api.main import api
from goodloop.web import server_mode

urlpatterns = [
    path("api/", api.urls),
    path("accounts/", include(server_mode.urlpatterns)),
    path("", include("goodloop.web.urls")),
]

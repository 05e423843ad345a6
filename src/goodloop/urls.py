from django.urls import include, path

urlpatterns = [
    path("", include("goodloop.web.urls")),
]

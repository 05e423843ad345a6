from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "goodloop.web"
    label = "web"

from django.apps import AppConfig


class HelploopConfig(AppConfig):
    name = "goodloop.helploop"
    label = "helploop"

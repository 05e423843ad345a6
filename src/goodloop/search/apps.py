from django.apps import AppConfig


class LeadsConfig(AppConfig):
    name = "goodloop.search"
    label = "leads"

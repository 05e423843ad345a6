from django.apps import AppConfig


class LeadsConfig(AppConfig):
    name = "goodloop.leads"
    label = "leads"

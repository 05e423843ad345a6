from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "goodloop.network"
    label = "network"

from django.apps import AppConfig


class RunnerConfig(AppConfig):
    name = "goodloop.runner"
    label = "runner"

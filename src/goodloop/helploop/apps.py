from django.apps import AppConfig


class HelploopConfig(AppConfig):
    name = "goodloop.helploop"
    label = "helploop"

    def ready(self) -> None:
        from goodloop.helploop import (
            handlers,  # noqa: F401  (registers the handlers)
            trust_handlers,  # noqa: F401  (trust follows evidence; runs after)
        )

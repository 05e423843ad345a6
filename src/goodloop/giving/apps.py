from django.apps import AppConfig


class GivingConfig(AppConfig):
    """The giver's side: requests made of me, promises, capacity. It owns no tables of its own
    (requests are asks made of me); it is an app so its event handlers are registered."""

    name = "goodloop.giving"
    label = "giving"

    def ready(self) -> None:
        from goodloop.giving import handlers  # noqa: F401  (registers the handlers)

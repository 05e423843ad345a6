"""What the giving side does when a help-loop fact happens. Registered by ``GivingConfig.ready``."""

from goodloop import events
from goodloop.giving import requests


@events.handles(events.LoopClosed)
def loop_closed(event: events.LoopClosed) -> None:
    """A kept promise records the favor given; a transition check-in schedules the next."""
    if event.how == "done":
        requests.on_loop_closed(event.loop.account, event.loop, event.on)

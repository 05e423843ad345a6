"""Trust follows the evidence: every writer of evidence says so with an event, and the stage is
recomputed here (interactions either way, meetings and calls, favors, introductions).

Registered by ``HelploopConfig.ready`` after :mod:`goodloop.helploop.handlers`, so an introduction's
favor and meeting are recorded before the stages are recomputed.
"""

from goodloop import events
from goodloop.helploop import trust
from goodloop.network import interactions


@events.handles(events.InteractionLogged)
def interaction_logged(event: events.InteractionLogged) -> None:
    """Everyone in the interaction may have moved up (two-way contact, a call or a meeting)."""
    trust.refresh_ids(event.interaction.account, interactions.logged_with(event))


@events.handles(events.FavorRecorded)
def favor_recorded(event: events.FavorRecorded) -> None:
    """A favor either way is evidence about the person it was with."""
    trust.refresh(event.favor.account, event.favor.person)


@events.handles(events.IntroductionMoved)
def introduction_moved(event: events.IntroductionMoved) -> None:
    """Being introduced is evidence about the introduced person (and undoes none when declined)."""
    intro = event.introduction
    trust.refresh_ids(intro.account, [intro.introduced_id])

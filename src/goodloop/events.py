"""In-transaction domain events.

A writer states a fact ("a favor was recorded", "a loop closed"); handlers registered for that
fact do the follow-on work in other domains (thank and report loops, trust, check-ins, asks
answered). The writer calls :func:`emit` inside its own transaction, so a handler's writes
commit or roll back with the fact itself. This keeps lower domains from importing higher ones:
``helploop`` never imports ``giving``; ``giving`` subscribes to ``LoopClosed`` instead.

Handlers are registered when their app is ready (each app's ``ready()`` imports its
``handlers`` module), and run in registration order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_handlers: dict[type, list[Callable[[Any], None]]] = defaultdict(list)


def handles(*event_types: type) -> Callable:
    """Register the decorated function as a handler of each event type (once per type)."""

    def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        for event_type in event_types:
            if fn not in _handlers[event_type]:
                _handlers[event_type].append(fn)
        return fn

    return register


def handlers_of(event_type: type) -> list[Callable[[Any], None]]:
    """The handlers that run for an event type, in order (for tests and docs/architecture.md)."""
    return list(_handlers.get(event_type, ()))


def emit(event: object) -> None:
    """Run every handler of the event now, in the caller's transaction."""
    for handler in list(_handlers.get(type(event), ())):
        handler(event)


# Model instances travel as ``Any``: this module sits below every domain and imports none.


@dataclass(frozen=True)
class FavorRecorded:
    favor: Any
    on: date


@dataclass(frozen=True)
class LoopClosed:
    loop: Any
    on: date
    how: str = "done"


@dataclass(frozen=True)
class InteractionLogged:
    interaction: Any
    # The ids of the people it was with, as the writer linked them (so no handler reads the
    # links back); empty when not given: handlers then read them from the store.
    person_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class IntroductionMoved:
    introduction: Any
    old_status: str
    on: date


@dataclass
class LeadMoved:
    lead: Any
    old_stage: str
    on: date
    opened: list = field(default_factory=list)  # loops the handlers opened, for the caller to show

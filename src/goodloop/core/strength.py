"""Tie strength 0-100 with its components (DESIGN.md section 3).

score = interactions (0-70) + reciprocity (0-20) + relationship age (0-10), each a
saturating map ``max * (1 - exp(-x / scale))`` so more of anything always helps but no
single component runs away:

* interactions: x = sum over interactions of channel weight * direction weight *
  exp(-age_days / 180). Recency and depth dominate, as Gilbert & Karahalios found.
* reciprocity: x = min(given, received) + 0.25 * |given - received|, with favors
  weighted by kind: exchange both ways counts fully, one-way help a quarter.
* age: x = years since the first touch; it only counts once there has been some
  interaction or favor (a connection nobody ever used is not a relationship).

The decayed sum is cheap and can come pre-aggregated: pass ``count`` on an
:class:`InteractionPoint` for grouped rows (same date, channel, direction), or compute
:func:`decayed_sum` yourself and call :func:`strength_from_parts`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from goodloop.core.rules import (
    CHANNEL_WEIGHTS,
    DIRECTION_WEIGHTS,
    STRENGTH_AGE_SCALE_YEARS,
    STRENGTH_INTERACTION_SCALE,
    STRENGTH_MAX_AGE,
    STRENGTH_MAX_INTERACTION,
    STRENGTH_MAX_RECIPROCITY,
    STRENGTH_RECIPROCITY_SCALE,
    STRENGTH_TAU_DAYS,
)
from goodloop.core.words import counted


@dataclass(frozen=True)
class InteractionPoint:
    """One interaction (or ``count`` identical ones on the same date)."""

    date: date
    channel: str
    direction: str
    count: int = 1


@dataclass(frozen=True)
class Strength:
    """``score`` 0-100; ``components`` name -> points; ``explanations`` name -> sentence."""

    score: int
    components: dict[str, float]
    explanations: dict[str, str]
    raw: dict[str, float]

    def as_dict(self) -> dict:
        """JSON shape: ``{score, components: {name: {points, max, why}}}``."""
        maxima = {
            "interactions": STRENGTH_MAX_INTERACTION,
            "reciprocity": STRENGTH_MAX_RECIPROCITY,
            "age": STRENGTH_MAX_AGE,
        }
        return {
            "score": self.score,
            "components": {
                name: {"points": pts, "max": maxima[name], "why": self.explanations[name]}
                for name, pts in self.components.items()
            },
        }


def interaction_weight(channel: str, direction: str) -> float:
    """Channel depth times direction: a mutual meeting 3, a one-way outbound email 0.5."""
    return CHANNEL_WEIGHTS.get(channel, 0.5) * DIRECTION_WEIGHTS.get(direction, 0.5)


def decay(age_days: float, tau_days: float = STRENGTH_TAU_DAYS) -> float:
    """exp(-age/tau); future-dated interactions count as today (factor 1)."""
    return math.exp(-max(age_days, 0.0) / tau_days)


def decayed_sum(points: Iterable[InteractionPoint], today: date, tau_days: float = STRENGTH_TAU_DAYS) -> float:
    """Sum of weight * count * exp(-age/tau) over interactions up to ``today``."""
    rows = ((None, p.date, p.channel, p.direction, p.count) for p in points if p.date <= today)
    return decayed_sums(rows, today, tau_days)[0].get(None, 0.0)


def decayed_sums(rows: Iterable[tuple], today: date, tau_days: float = STRENGTH_TAU_DAYS,
                 day_of: Callable[[object], date] | None = None) -> tuple[dict, dict, dict]:
    """Per key, from ``(key, day, channel, direction, count)`` rows: the decayed sum (as
    :func:`decayed_sum`), the first day and the count of interactions.

    Each distinct ``day`` is turned into a date by ``day_of`` (a database's text, say) and
    decayed once: lists rank hundreds of people over thousands of rows.
    """
    sums, first, counted, days = defaultdict(float), {}, defaultdict(int), {}
    for key, raw_day, channel, direction, n in rows:
        known = days.get(raw_day)
        if known is None:
            day = day_of(raw_day) if day_of else raw_day
            known = days[raw_day] = (day, decay((today - day).days, tau_days))
        day, factor = known
        sums[key] += interaction_weight(channel, direction) * n * factor
        counted[key] += n
        if key not in first or day < first[key]:
            first[key] = day
    return sums, first, counted


def _saturate(x: float, maximum: float, scale: float) -> float:
    return maximum * (1.0 - math.exp(-max(x, 0.0) / scale))


def _parts(decayed: float, favors_given: float, favors_received: float, first_touch: date | None,
           today: date) -> tuple[float, float, float, float, float]:
    """(interaction points, reciprocity points, age points, exchange, years)."""
    inter = _saturate(decayed, STRENGTH_MAX_INTERACTION, STRENGTH_INTERACTION_SCALE)
    exchange = min(favors_given, favors_received) + 0.25 * abs(favors_given - favors_received)
    recip = _saturate(exchange, STRENGTH_MAX_RECIPROCITY, STRENGTH_RECIPROCITY_SCALE)
    active = decayed > 0 or favors_given > 0 or favors_received > 0
    years = max((today - first_touch).days, 0) / 365.25 if first_touch and active else 0.0
    age = _saturate(years, STRENGTH_MAX_AGE, STRENGTH_AGE_SCALE_YEARS)
    return inter, recip, age, exchange, years


def score_from_parts(decayed: float, favors_given: float, favors_received: float, first_touch: date | None,
                     today: date) -> int:
    """The score alone, as :func:`strength_from_parts` computes it (lists rank hundreds of people)."""
    inter, recip, age, _, _ = _parts(decayed, favors_given, favors_received, first_touch, today)
    return int(round(min(100.0, inter + recip + age)))


def strength_from_parts(
    decayed: float,
    favors_given: float,
    favors_received: float,
    first_touch: date | None,
    today: date,
    interactions: int | None = None,
) -> Strength:
    """Score from pre-aggregated inputs (weighted favor sums, decayed interaction sum)."""
    inter, recip, age, exchange, years = _parts(decayed, favors_given, favors_received, first_touch, today)
    active = decayed > 0 or favors_given > 0 or favors_received > 0
    score = int(round(min(100.0, inter + recip + age)))

    n = f"{counted(interactions, 'interaction')}, " if interactions is not None else ""
    explanations = {
        "interactions": (
            f"{n}recency- and depth-weighted sum {decayed:.1f} "
            f"(meeting/video 3, call 2, email/message 1, event/social 0.5; outbound-only half; "
            f"halves about every {STRENGTH_TAU_DAYS * math.log(2):.0f} days)"
        ),
        "reciprocity": (
            f"favors given {favors_given:g}, received {favors_received:g} (weighted); "
            "help both ways counts fully, one-way a quarter"
        ),
        "age": (
            f"known {years:.1f} years" if active and first_touch else "no contact yet, so age does not count"
        ),
    }
    return Strength(
        score=score,
        components={"interactions": round(inter, 1), "reciprocity": round(recip, 1), "age": round(age, 1)},
        explanations=explanations,
        raw={"decayed_sum": round(decayed, 3), "exchange": round(exchange, 3), "years": round(years, 2)},
    )

"""An account's own clock: what "today" is for the person using goodloop.

The server runs on UTC; a seeker in Sydney must not see tomorrow's agenda at 10 am. Every
default date in goodloop comes from :func:`today` with the account; ``--date`` and the web's
"pretend today is" still override it by passing a date explicitly.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_ZONE = "UTC"


@cache
def zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def is_zone(name: str) -> bool:
    """True for an IANA zone name this machine knows ("Pacific/Auckland")."""
    return bool(name) and name in zone_names()


def machine_zone() -> str:
    """The machine's own zone name (for a local account), from TZ, /etc/timezone or the
    /etc/localtime link; UTC when none can be read."""
    candidates = [os.environ.get("GOODLOOP_MACHINE_TZ", "")]
    try:
        candidates.append(Path("/etc/timezone").read_text().strip())
    except OSError:
        pass
    try:
        link = os.readlink("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    except OSError:
        pass
    return next((c for c in candidates if is_zone(c)), DEFAULT_ZONE)


def zone_of(account) -> ZoneInfo:
    name = getattr(account, "time_zone", "") or DEFAULT_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def now(account=None, at: datetime | None = None) -> datetime:
    """The account's local time now (or at the given aware instant)."""
    at = at or datetime.now(ZoneInfo("UTC"))
    return at.astimezone(zone_of(account))


def today(account=None, at: datetime | None = None) -> date:
    """The account's date today (or at the given aware instant): its own time zone decides."""
    return now(account, at).date()

"""Throttles every server worker shares (the counts live in the database, so four gunicorn
workers, or two servers on one PostgreSQL, see one count; local mode needs no Redis).

Sign-in uses backoff, not lockout: past a few free failures each further failure makes the
next attempt wait (1 s, 2 s, 4 s, … up to a cap). A wrong guess while waiting is refused
without checking the password. Three counts apply at once: the client's address (spraying
one password over many logins), the login itself (guessing one login from many addresses),
and, instead of the login, a browser that already signed in to it (a signed cookie): its own
owner is never held back by what an attacker does to the login elsewhere.

Password reset requests are capped per address and per email in a fixed window.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Throttle

SWEEP_AFTER = timedelta(days=1)  # rows idle this long are deleted


@dataclass(frozen=True)
class Backoff:
    prefix: str
    free: int  # failures allowed before any wait
    cap: timedelta  # the longest wait
    forget: timedelta  # a quiet spell this long starts the count again


@dataclass(frozen=True)
class Limit:
    prefix: str
    most: int  # events allowed per window
    window: timedelta


LOGIN_ADDRESS = Backoff("login-ip", free=20, cap=timedelta(minutes=15), forget=timedelta(hours=1))
LOGIN = Backoff("login", free=5, cap=timedelta(minutes=1), forget=timedelta(hours=1))
LOGIN_BROWSER = Backoff("login-browser", free=5, cap=timedelta(minutes=1), forget=timedelta(hours=1))
RESET_ADDRESS = Limit("reset-ip", most=10, window=timedelta(hours=1))
RESET_EMAIL = Limit("reset-email", most=3, window=timedelta(hours=1))


def _now():
    return timezone.now()


def key(rule: Backoff | Limit, value: str) -> str:
    """The row's key: the rule and a digest of the value (emails and addresses are not stored)."""
    digest = hashlib.sha256((value or "").strip().lower().encode("utf-8")).hexdigest()[:40]
    return f"{rule.prefix}:{digest}"


def _row(key_: str, now) -> Throttle:
    """The key's row, locked for this transaction (created at zero if new)."""
    row, _ = Throttle.objects.select_for_update().get_or_create(key=key_, defaults={"first": now, "last": now})
    return row


def wait_seconds(checks: list[tuple[Backoff, str]]) -> int:
    """How long the longest of these backoffs still holds (0: an attempt may go ahead)."""
    now = _now()
    until = (Throttle.objects.filter(key__in=[key(rule, value) for rule, value in checks], blocked_until__gt=now)
             .order_by("-blocked_until").values_list("blocked_until", flat=True).first())
    return 0 if until is None else max(1, int((until - now).total_seconds() + 0.999))


@transaction.atomic
def failed(checks: list[tuple[Backoff, str]]) -> None:
    """Count one failure against each (rule, value) and set its wait."""
    now = _now()
    for rule, value in checks:
        row = _row(key(rule, value), now)
        if now - row.last > rule.forget:
            row.count, row.first = 0, now
        row.count += 1
        row.last = now
        over = row.count - rule.free
        row.blocked_until = now + min(timedelta(seconds=2 ** min(over - 1, 20)), rule.cap) if over > 0 else None
        row.save()
    Throttle.objects.filter(last__lt=now - SWEEP_AFTER).delete()


def forget(rule: Backoff, value: str) -> None:
    """Start a count again (a login's after its right password)."""
    Throttle.objects.filter(key=key(rule, value)).delete()


@transaction.atomic
def allow(rule: Limit, value: str) -> bool:
    """Count one event if the window still has room; False (and nothing counted) if not."""
    now = _now()
    row = _row(key(rule, value), now)
    if now - row.first >= rule.window:
        row.count, row.first = 0, now
    if row.count >= rule.most:
        return False
    row.count += 1
    row.last = now
    row.save()
    Throttle.objects.filter(last__lt=now - SWEEP_AFTER).delete()
    return True

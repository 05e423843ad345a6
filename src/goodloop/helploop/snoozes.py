""""Not now" on a Today item: the item's stable key is hidden until a day."""

from datetime import date, timedelta

from django.db import transaction

from goodloop import clock
from goodloop.core import agenda as agenda_rules
from goodloop.core import rules
from goodloop.errors import ServiceError
from goodloop.helploop.models import Snooze

MAX_SNOOZE_DAYS = 3650


@transaction.atomic
def snooze(account, key: str, days: int | None = None, when: date | None = None) -> Snooze:
    """Hide the agenda item `key` (see `today --json`) for `days` from `when`; again moves the day."""
    try:
        agenda_rules.parse_key(key)
    except ValueError as exc:
        raise ServiceError(str(exc), field="key") from None
    days = rules.AGENDA_SNOOZE_DAYS if days is None else days
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ServiceError(f"snooze for 1 to {MAX_SNOOZE_DAYS} days (got {days})", field="days")
    when = when or clock.today(account)
    found, _ = Snooze.objects.update_or_create(account=account, key=key.strip(),
                                               defaults={"until": when + timedelta(days=days)})
    return found


def hidden_keys(account, when: date) -> set[str]:
    """The keys snoozed past `when` (an item shows again on its `until` day)."""
    return set(Snooze.objects.filter(account=account, until__gt=when).values_list("key", flat=True))

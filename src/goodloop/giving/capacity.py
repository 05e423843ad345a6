"""My weekly giving budget (favors or minutes) and the weekdays I batch gives into."""

from datetime import date, timedelta

from django.db import transaction

from goodloop import clock
from goodloop.core import capacity as rules
from goodloop.errors import ServiceError
from goodloop.helploop.models import Ask, Favor, GivingBudget, Loop

MAX_AMOUNT = 10_000


def budget(account) -> rules.Budget:
    """The account's budget, or the documented default (120 minutes a week, every day)."""
    row = GivingBudget.objects.filter(account=account).first()
    if row is None:
        return rules.Budget(is_default=True)
    return rules.Budget(unit=row.unit, amount=row.amount, days=tuple(row.days or ()))


@transaction.atomic
def set_budget(account, *, favors: int | None = None, minutes: int | None = None,
               days: str | list | None = None) -> rules.Budget:
    """Set the weekly budget in favors or minutes (not both) and/or the giving days ("mon,thu";
    an empty string clears them: every day is a giving day)."""
    if favors is not None and minutes is not None:
        raise ServiceError("set the budget in favors or in minutes, not both", field="amount")
    for value, label in ((favors, "favors"), (minutes, "minutes")):
        if value is not None and not (0 < value <= MAX_AMOUNT):
            raise ServiceError(f"a weekly budget of {label} is a number from 1 to {MAX_AMOUNT}", field="amount")
    try:
        chosen = rules.parse_days(days) if days is not None else None
    except ValueError as exc:
        raise ServiceError(str(exc), field="days") from None
    current = budget(account)
    unit, amount = current.unit, current.amount
    if favors is not None:
        unit, amount = "favors", favors
    elif minutes is not None:
        unit, amount = "minutes", minutes
    GivingBudget.objects.update_or_create(
        account=account,
        defaults={"unit": unit, "amount": amount,
                  "days": list(chosen if chosen is not None else current.days)})
    return budget(account)


def commitments(account, start: date, end: date) -> list[rules.Commitment]:
    """Favors given in [start, end] and open promises falling due then, with estimated minutes."""
    out = [rules.Commitment(d, rules.favor_minutes(k)) for d, k in
           Favor.objects.filter(account=account, direction="given", date__range=(start, end))
           .values_list("date", "kind")]
    promises = (Loop.objects.filter(account=account, kind="promise", status="open", due__range=(start, end))
                .values_list("due", "ask__minutes", "ask__promise_kind"))
    out += [rules.Commitment(d, rules.promise_minutes(m, k)) for d, m, k in promises]
    return out


def check(account, day: date, new_minutes: int = 0, adding: bool = False,
          budget_: rules.Budget | None = None) -> rules.CapacityCheck:
    """The week containing `day`: used so far, and whether adding `new_minutes` would exceed it
    (`budget_`: the account's budget when the caller has fetched it already)."""
    b = budget_ or budget(account)
    start = rules.week_start(day)
    return rules.capacity_check(b, commitments(account, start, start + timedelta(days=6)), day,
                                new_minutes, adding)


def is_giving_day(account, day: date) -> bool:
    return rules.is_giving_day(day, budget(account).days)


def chunk(account, deadline: date, today: date) -> date:
    """A promise's place on the agenda: the latest chosen giving day up to its deadline."""
    return rules.chunk_due(deadline, today, budget(account).days)


def status(account, day: date | None = None) -> dict:
    """`budget --json`: the budget, the giving days, and this week's use."""
    day = day or clock.today(account)
    b = budget(account)
    week = check(account, day)
    return {"unit": b.unit, "amount": b.amount, "days": rules.day_names(b.days), "default": b.is_default,
            "week": week.as_dict(),
            "open_requests": Ask.objects.filter(account=account, direction="received", status="sent").count()}

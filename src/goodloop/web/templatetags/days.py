"""Dates as people read them: "Oct 15" this year, "Oct 15, 2019" any other year."""

from datetime import date

from django import template

from goodloop.core.words import counted

register = template.Library()


@register.filter
def day(value: date | None, today: date | None = None) -> str:
    """A short date that carries its year when it is not `today`'s year."""
    if value is None:
        return ""
    text = f"{value:%b} {value.day}"
    return text if today is not None and value.year == today.year else f"{text}, {value.year}"


@register.filter
def ago(value: date | None, today: date | None) -> str:
    """How long before `today` (the account's own day, in its time zone), not the server's clock:
    "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "2 years ago"."""
    if value is None or today is None:
        return ""
    days = (today - value).days
    if days < 0:
        return "tomorrow" if days == -1 else f"in {-days} days"
    if days <= 1:
        return ("today", "yesterday")[days]
    size, unit = next((size, unit) for size, unit in ((365, "year"), (30, "month"), (7, "week"), (1, "day"))
                      if days >= size)
    return f"{counted(days // size, unit)} ago"

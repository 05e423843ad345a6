"""Dates as people read them: "Oct 15" this year, "Oct 15, 2019" any other year."""

from datetime import date

from django import template

register = template.Library()


@register.filter
def day(value: date | None, today: date | None = None) -> str:
    """A short date that carries its year when it is not `today`'s year."""
    if value is None:
        return ""
    text = f"{value:%b} {value.day}"
    return text if today is not None and value.year == today.year else f"{text}, {value.year}"

"""Template filters: links made from stored text (issue 17), and the coach score's band."""

from django import template

from goodloop.core import rules
from goodloop.core.text_safety import is_web_url

register = template.Library()


@register.filter
def web_href(value: str) -> str:
    """The stored address as an http(s) link, or "" when it is not one (a `javascript:` or `data:`
    value stored before URLs were checked is shown as text, never as a link)."""
    value = (value or "").strip()
    if value and "://" not in value and ":" not in value.split("/", 1)[0]:
        value = "https://" + value  # "ada.example/about", stored without a scheme
    return value if is_web_url(value) else ""


@register.filter
def score_band(score) -> str:
    """The coach score's band ("good", "fair", "weak"), the same on every page (core/rules.py)."""
    return rules.score_band(score)


@register.simple_tag
def score_bands() -> dict:
    """The band edges, for a <meter>'s low and high."""
    return {"fair": rules.SCORE_FAIR, "good": rules.SCORE_GOOD}

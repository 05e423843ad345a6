"""Template filters for links made from stored text (issue 17)."""

from django import template

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

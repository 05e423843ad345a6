"""The "add them?" link under a person field that named someone not in the network yet."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

register = template.Library()

_LONG = 500  # a value longer than this is not carried back (keeps the link a sane length)


def _back_to(request) -> str:
    """The form's page with what was typed, so the add form can return to it half filled."""
    if request.method != "POST":
        return request.get_full_path()
    kept = [(k, v) for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "next") and len(v) <= _LONG]
    return request.path + ("?" + urlencode(kept) if kept else "")


@register.simple_tag(takes_context=True)
def add_person_link(context, field) -> str:
    """A link to the add-person form prefilled with the unknown name or email; it comes back here."""
    request = context.get("request")
    if request is None or not field.errors:
        return ""
    for error in field.errors.as_data():
        if error.code == "unknown_person":
            params = error.params or {}
            query = urlencode({"name": params.get("name", ""), "email": params.get("email", ""),
                               "next": _back_to(request), "field": field.html_name})
            label = params.get("name") or params.get("email")
            return format_html('<p class="field-fix"><a href="{}?{}">Add {}</a> '
                               '<span class="muted">and come back to this form</span></p>',
                               reverse("person_add"), query, label)
    return ""

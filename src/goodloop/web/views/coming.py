"""A section that is not built yet: a page that says so plainly, never a 404."""

from django.shortcuts import render

from goodloop.web.context import SECTIONS


def view(request, section: str):
    s = SECTIONS[section]
    return render(request, "goodloop/coming.html", {"section": s, "title": s.label})

"""Person: details, contact points, roles, tags, tier, trust, needs, and the timeline."""

from django.shortcuts import render

from goodloop.services import pages
from goodloop.services import people as people_service

from .common import not_found_is_404, paginate


def view(request, pk: int):
    account = request.account
    with not_found_is_404():
        person = pages.person_for_page(account, pk)
    roles = list(person.roles.all())
    timeline = paginate(request, pages.timeline(account, person))
    return render(request, "goodloop/person.html", {
        "title": person.display_name,
        "person": person,
        "info": people_service.summary(person),
        "current_roles": [r for r in roles if r.current],
        "past_roles": [r for r in roles if not r.current],
        "timeline": timeline,
    })

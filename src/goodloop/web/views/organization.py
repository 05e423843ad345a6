"""Organization: the people I know there now, and the people who used to work there."""

from django.shortcuts import render

from goodloop.services import pages
from goodloop.services import people as people_service

from .common import not_found_is_404, paginate, query_without


def view(request, pk: int):
    account = request.account
    with not_found_is_404():
        org = pages.organization_for_page(account, pk)
    now = paginate(request, pages.people_there_now(account, org))
    left = paginate(request, pages.people_who_left(account, org), param="past")
    return render(request, "goodloop/organizations/detail.html", {
        "title": org.name,
        "org": org,
        "now": now,
        "now_rows": [people_service.summary(p) for p in now.object_list],
        "left": left,
        "now_query": query_without(request, "page"),
        "left_query": query_without(request, "past"),
    })

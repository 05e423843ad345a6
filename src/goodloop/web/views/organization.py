"""Organization: the people I know there now, the people who used to work there, and the warm
paths in (who to approach, ranked, with the reason)."""


from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from goodloop import clock
from goodloop.helploop import paths
from goodloop.network import people as people_service
from goodloop.network import queries as network_queries

from .common import is_htmx_fragment, not_found_is_404, paginate, query_without

WARM_PATHS_SHOWN = 10


def view(request, pk: int):
    account = request.account
    with not_found_is_404():
        org = network_queries.organization_for_page(account, pk)
    now = paginate(request, network_queries.people_there_now(account, org))
    left = paginate(request, network_queries.people_who_left(account, org), param="past")
    return render(request, "goodloop/organizations/detail.html", {
        "title": org.name,
        "org": org,
        "now": now,
        "now_rows": [people_service.summary(p) for p in now.object_list],
        "left": left,
        "now_query": query_without(request, "page"),
        "left_query": query_without(request, "past"),
    })


def warm_paths(request, pk: int):
    """Ranked warm paths to the organization (paths.who). The organization page loads this with
    htmx once it shows, so the page itself stays as cheap as before; without JavaScript it is a
    page of its own."""
    account = request.account
    with not_found_is_404():
        org = network_queries.organization_for_page(account, pk)
    ranked = paths.who(account, org.name, clock.today(account), limit=WARM_PATHS_SHOWN)
    context = {"title": f"Warm paths to {org.name}", "org": org, "paths": ranked}
    if is_htmx_fragment(request):
        response = render(request, "goodloop/organizations/detail_paths.html", context)
    else:
        response = render(request, "goodloop/organizations/detail_paths_page.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response

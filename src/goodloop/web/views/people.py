"""People: search by name, email, organization or title; filter by organization, tag, tier."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from goodloop.core import rules
from goodloop.core.input_bounds import parse_id
from goodloop.errors import ServiceError
from goodloop.network import people as people_service
from goodloop.network import undelete
from goodloop.web.pages import network as pages

from .common import is_htmx_fragment, paginate, query_without


def view(request):
    account = request.account
    q = request.GET.get("q", "").strip()
    org = request.GET.get("org", "").strip()
    tag = request.GET.get("tag", "").strip()
    tier = request.GET.get("tier", "").strip()
    errors = {}
    try:
        found = people_service.search(account, q, org=org, tag=tag, tier=tier)
    except ServiceError as exc:
        errors[{"org": "organization"}.get(exc.field, exc.field or "q")] = exc.message  # the org filter's field
        found = people_service.search(account).none()
    page = paginate(request, people_service.with_summary_data(found))
    rows = [people_service.summary(p) | {"last_touch": p.last_touch, "organization_id": p.organization_id}
            for p in page.object_list]
    context = {
        "title": "People",
        "page": page,
        "rows": rows,
        "filters": {"q": q, "org": org, "tag": tag, "tier": tier},
        "filtered": bool(q or org or tag or tier),
        "errors": errors,
        "page_query": query_without(request, "page", "deleted"),
    }
    context["fragment"] = is_htmx_fragment(request)
    if context["fragment"]:
        response = render(request, "goodloop/people/_results.html", context)
    else:
        context |= {"tags": pages.tag_names(account), "org_names": pages.organization_names(account),
                    "tiers": rules.TIERS, "undo_minutes": rules.DELETE_UNDO_MINUTES}
        deleted_id = parse_id(request.GET.get("deleted"))
        if deleted_id is not None:  # just deleted someone: offer the undo while it is open
            context["deleted"] = undelete.recent(account, deleted_id)
        response = render(request, "goodloop/people/list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response

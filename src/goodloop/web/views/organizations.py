"""Organizations: everyone's employers, most people I know first, searchable."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from goodloop.network import organizations as organization_service

from .common import is_htmx_fragment, paginate, query_without


def view(request):
    q = request.GET.get("q", "").strip()
    page = paginate(request, organization_service.list_organizations(request.account, q))
    context = {"title": "Organizations", "page": page, "q": q, "page_query": query_without(request, "page")}
    template = "_results.html" if is_htmx_fragment(request) else "list.html"
    response = render(request, f"goodloop/organizations/{template}", context)
    patch_vary_headers(response, ["HX-Request"])
    return response

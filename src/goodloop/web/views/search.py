"""Global search: the header's box on every page (results as you type, htmx) and a plain
results page without JavaScript. The query lives in goodloop.overview.search."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode

from goodloop.overview import search as search_service

from .common import is_htmx_fragment

GROUP_LABELS = {"people": "People", "organizations": "Organizations", "asks": "Asks", "leads": "Leads",
                "introductions": "Introductions"}
_SENTINEL = 987654321


def _links():
    """kind -> (id -> URL), with one reverse per kind rather than one per result."""
    person, org = (reverse(n, args=[_SENTINEL]).split(str(_SENTINEL)) for n in ("person", "organization"))
    asks, leads, intros = reverse("asks"), reverse("leads"), reverse("introductions")
    return {"person": lambda pk: f"{person[0]}{pk}{person[1]}",
            "organization": lambda pk: f"{org[0]}{pk}{org[1]}",
            "ask": lambda pk: f"{asks}?ask={pk}", "lead": lambda pk: f"{leads}#lead-{pk}",
            "introduction": lambda pk: f"{intros}#intro-{pk}"}


def view(request):
    query = request.GET.get("q", "")[:200]
    results = search_service.search(request.account, query)
    links = _links()
    groups = []
    for key in search_service.GROUPS:
        hits = results.groups.get(key, [])
        if not hits:
            continue
        more = ""
        if results.more.get(key) and key in ("people", "organizations"):
            more = reverse(key) + "?" + urlencode({"q": results.query})
        groups.append({"key": key, "label": GROUP_LABELS[key], "more": more,
                       "hits": [{"hit": h, "url": links[h.kind](h.id)} for h in hits]})
    context = {"title": "Search", "query": results.query, "groups": groups, "problem": results.problem,
               "total": results.total, "search_query": results.query}
    fragment = is_htmx_fragment(request)
    response = render(request, "goodloop/search/_results.html" if fragment else "goodloop/search/page.html",
                      context)
    patch_vary_headers(response, ["HX-Request"])
    return response

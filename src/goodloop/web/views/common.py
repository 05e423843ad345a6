"""Helpers every page view shares."""

from contextlib import contextmanager

from django.core.paginator import Paginator
from django.http import Http404

from goodloop.errors import NotFound

PAGE_SIZE = 50


def is_htmx_fragment(request) -> bool:
    """An htmx request that wants only the part of the page it swaps (not a history restore)."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def paginate(request, queryset, param: str = "page", per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get(param))


def query_without(request, *params: str) -> str:
    """The current query string minus `params`, for building page links that keep the filters."""
    query = request.GET.copy()
    for p in params:
        query.pop(p, None)
    return query.urlencode()


@contextmanager
def not_found_is_404():
    try:
        yield
    except NotFound as exc:
        raise Http404(exc.message) from exc

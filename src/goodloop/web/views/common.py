"""Helpers every page view shares."""

from contextlib import contextmanager

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.http import url_has_allowed_host_and_scheme

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


def initial_from_query(request, form_class, prefix: str | None = None) -> dict:
    """A form's initial values from the query string (a link back to a half-filled form)."""
    names = form_class.base_fields
    prefixed = {f"{prefix}-{n}" if prefix else n: n for n in names}
    return {prefixed[k]: v for k, v in request.GET.items() if k in prefixed and v and len(v) <= 2000}


def local_path(value: str | None) -> str:
    """`value` when it is a path on this site ("/asks/?person=…"), else "": a `next` parameter
    never sends anyone to another site."""
    value = (value or "").strip()
    if not value.startswith("/") or value.startswith(("//", "/\\")) or len(value) > 4000:
        return ""
    return value if url_has_allowed_host_and_scheme(value, allowed_hosts=None) else ""

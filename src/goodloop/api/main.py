"""The JSON API: one NinjaAPI with a router per resource, mounted at /api/.

OpenAPI at /api/openapi.json, docs at /api/docs (Swagger UI served from ninja's own
bundled static files: "ninja" is in INSTALLED_APPS, so nothing loads from a CDN)."""

from ninja import NinjaAPI

from . import (
    asks,
    common,
    favors,
    interactions,
    introductions,
    leads,
    loops,
    organizations,
    people,
    requests,
    targets,
    today,
    tokens,
)

api = NinjaAPI(
    title="goodloop API",
    version="1",
    description="People, organizations, targets, interactions, my asks (with the coach), requests made of me, "
                "favors, loops, introductions, leads and today's agenda (done / not now by item key). Authenticate with `Authorization: Bearer TOKEN` "
                "(`goodloop token create`). Lists take `limit` (at most 200) and `offset`.",
    urls_namespace="api",
    auth=common.AUTH,
)
common.install_error_handlers(api)

api.add_router("/people", people.router)
api.add_router("/organizations", organizations.router)
api.add_router("/targets", targets.router)
api.add_router("/interactions", interactions.router)
api.add_router("/asks", asks.router)
api.add_router("/requests", requests.router)
api.add_router("/coach", asks.coach_router)
api.add_router("/favors", favors.router)
api.add_router("/loops", loops.router)
api.add_router("/introductions", introductions.router)
api.add_router("/leads", leads.router)
api.add_router("/today", today.router)
api.add_router("/tokens", tokens.router)

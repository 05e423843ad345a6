"""/api/organizations: list (with how many people I know there), add, show."""

from ninja import Field, Query, Router

from goodloop.network import organizations as org_service
from goodloop.network import queries as network_queries

from . import common

router = Router(tags=["organizations"])


class OrganizationOut(common.Stamped):
    id: int
    name: str
    domain: str
    industry: str
    people_count: int | None = None


class OrganizationIn(common.In):
    name: str = Field(..., min_length=1, max_length=300)


def as_dict(org) -> dict:
    return {"id": org.id, "name": org.name, "domain": org.domain, "industry": org.industry,
            "people_count": getattr(org, "people_count", None), **common.stamps(org)}


@router.get("", response={200: common.page_of(OrganizationOut), **common.ERRORS})
def list_organizations(request, q: str = Query("", max_length=200),
                       limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                       offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    return common.paginate(org_service.list_organizations(request.auth, q), limit, offset, as_dict)


@router.post("", response={201: OrganizationOut, **common.ERRORS})
def add_organization(request, payload: OrganizationIn):
    return 201, as_dict(org_service.get_or_create(request.auth, payload.name))


@router.get("/{org_id}", response={200: OrganizationOut, **common.ERRORS})
def show_organization(request, org_id: int):
    org = network_queries.organization_for_page(request.auth, org_id)
    org.people_count = network_queries.people_there_now(request.auth, org).count()
    return as_dict(org)

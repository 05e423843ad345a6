"""/api/people: list and search, add, show, edit, delete."""

from typing import Literal

from ninja import Field, Query, Router

from goodloop.core import rules
from goodloop.errors import ServiceError
from goodloop.giving import transition
from goodloop.helploop import person_edit
from goodloop.network import deletion
from goodloop.network import people as people_service
from goodloop.network.models import Person
from goodloop.overview import person_detail

from . import common

router = Router(tags=["people"])

Tier = Literal[rules.TIERS]
TrustStage = Literal[rules.TRUST_STAGES]


class PersonOut(common.Stamped):
    id: int
    uid: str = Field(..., description="The person's stable UUID, also the vCard UID (unlike `id`, never reused "
                                      "by another store)")
    name: str
    emails: list[str]
    phones: list[str]
    urls: list[str]
    organization: str | None
    title: str | None
    tier: str
    trust_stage: str
    tags: list[str]


class PersonDetail(PersonOut):
    strength: dict
    ledger: dict
    loops: list[dict]
    interactions: list[dict]
    roles: list[dict]
    needs: list[str]
    met_through: dict | None
    notes: str
    location: str
    how_we_met: str
    cadence_days: int | None
    last_touch: str | None
    connected_on: str | None
    merges: list[dict]


class PersonIn(common.In):
    name: str = Field(..., min_length=1, max_length=300)
    organization: str = Field("", max_length=300)
    title: str = Field("", max_length=300)
    email: str = Field("", max_length=254)
    url: str = Field("", max_length=500)
    phone: str = Field("", max_length=50)
    tier: Tier = "wide"
    tags: list[str] = Field(default_factory=list, max_length=50)


class PersonPatch(common.In):
    name: str | None = Field(None, min_length=1, max_length=300)
    organization: str | None = Field(None, min_length=1, max_length=300)
    title: str | None = Field(None, max_length=300)
    tier: Tier | None = None
    cadence_days: int | None = Field(None, ge=1, le=person_edit.MAX_CADENCE_DAYS)
    trust_stage: TrustStage | None = None
    needs: list[str] | None = Field(None, max_length=50)
    notes: str | None = Field(None, max_length=20000)
    how_we_met: str | None = Field(None, max_length=500)
    location: str | None = Field(None, max_length=200)
    job_seeking: bool | None = None
    emails: list[str] | None = Field(None, max_length=20, description="Replaces every email; the first is primary")
    phones: list[str] | None = Field(None, max_length=20, description="Replaces every phone number")
    urls: list[str] | None = Field(None, max_length=20, description="Replaces every web address (LinkedIn first)")
    tags: list[str] | None = Field(None, max_length=50, description="Replaces every tag")


NOT_NULL = ("name", "tier", "trust_stage", "needs", "job_seeking", "notes", "how_we_met", "location", "emails",
            "phones", "urls", "tags", "organization", "title")


def _summary(account, person_id: int) -> dict:
    qs = people_service.with_summary_data(Person.objects.filter(account=account, id=person_id))
    return common.stamped(people_service.summary)(qs.get())


@router.get("", response={200: common.page_of(PersonOut), **common.ERRORS})
def list_people(request, q: str = Query("", max_length=200), org: str = Query("", max_length=300),
                tag: str = Query("", max_length=100), tier: Tier | None = None,
                limit: int = Query(common.DEFAULT_LIMIT, ge=1, le=common.MAX_LIMIT),
                offset: int = Query(0, ge=0, le=common.MAX_OFFSET)):
    qs = people_service.with_summary_data(people_service.search(request.auth, q, org, tag, tier or ""))
    return common.paginate(qs, limit, offset, common.stamped(people_service.summary))


@router.post("", response={201: PersonOut, **common.ERRORS})
def add_person(request, payload: PersonIn):
    person = people_service.add_person(request.auth, payload.name, org=payload.organization, title=payload.title,
                                       email=payload.email, url=payload.url, tier=payload.tier,
                                       phone=payload.phone, tags=[t for t in payload.tags if t.strip()])
    return 201, _summary(request.auth, person.id)


@router.get("/{person_id}", response={200: PersonDetail, **common.ERRORS})
def show_person(request, person_id: int):
    person = people_service.resolve(request.auth, str(person_id))
    return {**person_detail.detail(request.auth, person), **common.stamps(person)}


@router.patch("/{person_id}", response={200: PersonOut, **common.ERRORS})
def edit_person(request, person_id: int, payload: PersonPatch):
    """Change any of the given fields in one transaction (null leaves a field as it is). A new
    organization keeps the old role as past history; search finds the person by it at once."""
    account = request.auth
    person = people_service.resolve(account, str(person_id))
    changes = {k: v for k, v in payload.model_dump(exclude_unset=True).items()
               if not (k in NOT_NULL and v is None)}
    for field in ("emails", "phones", "urls"):
        if field in changes and any(len(v) > 500 for v in changes[field]):
            raise ServiceError("each value is at most 500 characters", field=field)
    person = person_edit.update(account, person, **changes)
    if changes.get("job_seeking") is not None:  # the monthly check-ins follow the flag
        transition.follow_job_seeking(account, person, changes["job_seeking"])
    return _summary(account, person.id)


@router.delete("/{person_id}", response={204: None, **common.ERRORS})
def delete_person(request, person_id: int):
    deletion.delete_person(request.auth, person_id)
    return 204, None

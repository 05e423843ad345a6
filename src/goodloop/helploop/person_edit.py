"""Editing a person: tier and cadence, needs, trust set by hand, notes, how we met."""

from django.db import transaction

from goodloop.core import rules
from goodloop.errors import ServiceError
from goodloop.helploop import trust
from goodloop.network.models import Person

TEXT_LIMITS = {"notes": 20000, "how_we_met": 500, "location": 200, "display_name": 300}
MAX_CADENCE_DAYS = 3650


@transaction.atomic
def update(account, person: Person, **changes) -> Person:
    """Change the given fields; unknown fields and bad values are refused with the field named."""
    person = Person.objects.select_for_update().get(account=account, id=person.id)
    for field, value in changes.items():
        if field == "tier":
            if value not in rules.TIERS:
                raise ServiceError(f"tier must be one of: {', '.join(rules.TIERS)}", field="tier")
            person.tier = value
        elif field == "cadence_days":
            if value is not None and not (1 <= int(value) <= MAX_CADENCE_DAYS):
                raise ServiceError(f"cadence is 1 to {MAX_CADENCE_DAYS} days, or empty for the tier's",
                                   field="cadence_days")
            person.cadence_days = value
        elif field == "trust_stage":
            trust.set_by_hand(account, person, value)
        elif field == "needs":
            needs = [str(n).strip() for n in value if str(n).strip()]
            if any(len(n) > 300 for n in needs):
                raise ServiceError("each need is at most 300 characters", field="needs")
            person.needs = needs
        elif field == "job_seeking":
            person.job_seeking = bool(value)
        elif field == "met_through":
            if value is not None and (value.account_id != account.id or value.id == person.id):
                raise ServiceError("met through must be someone else you know", field="met_through")
            person.met_through = value
        elif field in TEXT_LIMITS:
            value = (value or "").strip()
            if field == "display_name" and not value:
                raise ServiceError("a person needs a name", field=field)
            if field == "display_name":
                from goodloop.network.people import check_name

                check_name(value, field)
            if len(value) > TEXT_LIMITS[field]:
                raise ServiceError(f"{field.replace('_', ' ')} is at most {TEXT_LIMITS[field]} characters",
                                   field=field)
            setattr(person, field, value)
        else:
            raise ServiceError(f"cannot change {field!r}", field=field)
    person.save()
    if "display_name" in changes:
        from goodloop.network.people import refresh_search_text

        refresh_search_text(person)
    return person


def add_need(account, person: Person, need: str) -> Person:
    """Record something this person is looking for (the agenda may turn it into a give)."""
    return update(account, person, needs=[*(person.needs or []), need])

"""Relationship building: someone met through an introduction gets a follow-up a week after the
meeting, then a monthly check-in for three months, before settling into a tier (essay 002)."""

from dataclasses import dataclass
from datetime import date, timedelta

from goodloop.core import cadence, drafts, rules
from goodloop.network.models import Person
from goodloop.search.models import Introduction


@dataclass(frozen=True)
class Building:
    """A person in their relationship-building rhythm, and what it says is due."""

    person: Person
    introducer: str
    met_on: date
    status: cadence.CadenceStatus

    def draft(self, today: date) -> str:
        first = self.status.last_touch is None or self.status.last_touch < self.met_on + timedelta(
            days=rules.BUILDING_FIRST_FOLLOW_UP_DAYS)
        return drafts.building_follow_up(self.person.display_name, self.met_on, today, self.introducer, first)


def _met(account, when: date, person=None):
    """Introductions to me that ended in a meeting recently enough for the rhythm to still run."""
    since = when - timedelta(days=cadence.building_window_days())
    qs = (Introduction.objects.filter(account=account, introducee__is_me=True, status="met", met_on__gte=since,
                                      met_on__lte=when)
          .select_related("introduced", "introducer").order_by("met_on", "id"))
    return qs.filter(introduced=person) if person is not None else qs


def building(account, when: date, person=None) -> list[Building]:
    """Everyone (or `person`) still in their building rhythm on `when`; once each, the latest
    meeting counting."""
    found: dict[int, Building] = {}
    for intro in _met(account, when, person):
        person = intro.introduced
        if person.tier == "dormant":
            continue
        st = cadence.building_status(intro.met_on, person.last_touch, when, intro.introducer.display_name)
        if st is None:
            found.pop(person.id, None)
        else:
            found[person.id] = Building(person, intro.introducer.display_name, intro.met_on, st)
    return list(found.values())


def status_for(account, person, when: date) -> cadence.CadenceStatus:
    """The person's rhythm on `when`: the building rhythm while it runs, else their tier's cadence."""
    for b in building(account, when, person):
        return b.status
    return cadence.cadence_status(person.tier, person.last_touch, when, person.cadence_days, person.connected_on)

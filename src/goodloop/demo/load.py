"""The demo network: the one fixture builder behind `goodloop demo` and the tests.

`load_demo` fills an empty account with a deterministic, realistic job-search network
(about 250 people across 40 organizations, six months of history before `today`).
It refuses a store that holds the user's own people, so sample people never mix into a
real network, and it is idempotent: loading twice says the demo is already there.
`erase` empties an account (for `demo --reset`), keeping the account and its "me".

Django models are imported inside the functions, so the CLI can import this module
before the store is set up.
"""

from dataclasses import dataclass
from datetime import date

from goodloop import clock
from goodloop.errors import ServiceError

DEMO_FORMAT = "demo"  # the ImportBatch/SourceRecord format that marks demo rows
SEPARATE_HOME = "goodloop --home /tmp/goodloop-demo demo"


@dataclass(frozen=True)
class DemoResult:
    message: str
    people: int
    organizations: int = 0
    interactions: int = 0
    asks: int = 0
    favors: int = 0
    introductions: int = 0
    leads: int = 0
    loops: int = 0
    already_loaded: bool = False


def is_demo(account) -> bool:
    """Whether the account holds the demo network (and nothing but it)."""
    from goodloop.network.models import ImportBatch, Person

    people = Person.objects.filter(account=account, is_me=False)
    return (ImportBatch.objects.filter(account=account, format=DEMO_FORMAT).exists()
            and not people.exclude(source_records__format=DEMO_FORMAT).exists())


def _check_empty(account) -> bool:
    """True if the demo is already loaded; raise if the account holds anything else."""
    from goodloop.helploop.models import Ask
    from goodloop.network.models import ImportBatch, Interaction, Organization, Person
    from goodloop.search.models import Lead, Target

    own = Person.objects.filter(account=account, is_me=False).exclude(source_records__format=DEMO_FORMAT)
    if own.exists():
        raise ServiceError(f"this store holds your own people; try the demo in a separate home: {SEPARATE_HOME}")
    if ImportBatch.objects.filter(account=account, format=DEMO_FORMAT).exists():
        return True
    if any(m.objects.filter(account=account).exists() for m in (Organization, Target, Interaction, Lead, Ask)):
        raise ServiceError(f"this store is not empty; try the demo in a separate home: {SEPARATE_HOME}")
    return False


def load_demo(account, today: date | None = None) -> DemoResult:
    """Load the sample network into an empty account (deterministic for a given `today`)."""
    from django.db import transaction

    from goodloop.demo.build import Builder
    from goodloop.demo.story import story
    from goodloop.network.models import Connection, ImportBatch, Person

    today = today or clock.today(account)
    with transaction.atomic():
        if _check_empty(account):
            people = Person.objects.filter(account=account, is_me=False).count()
            return DemoResult("the demo network is already loaded", people=people, already_loaded=True)
        me = Person.objects.get(pk=account.me_id) if account.me_id else None
        if me is None:
            raise ServiceError("this account has no owner person; it cannot hold the demo")
        account.me = me
        batch = ImportBatch.objects.create(account=account, format=DEMO_FORMAT, filename="goodloop demo",
                                           report={"today": today.isoformat()})
        b = Builder(account, today, batch)
        b.organizations()
        b.people_rows()
        b.met_through()
        pairs = b.connections()
        Connection.objects.bulk_create([Connection(account=account, a=a, b=c, note=note) for a, c, note in pairs])
        b.routine_interactions()
        counts = story(b)
        b.keep_up()
        interactions = b.save_interactions()
        from goodloop.demo.loops import open_demo_loops, score_demo_asks
        from goodloop.overview import check

        counts["loops"] = open_demo_loops(account, today)
        score_demo_asks(account)
        Person.objects.bulk_update(b.people, ["met_through", "how_we_met", "last_touch"], batch_size=500)
        # The builder writes in bulk: its derived fields come from the recompute `goodloop check` uses.
        check.run(account, repair=True)
        me.job_seeking = True
        me.save(update_fields=["job_seeking", "updated"])
        batch.report = {"today": today.isoformat(), "people": len(b.people), "interactions": interactions, **counts}
        batch.save(update_fields=["report"])
    return DemoResult(
        f"loaded the demo network: {len(b.people)} people at {len(b.orgs)} organizations, "
        f"{interactions} interactions, {counts['asks']} asks, {counts['favors']} favors, "
        f"{counts['introductions']} introductions, {counts['leads']} leads",
        people=len(b.people), organizations=len(b.orgs), interactions=interactions, **counts)


def remove_demo(account) -> int:
    """Take the demo network out of a store that holds only it (and what was recorded with its
    people); returns how many people went. A store with people of its own is refused: removing
    the demo must never take the user's own network with it."""
    from goodloop.network.models import ImportBatch, Person

    if not ImportBatch.objects.filter(account=account, format=DEMO_FORMAT).exists():
        raise ServiceError("this store holds no demo network; nothing removed")
    if not is_demo(account):
        raise ServiceError("this store holds people of your own besides the demo; nothing removed")
    people = Person.objects.filter(account=account, is_me=False).count()
    erase(account)
    return people


def erase(account) -> None:
    """Delete every row of the account except the account itself and its "me" person."""
    from django.apps import apps
    from django.db import transaction

    from goodloop.accounts.models import Account
    from goodloop.helploop.models import Ask, Favor, Loop
    from goodloop.network.models import (
        Connection,
        ContactPoint,
        ImportBatch,
        Interaction,
        InteractionPerson,
        Organization,
        Person,
        Role,
        SourceRecord,
        Tag,
    )
    from goodloop.search.models import Brief, Introduction, Lead, LeadStageChange, Target

    # Children first, so each delete is a plain DELETE without cascade look-ups.
    order = (Loop, Favor, Ask, LeadStageChange, Lead, Introduction, Target, Brief, InteractionPerson,
             Interaction, Connection, SourceRecord, ImportBatch, ContactPoint, Role)
    with transaction.atomic():
        Ask.organizations.through.objects.filter(ask__account=account).delete()
        Lead.contributors.through.objects.filter(lead__account=account).delete()
        Person.tags.through.objects.filter(person__account=account).delete()
        for model in order:
            model.objects.filter(account=account).delete()
        # Rows of models added later (any model owned by an account) go too.
        known = {*order, Person, Organization, Tag}
        for model in apps.get_models():
            field = next((f for f in model._meta.fields if f.name == "account"), None)
            if model not in known and field is not None and field.related_model is Account:
                model.objects.filter(account=account).delete()
        Person.objects.filter(account=account, is_me=False).update(met_through=None)
        Person.objects.filter(account=account).exclude(pk=account.me_id).delete()
        Person.objects.filter(account=account, pk=account.me_id).update(
            organization=None, title="", met_through=None, last_touch=None, job_seeking=False)
        Organization.objects.filter(account=account).delete()
        Tag.objects.filter(account=account).delete()


__all__ = ["DemoResult", "load_demo", "erase", "is_demo"]

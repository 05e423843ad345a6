"""What adding a person and logging an interaction cost, and that the cheaper writers leave the
same rows as the general ones they stand in for: a new person's role, contact points, tags and
derived fields written once; trust recomputed for everyone in an interaction at once."""

from datetime import date

import pytest
from django.db import transaction

from goodloop import events
from goodloop.helploop import favors, trust
from goodloop.network import derived, interactions, people
from goodloop.network.models import ContactPoint, Person, Role, Tag
from goodloop.overview import check
from goodloop.search import introductions
from tests.web.network import build

D = date(2026, 3, 2)

# Upper bounds, each the count when it was pinned (SAVEPOINT and RELEASE included: the test runs
# inside a transaction). A writer that needs more has grown: look before raising one.
ADD_PERSON = 9  # email free?, organization, person, contact points, role, tags, their links
LOG_ONE = 9  # interaction, links, last contact, asks answered, trust: people, interactions, stage
LOG_TWO = 10  # the same, and a second stage that moved
MOVE_ROLE = 7  # organization, current roles, end them, new role, emails, last contact, person


def test_adding_a_person_and_logging_cost_a_fixed_number_of_queries(account, django_assert_max_num_queries):
    made = build(account, 20)
    with django_assert_max_num_queries(ADD_PERSON):
        ada = people.add_person(account, "Ada Park", org="Globex", title="Engineer", email="ada@example.org",
                                tags=["alumni"])
    with django_assert_max_num_queries(LOG_ONE):
        interactions.log(account, [ada], "call", "inbound", "wrote back", D)
    with django_assert_max_num_queries(LOG_TWO):
        interactions.log(account, [made[5], made[6]], "meeting", "mutual", "coffee", D)
    with django_assert_max_num_queries(MOVE_ROLE):
        people.set_current_role(account, made[7], "Initech", "Director of Sales", start=D)
    assert check.run(account).total == 0


def _rows(person: Person) -> dict:
    """A person's rows, without ids (PostgreSQL's sequences move on in a rolled-back transaction),
    timestamps or the random uid."""
    person = Person.objects.get(id=person.id)
    fields = ("display_name", "given_name", "family_name", "tier", "search_text", "title", "last_touch",
              "trust_stage", "trust_set_by_hand")
    return {
        "person": {f: getattr(person, f) for f in fields},
        "organization": person.organization.name if person.organization_id else None,
        "points": list(ContactPoint.objects.filter(person=person).order_by("id").values_list("kind", "value", "key",
                                                                                              "label")),
        "roles": list(Role.objects.filter(person=person).order_by("id").values_list("organization__name", "title",
                                                                                    "start", "end", "current")),
        "tags": list(person.tags.through.objects.filter(person=person).order_by("id").values_list("tag__name",
                                                                                                 flat=True)),
    }


class _Undo(Exception):
    pass


def _the_general_way(account, name, org="", title="", email="", url="", tier="wide", phone="", tags=()):
    """What add_person did before it wrote a new person's rows at once: each general writer in turn."""
    given, family = people.split_name(name)
    person = Person.objects.create(account=account, display_name=name, given_name=given, family_name=family,
                                   tier=tier, last_touch=None)
    people.add_contact_point(account, person, ContactPoint.EMAIL, email)
    people.add_contact_point(account, person, ContactPoint.URL, url)
    people.add_contact_point(account, person, ContactPoint.PHONE, phone)
    if org:
        people.set_current_role(account, person, org, title)
    if not org and title:
        person.title = title
    for tag in tags:
        person.tags.add(Tag.objects.get_or_create(account=account, name=tag.strip())[0])
    derived.refresh(person)
    return person


@pytest.mark.parametrize("kwargs", [
    {},
    {"org": "eBay Inc.", "title": "Product Manager", "email": " Ada@Example.org ", "tags": ["alumni", "friend"]},
    {"org": "ebay", "url": "linkedin.com/in/ada-park", "phone": "+1 (555) 0100", "tier": "core"},
    {"org": "Brand New Robotics", "title": ""},
    {"title": "Freelance designer", "email": "ada@example.org", "tags": [" alumni ", "alumni", "new tag"]},
    {"org": "   ", "title": "Dropped with the blank organization"},
])
def test_a_new_person_gets_the_rows_the_general_writers_would_give_them(account, kwargs):
    people.add_person(account, "Bo Chen", org="eBay Inc.", tags=["alumni"])  # an organization and a tag exist
    name = "Ada María Park"
    with pytest.raises(_Undo), transaction.atomic():
        expected = _rows(_the_general_way(account, name, **kwargs))
        raise _Undo
    added = people.add_person(account, name, **kwargs)
    assert _rows(added) == expected
    assert (added.organization.name if added.organization_id else None) == expected["organization"]
    if kwargs.get("org", "").strip():  # the face says when naming the organization created it
        assert getattr(added.organization, "created_now", False) == (kwargs["org"] == "Brand New Robotics")
    assert check.run(account).total == 0


def test_trust_for_everyone_in_an_interaction_follows_each_ones_evidence(account):
    ana = people.add_person(account, "Ana Ruiz", org="Globex")
    bo = people.add_person(account, "Bo Chen", org="Acme")
    cy = people.add_person(account, "Cy Diaz", org="Initech")
    dee = people.add_person(account, "Dee Moss", org="Umbrella Labs")
    favors.record(account, ana, "received", "referral", note="referred me", when=D)  # advocate
    favors.record(account, bo, "given", "advice", note="CV review", when=D)
    introductions.record(account, ana, account.me, cy, "product roles", "made", D)  # cy was introduced
    interactions.log(account, [bo], "call", "mutual", "first call", D)
    trust.set_by_hand(account, Person.objects.get(id=dee.id), "acquainted")
    before = {p.id: p.trust_stage for p in Person.objects.filter(id__in=[ana.id, bo.id, cy.id, dee.id])}

    interactions.log(account, [ana, bo, cy, dee, account.me], "event", "outbound", "a talk we all went to", D)
    for person in Person.objects.filter(id__in=before):
        result = trust.evaluate(account, person)  # the stage evidence supports, from the stored one
        assert (person.trust_stage, person.trust_set_by_hand) == (result.stage, result.manual), person
    assert stages(before) == {"Ana Ruiz": ("advocate", False), "Bo Chen": ("rapport", False),
                              "Cy Diaz": ("introduced", False), "Dee Moss": ("acquainted", True)}

    interactions.log(account, [cy, dee], "meeting", "mutual", "lunch", D)
    assert stages([cy.id, dee.id]) == {"Cy Diaz": ("acquainted", False), "Dee Moss": ("acquainted", True)}


def stages(ids) -> dict:
    return {name: (stage, by_hand) for name, stage, by_hand in Person.objects.filter(id__in=list(ids))
            .values_list("display_name", "trust_stage", "trust_set_by_hand")}


def test_an_interaction_logged_without_its_people_named_reads_them_from_the_links(account):
    ana = people.add_person(account, "Ana Ruiz", org="Globex")
    with transaction.atomic():
        interaction = interactions.log(account, [ana], "email", "outbound", "said hello", D)
        interaction.people.through.objects.create(account=account, interaction=interaction, person=ana)
        interaction.direction = "mutual"
        interaction.save()
        assert interactions.logged_with(events.InteractionLogged(interaction)) == (ana.id, ana.id)
        events.emit(events.InteractionLogged(interaction))
    assert Person.objects.get(id=ana.id).trust_stage == "acquainted"

"""Every page on the demo network: it renders, and its query count is small and fixed."""

import pytest
from django.urls import reverse

from goodloop.network.models import Organization, Person
from goodloop.search.models import Target
from goodloop.web.context import NAV
from tests.web.network import queries_for

# Upper bounds per page on the demo network; the two-size tests in each page's file prove they
# do not grow with the data.
# Today ranks the whole agenda (~15 queries) and Person shows strength, ledger, trust evidence,
# loops, merges and the merged timeline (~23); both are equal at two data sizes in their own tests.
# Today reads loops, asks with their 3B7 second contacts (one batch of warm paths), gives, check-ins,
# lead steps, the introduction-building rhythm, the reconnect list and snoozes: a fixed number of queries, whatever the network size.
BOUNDS = {"today": 30, "people": 9, "person": 24, "organizations": 5, "organization": 10, "targets": 6}


@pytest.mark.django_db
def test_every_page_renders_on_the_demo_with_a_bounded_query_count(client, demo):
    person = Person.objects.filter(account=demo, is_me=False).order_by("id").first()
    target = Target.objects.filter(account=demo).order_by("priority").first()
    assert target is not None, "the demo network has a target list"
    org = Organization.objects.get(pk=target.organization_id)
    urls = {
        "today": reverse("today"),
        "people": reverse("people") + "?q=a&page=2",
        "person": reverse("person", args=[person.id]),
        "organizations": reverse("organizations"),
        "organization": reverse("organization", args=[org.id]),
        "targets": reverse("targets"),
    }
    for name, url in urls.items():
        assert queries_for(client, url) <= BOUNDS[name], name
    for section in NAV:
        assert client.get(reverse(section.key)).status_code == 200


@pytest.mark.django_db
def test_targets_page_on_the_demo_shows_people_at_targets(client, demo):
    html = client.get(reverse("targets")).content.decode()
    assert html.count('class="panel target"') == Target.objects.filter(account=demo).count()
    assert "You know" in html

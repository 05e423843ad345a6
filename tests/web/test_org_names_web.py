"""The web's forms name organizations the way the CLI and API do (one function underneath): one
match is used, several are an error next to the field, a new one is said to be new; targets added
at a taken priority push the others down (issue 15 items 4-5)."""

from goodloop.network import people
from goodloop.network.models import Organization
from goodloop.search.models import Lead, Target


def _orgs(account):
    people.add_person(account, "Greta Holm", org="Northwind Analytics")
    people.add_person(account, "Lise Dahl", org="Northstar Freight")


def test_target_form(client, account):
    _orgs(account)
    r = client.post("/targets/", {"organization": "northwind", "status": "researching"}, follow=True)
    assert "Northwind Analytics is on your target list at priority 1." in r.content.decode()
    r = client.post("/targets/", {"organization": "North", "status": "researching"})
    html = r.content.decode()
    assert r.status_code == 400 and "names several organizations: Northstar Freight, Northwind Analytics" in html
    r = client.post("/targets/", {"organization": "Lantern Robotics", "priority": 1, "status": "researching"},
                    follow=True)
    assert "Lantern Robotics (a new organization) is on your target list at priority 1." in r.content.decode()
    assert list(Target.objects.order_by("priority").values_list("organization__name", "priority")) == [
        ("Lantern Robotics", 1), ("Northwind Analytics", 2)]
    assert Organization.objects.count() == 3


def test_lead_form(client, account):
    _orgs(account)
    r = client.post("/leads/", {"organization": "freight", "title": "Dispatcher", "stage": "identified"}, follow=True)
    assert "Added Dispatcher at Northstar Freight." in r.content.decode()
    r = client.post("/leads/", {"organization": "nORTH", "title": "Analyst", "stage": "identified"})
    assert r.status_code == 400 and "names several organizations" in r.content.decode()
    r = client.post("/leads/", {"organization": "Quillfeather Press", "title": "Editor", "stage": "identified"},
                    follow=True)
    assert "Added Editor at Quillfeather Press (a new organization)." in r.content.decode()
    assert Lead.objects.count() == 2 and Organization.objects.count() == 3


def test_people_filter(client, account):
    _orgs(account)
    html = client.get("/people/", {"org": "northwind"}).content.decode()
    assert "Greta Holm" in html and "Lise Dahl" not in html
    html = client.get("/people/", {"org": "north"}).content.decode()
    assert "names several organizations" in html and "Greta Holm" not in html

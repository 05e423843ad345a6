"""`goodloop check` (issue 12, item 4): derived fields recomputed from the records; drift reported
and repaired; none on the demo."""

import json
from datetime import date

from goodloop.network import interactions, people
from goodloop.network.models import Organization, Person


def test_the_demo_has_no_drift(cli, demo):
    code, out, err = cli("check", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["checked"] > 200 and result["drift"] == 0


def test_drift_in_each_field_is_reported_then_repaired(cli, account):
    ada = people.add_person(account, "Ada Park", org="Northwind Analytics", title="Analyst", email="ada@northwind.example")
    bo = people.add_person(account, "Bo Chen", org="Bluefin Health")
    cy = people.add_person(account, "Cy Diaz", org="Acme")
    interactions.log(account, [cy], "call", "mutual", "Caught up on the team's hiring", date(2026, 11, 20))
    # Three writers that forgot a derived field:
    Person.objects.filter(id=ada.id).update(search_text="ada park")
    Person.objects.filter(id=bo.id).update(organization=Organization.objects.get(name="Acme"))
    Person.objects.filter(id=cy.id).update(last_touch=date(2026, 1, 1))

    code, out, _ = cli("check", "--json")
    assert code == 1
    fields = json.loads(out)["fields"]
    # Bo's search text follows the organization stored on him, so it drifted too.
    assert fields == {"search_text": [ada.id, bo.id], "current_role": [bo.id], "last_contact": [cy.id]}
    code, out, _ = cli("check")
    assert code == 1 and "4 drifted field(s)" in out

    code, out, _ = cli("check", "--repair")
    assert code == 0 and "(repaired)" in out
    ada.refresh_from_db(), bo.refresh_from_db(), cy.refresh_from_db()
    assert "northwind analytics" in ada.search_text and "ada@northwind.example" in ada.search_text
    assert bo.organization.name == "Bluefin Health" and "bluefin health" in bo.search_text
    assert cy.last_touch == date(2026, 11, 20)
    code, out, _ = cli("check", "--json")
    assert code == 0 and json.loads(out)["drift"] == 0


def test_a_later_touch_than_any_record_is_not_drift(cli, account):
    """Triage touches without a dated record: last contact may be later, never earlier."""
    dee = people.add_person(account, "Dee Evans")
    interactions.touch(account, [dee.id], date(2026, 12, 1))
    code, out, _ = cli("check", "--json")
    assert code == 0 and json.loads(out)["drift"] == 0

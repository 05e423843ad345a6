"""Person page, the help loop: one timeline of everything, ledger, strength, trust, rhythm, needs,
open loops with drafts and done, and merge history with undo."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks, favors
from goodloop.helploop.models import Loop
from goodloop.network import interactions, people
from goodloop.network import queries as network_queries
from goodloop.network.models import Person
from goodloop.search import introductions
from goodloop.transfer import merge
from tests.web.network import build, grow, queries_for

TODAY = date.today()


@pytest.fixture
def ana(account):
    ana = people.add_person(account, "Ana Diaz", org="eBay", title="PMM", tier="close")
    bo = people.add_person(account, "Bo Chen", org="Acme")
    interactions.log(account, [ana], "meeting", "mutual", "Coffee at Blue Bottle", TODAY - timedelta(days=20))
    asks.make(account, ana, "Could you introduce me to a PMM at American Express? Thanks!",
              when=TODAY - timedelta(days=15))
    favors.record(account, ana, "received", "introduction", note="introduced me to Bo", when=TODAY - timedelta(days=10))
    favors.record(account, ana, "given", "share", note="sent her a design article", when=TODAY - timedelta(days=5))
    me = Person.objects.get(account=account, is_me=True)
    introductions.record(account, ana, me, bo, purpose="PMM chat", when=TODAY - timedelta(days=12))
    return ana


def page(client, person) -> str:
    response = client.get(reverse("person", args=[person.id]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_timeline_holds_asks_favors_loops_and_introductions_newest_first(client, ana):
    html = page(client, ana)
    timeline = html.split('id="h-timeline"')[1]
    assert "1 interaction · 1 ask · 2 favors · 2 loops · 1 introduction" in timeline
    order = [timeline.index(s) for s in ("sent her a design article", "introduced me to Bo", "PMM chat",
                                         "introduce me to a PMM at American Express", "Coffee at Blue Bottle")]
    assert order == sorted(order)
    dates = re.findall(r'<time datetime="([\d-]+)">', timeline)
    assert dates == sorted(dates, reverse=True)
    assert "Favor received</span>" in timeline and "Favor given</span>" in timeline
    assert "Thank loop</span>" in timeline and "introduced you to <a" in timeline
    assert re.search(r'id="favor-\d+"', timeline)


@pytest.mark.django_db
def test_ledger_strength_trust_and_rhythm(client, ana):
    html = page(client, ana)
    ledger = html.split('id="h-ledger"')[1].split("</section>")[0]
    assert re.search(r'Given</th><td class="num">0.5</td><td class="num">0.5</td>', ledger)
    assert re.search(r'Received</th><td class="num">3</td><td class="num">3</td>', ledger)
    assert re.search(r'Balance</th><td class="num">2.5</td><td class="num">2.5</td>', ledger)
    assert "Last 180 days" in ledger
    strength = html.split('id="h-strength"')[1].split("</section>")[0]
    for name in ("Interactions", "Reciprocity", "Age"):
        assert f"<strong>{name}</strong>" in strength
    assert strength.count('<p class="help">') == 3
    rhythm = html.split('id="h-rhythm"')[1].split("</section>")[0]
    assert "Next check-in" in rhythm and "close tier" in rhythm and "every 30 days" in rhythm
    assert re.search(r'<p class="help">[^<]*(rapport|acquainted|favor|meeting|call)', rhythm)


@pytest.mark.django_db
def test_open_loops_have_drafts_copy_and_done(client, ana):
    html = page(client, ana)
    loops = html.split('id="h-loops"')[1].split("</section>")[0]
    thank = Loop.objects.get(person=ana, kind="thank")
    assert "2 open loops" in loops and f'id="open-loop-{thank.id}"' in loops
    assert re.search(rf'<textarea id="loop-draft-{thank.id}"[^>]*>[^<]*Ana', loops)
    assert f'data-copy="loop-draft-{thank.id}"' in loops
    response = client.post(reverse("loop_close", args=[thank.id]), {"action": "done", "remove": "1"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="agenda-status"' in response.content.decode()
    thank.refresh_from_db()
    assert thank.status == "done"
    assert f'id="open-loop-{thank.id}"' not in page(client, ana)


@pytest.mark.django_db
def test_change_tier_and_cadence(client, ana):
    url = reverse("person_rhythm", args=[ana.id])
    response = client.post(url, {"tier": "core", "cadence_days": "10"})
    assert response.status_code == 302
    ana.refresh_from_db()
    assert (ana.tier, ana.cadence_days) == ("core", 10)
    html = page(client, ana)
    assert "Keep-in-touch rhythm saved." in html and "override: every 10 days" in html
    response = client.post(url, {"tier": "core", "cadence_days": ""})
    ana.refresh_from_db()
    assert ana.cadence_days is None


@pytest.mark.django_db
@pytest.mark.parametrize("url_name, data, field, message", [
    ("person_rhythm", {"tier": "bestie"}, "tier", "Select a valid choice"),
    ("person_rhythm", {"tier": "core", "cadence_days": "0"}, "cadence_days", "greater than or equal to 1"),
    ("person_rhythm", {"tier": "core", "cadence_days": "often"}, "cadence_days", "Enter a whole number."),
    ("person_trust", {"trust_stage": "bff"}, "trust_stage", "Select a valid choice"),
    ("person_needs", {"need": ""}, "need", "This field is required."),
    ("person_needs", {"need": "x" * 301}, "need", "at most 300 characters"),
])
def test_edit_errors_are_shown_next_to_the_field(client, ana, url_name, data, field, message):
    response = client.post(reverse(url_name, args=[ana.id]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Ana Diaz</h1>" in html
    block = html.split(f'<label for="id_{field}">')[1].split('<div class="field')[0]
    assert f'<p class="field-error" id="id_{field}_error">' in block and message in block


@pytest.mark.django_db
def test_set_trust_by_hand_shows_the_reason(client, ana):
    response = client.post(reverse("person_trust", args=[ana.id]), {"trust_stage": "advocate"})
    assert response.status_code == 302
    html = page(client, ana)
    assert "trust: advocate" in html.lower() and "set by hand" in html and "Set by hand to advocate." in html


@pytest.mark.django_db
def test_add_and_remove_needs(client, ana):
    url = reverse("person_needs", args=[ana.id])
    client.post(url, {"need": "a designer for her side project"})
    client.post(url, {"need": "intros to fintech founders"})
    ana.refresh_from_db()
    assert ana.needs == ["a designer for her side project", "intros to fintech founders"]
    html = page(client, ana)
    assert '<input type="hidden" name="remove" value="1">' in html
    client.post(url, {"remove": "0"})
    ana.refresh_from_db()
    assert ana.needs == ["intros to fintech founders"]


@pytest.mark.django_db
def test_merge_history_and_undo(client, ana):
    twin = people.add_person(ana.account, "Ana D.", email="ana@example.org")
    merge.merge_people(ana.account, ana, twin)
    html = page(client, ana)
    record = network_queries.merge_history(ana.account, ana)[0]
    assert "<strong>Ana D.</strong> was merged in" in html and f'action="/merges/{record.id}/undo/"' in html
    response = client.post(reverse("merge_undo", args=[record.id]))
    assert response.status_code == 302 and response["Location"] == reverse("person", args=[ana.id])
    assert Person.objects.filter(id=twin.id).exists()
    html = page(client, ana)
    assert "Merge undone: Ana D. is a separate person again." in html and "Merged records" not in html
    response = client.post(reverse("merge_undo", args=[record.id]))
    assert "already undone" in page(client, ana)


@pytest.mark.django_db
def test_the_favor_form_on_the_person_page(client, ana):
    html = page(client, ana)
    form = html.split('id="h-favor"')[1].split("</form>")[0]
    assert f'action="{reverse("favor_new")}"' in form
    assert f'<input type="hidden" name="person" value="#{ana.id} Ana Diaz">' in form
    assert f'<input type="hidden" name="next" value="/people/{ana.id}/">' in form


@pytest.mark.django_db
def test_another_accounts_person_edits_are_404(client, ana):
    other = Account.objects.create(name="other")
    zed = people.add_person(other, "Zed Outsider", tier="wide")
    twin = people.add_person(other, "Zed O.")
    merge.merge_people(other, zed, twin)
    for name, data in (("person_rhythm", {"tier": "core"}), ("person_trust", {"trust_stage": "advocate"}),
                       ("person_needs", {"need": "x"})):
        assert client.post(reverse(name, args=[zed.id]), data).status_code == 404
    record = network_queries.merge_history(other, zed)[0]
    assert client.post(reverse("merge_undo", args=[record.id])).status_code == 404
    zed.refresh_from_db()
    assert (zed.tier, zed.trust_stage, zed.needs) == ("wide", "stranger", [])
    assert not Person.objects.filter(id=twin.id).exists()


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_help_loop(client, account):
    made = build(account, 20)
    p = made[5]
    asks.make(account, p, "Could you introduce me to a PMM at eBay? Thanks!", when=date(2025, 2, 1))
    favors.record(account, p, "received", "referral", when=date(2025, 2, 3))
    url = reverse("person", args=[p.id])
    small = queries_for(client, url)
    grow(account, 180)
    for i in range(10):
        asks.make(account, p, f"Could you introduce me to designer {i} at Acme? Thanks!", when=date(2025, 3, 1))
        favors.record(account, p, "given", "share", when=date(2025, 3, 2))
        favors.record(account, made[i], "received", "advice", when=date(2025, 3, 2))
    assert queries_for(client, url) == small <= 24, small

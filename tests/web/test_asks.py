"""Asks: the list by status, writing an ask with the live coach (htmx), saving, status buttons."""

import re
from datetime import date

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.helploop import asks, favors
from goodloop.helploop.models import Ask
from goodloop.network import people
from goodloop.search import targets
from tests.web.network import build, grow, queries_for

URL = reverse("asks")
COACH = reverse("ask_coach")
HX = {"HTTP_HX_REQUEST": "true"}
VAGUE = "Do you know any companies I should target? Let me know if you hear of anything."


@pytest.fixture
def ana(account):
    targets.add_target(account, "eBay", priority=1)
    targets.add_target(account, "American Express", priority=2)
    return people.add_person(account, "Ana Diaz", org="eBay", title="Product Marketing Manager", tier="close")


def field_block(html: str, name: str) -> str:
    return html.split(f'<label for="id_{name}">')[1].split('<div class="field')[0]


@pytest.mark.django_db
def test_the_page_has_the_form_wired_to_the_live_coach(client, ana):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Asks</h1>" in html
    text = re.search(r"<textarea[^>]*name=\"text\"[^>]*>", html).group(0)
    assert f'hx-post="{COACH}"' in text and 'hx-trigger="input changed delay:400ms' in text
    assert 'hx-target="#coach"' in text and 'hx-include="closest form"' in text
    person = re.search(r'<input[^>]*name="person"[^>]*>', html).group(0)
    assert 'list="people-options"' in person and f'hx-get="{reverse("people_options")}"' in person
    assert "Start typing your ask" in html


@pytest.mark.django_db
def test_the_coach_partial_scores_a_vague_ask_with_findings_principles_and_a_rewrite(client, ana):
    response = client.post(COACH, {"text": VAGUE, "person": f"#{ana.id} Ana Diaz", "kind": ""}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # a partial
    score = int(re.search(r"<strong>Score (\d+) / 100</strong>", html).group(1))
    assert score < 50 and "too vague to act on" in html
    assert 'class="finding code-vague_chestnut"' in html and 'class="finding code-no_org"' in html
    assert re.search(r'<span class="principle" title="Principle P1">P1</span>', html)
    rewrite = re.search(r'<blockquote id="coach-rewrite">([^<]+)</blockquote>', html).group(1)
    assert "eBay" in rewrite
    assert 'data-rewrite-source="coach-rewrite" data-rewrite-target="id_text"' in html and "Use this rewrite" in html
    assert not Ask.objects.exists()  # the coach saves nothing


@pytest.mark.django_db
def test_the_coach_shows_the_over_asking_guard_with_a_give_suggestion(client, ana):
    ana.needs = ["a designer for her side project"]
    ana.save()
    for _ in range(2):
        asks.make(ana.account, ana, "Could you introduce me to a PMM at American Express? Thanks!")
    html = client.post(COACH, {"text": "Could you introduce me to a product marketing manager at eBay?",
                               "person": str(ana.id)}, **HX).content.decode()
    assert "Over-asking guard: Ana Diaz (P4)" in html and 'role="alert"' in html
    assert "Give instead:" in html and "a designer for her side project" in html


@pytest.mark.django_db
def test_the_coach_shows_the_trust_gate_for_a_referral_to_a_stranger(client, ana):
    stranger = people.add_person(ana.account, "Sam Stranger", org="American Express")
    html = client.post(COACH, {"text": "Would you refer me for the product marketing role at American Express?",
                               "person": str(stranger.id), "kind": "referral"}, **HX).content.decode()
    assert "Trust gate (P5)" in html and "stranger" in html


@pytest.mark.django_db
def test_the_coach_with_no_text_asks_you_to_start(client, ana):
    html = client.post(COACH, {"text": "  "}, **HX).content.decode()
    assert "Start typing your ask" in html and "Score" not in html


@pytest.mark.django_db
def test_save_an_ask(client, ana):
    response = client.post(URL, {"person": f"#{ana.id} Ana Diaz · eBay", "kind": "introduction",
                                 "text": "Could you introduce me to one or two product marketing managers at "
                                         "American Express? 20 minutes of their insight would help. Thank you!",
                                 "organizations": "American Express", "status": "sent", "date": "2025-03-03"})
    assert response.status_code == 302 and response["Location"] == URL
    ask = Ask.objects.get()
    assert (ask.person, ask.kind, ask.status, ask.date) == (ana, "introduction", "sent", date(2025, 3, 3))
    assert [o.name for o in ask.organizations.all()] == ["American Express"]
    html = client.get(URL).content.decode()
    assert f"Saved your ask to Ana Diaz (score {ask.score}, sent)." in html
    row = html.split(f'<tr id="ask-{ask.id}">')[1].split("</tr>")[0]
    assert "Ana Diaz</a>" in row and "Introduction" in row and "About American Express" in row
    assert f">{ask.score}</span>" in row and ">Sent</span>" in row


@pytest.mark.django_db
@pytest.mark.parametrize("data, field, message", [
    ({"person": "Nobody Known", "text": "Hello?"}, "person", "No one called Nobody Known — add Nobody Known?"),
    ({"person": "", "text": "Hello?"}, "person", "This field is required."),
    ({"person": "me", "text": "Hello?"}, "person", "name someone else"),
    ({"person": "Ana", "text": ""}, "text", "This field is required."),
    ({"person": "Ana", "text": "Hello?", "kind": "bribe"}, "kind", "Select a valid choice"),
    ({"person": "Ana", "text": "Hello?", "date": "03/03/2025"}, "date", "Enter a date as YYYY-MM-DD"),
])
def test_errors_are_shown_next_to_the_field(client, ana, data, field, message):
    response = client.post(URL, {"status": "sent", **data})
    assert response.status_code == 400
    block = field_block(response.content.decode(), field)
    assert f'<p class="field-error" id="id_{field}_error">' in block and message in block
    assert re.search(rf'<(input|select|textarea)[^>]*name="{field}"[^>]*aria-invalid="true"', block)
    assert not Ask.objects.exists()


@pytest.mark.django_db
def test_an_ambiguous_name_lists_the_candidates_next_to_the_field(client, ana):
    people.add_person(ana.account, "Ana Dias", org="Acme")
    response = client.post(URL, {"person": "Ana Di", "text": "Hello?", "status": "sent"})
    block = field_block(response.content.decode(), "person")
    assert "matches 2 people" in block and "use an id or email" in block


@pytest.mark.django_db
def test_people_picker_options(client, ana):
    html = client.get(reverse("people_options"), {"person": "ana"}, **HX).content.decode()
    assert f'<option value="#{ana.id} Ana Diaz · eBay">' in html


@pytest.mark.django_db
def test_status_buttons_change_the_status_and_return_the_row(client, ana):
    ask = asks.make(ana.account, ana, "Could you introduce me to a PMM at eBay? Thanks!").ask
    response = client.post(reverse("ask_status", args=[ask.id]), {"status": "answered"}, **HX)
    assert response.status_code == 200
    row = response.content.decode()
    assert row.strip().startswith(f'<tr id="ask-{ask.id}">') and ">Answered</span>" in row
    assert 'value="answered"' not in row and 'value="declined"' in row
    assert Ask.objects.get(id=ask.id).status == "answered"
    response = client.post(reverse("ask_status", args=[ask.id]), {"status": "lost"}, **HX)
    assert "Select a valid choice" in response.content.decode()
    assert Ask.objects.get(id=ask.id).status == "answered"


@pytest.mark.django_db
def test_filter_by_status(client, ana):
    sent = asks.make(ana.account, ana, "Could you introduce me to a PMM at eBay? Thanks!").ask
    done = asks.make(ana.account, ana, "Could you review my resume for PMM roles at eBay? Thanks!").ask
    asks.set_status(ana.account, done.id, "done")
    html = client.get(URL, {"status": "done"}).content.decode()
    assert f'id="ask-{done.id}"' in html and f'id="ask-{sent.id}"' not in html
    assert '<a href="?status=done" aria-current="true">Done</a>' in html
    assert "No asks are no reply." in client.get(URL, {"status": "no_reply"}).content.decode()


@pytest.mark.django_db
def test_another_accounts_asks_are_404_and_never_listed(client, ana):
    other = Account.objects.create(name="other")
    zed = people.add_person(other, "Zed Outsider")
    theirs = asks.make(other, zed, "Any openings?").ask
    assert client.post(reverse("ask_status", args=[theirs.id]), {"status": "done"}).status_code == 404
    assert Ask.objects.get(id=theirs.id).status == "sent"
    assert "Zed Outsider" not in client.get(URL).content.decode()
    response = client.post(URL, {"person": str(zed.id), "text": "Hi?", "status": "sent"})
    assert response.status_code == 400 and "no person with id" in response.content.decode()
    assert "Zed" not in client.get(reverse("people_options"), {"person": "zed"}).content.decode()


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    for p in made[:5]:
        asks.make(account, p, "Could you introduce me to a PMM at eBay? Thanks!", org_names=["eBay"])
    small = queries_for(client, URL)
    grow(account, 180)
    for p in made[5:20]:
        asks.make(account, p, "Could you introduce me to a designer at Acme? Thanks!", org_names=["Acme", "Globex"])
        favors.record(account, p, "received", "advice")
    assert queries_for(client, URL) == small <= 8, small


@pytest.mark.django_db
def test_a_good_ask_looks_good_and_gets_no_rewrite(client, ana):
    text = "Would you introduce me to a product designer at Figma for a 20-minute chat? Thanks!"
    html = client.post(COACH, {"text": text, "person": "", "kind": ""}, **HX).content.decode()
    assert int(re.search(r"<strong>Score (\d+) / 100</strong>", html).group(1)) >= 85
    assert "coach-rewrite" not in html and ("Looks good" in html or "No findings" in html)


@pytest.mark.django_db
def test_an_answered_ask_shows_why_it_closed(client, account):
    from goodloop.network import interactions

    tess = people.add_person(account, "Tess Replier", org="Quarry Labs")
    asks.make(account, tess, "Could you tell me how Quarry Labs hires product marketers?", when=date(2025, 3, 3))
    interactions.log(account, [tess], "email", "inbound", "Happy to help", date(2025, 3, 5))
    html = client.get(reverse("asks")).content.decode()
    assert "Tess Replier wrote back (email, 2025-03-05)" in html and "Mar 5, 2025" in html

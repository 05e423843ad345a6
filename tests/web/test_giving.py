"""Giving: requests made of me with the coach's reading, paste or type one in, the four triage
paths and their drafts, the weekly budget and its warning, promises kept with the ledger change."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from goodloop.accounts.models import Account
from goodloop.core.giver import ACCEPT_DUE_DAYS
from goodloop.giving import capacity, requests
from goodloop.helploop import trust
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network import people
from goodloop.overview import agenda
from tests.web.giver_data import SPECIFIC, VAGUE, giver_rows
from tests.web.network import build, grow, queries_for

URL = reverse("giving")
HX = {"HTTP_HX_REQUEST": "true"}
TODAY = date.today()


@pytest.fixture
def ana(account):
    ana = people.add_person(account, "Ana Diaz", org="eBay", title="Designer", email="ana@example.org")
    trust.set_by_hand(account, ana, "acquainted")  # someone I know: no trust gate on an introduction
    return ana


@pytest.fixture
def bo(account):
    return people.add_person(account, "Bo Chen", org="Acme", title="Product Marketing Manager")


def record(person, text=SPECIFIC):
    return requests.record(person.account, person, text).ask


def triage_url(ask):
    return reverse("giving_triage", args=[ask.id])


def card_of(html, ask):
    return html.split(f'id="request-{ask.id}"')[1].split("</article>")[0]


@pytest.mark.django_db
def test_requests_open_first_with_reading_and_status(client, ana, bo):
    old = record(bo)
    requests.triage(bo.account, old.id, "decline")
    new = record(ana, VAGUE)
    html = client.get(URL + "?show=all").content.decode()
    assert html.index(f'id="request-{new.id}"') < html.index(f'id="request-{old.id}"')  # open first
    card = card_of(html, new)
    assert "Ana Diaz" in card and VAGUE in card and "Waiting for your answer" in card
    assert f'datetime="{TODAY.isoformat()}"' in card
    assert re.search(r'score-pill band-weak[^>]*>\d+<', card) and "Too vague to act on yet" in card
    assert "They name no organization" in card  # a finding, worded for the giver
    assert "Declined kindly" in card_of(html, old)
    assert f'id="request-{old.id}"' not in client.get(URL).content.decode()  # the Open tab


@pytest.mark.django_db
def test_each_path_shows_its_draft_before_answering(client, ana):
    ask = record(ana)
    card = card_of(client.get(URL).content.decode(), ask)
    for action, words in (("accept", "yes - glad to help"), ("smaller", "I can&#x27;t take on"),
                          ("redirect", "is much better placed"), ("decline", "thank you for thinking of me")):
        block = card.split(f'id="preview-{ask.id}-{action}"')[1].split("</textarea>")[0]
        assert words in block, action
        assert f'data-copy="draft-{ask.id}-{action}"' in card
    assert "Accept and promise" in card and "Decline kindly" in card


@pytest.mark.django_db
def test_paste_a_vague_request_shows_sender_reading_and_clarifying_draft(client, ana):
    message = ("From: Ana Diaz <ana@example.org>\nDate: " + TODAY.isoformat() + "\n\nHi there,\n\n"
               "Do you know any companies I should target? Anyone in your network really.\n\nThanks,\nAna")
    response = client.post(reverse("giving_paste"), {"message": message})
    ask = Ask.objects.get(direction="received")
    assert response.status_code == 302 and f"recorded={ask.id}" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    panel = html.split('id="recorded"')[1].split("</section>")[0]
    assert 'class="sender">Ana Diaz · eBay' in panel
    assert "Do you know any companies I should target?" in panel and "Hi there" not in panel
    assert "Too vague to act on yet" in panel
    draft = panel.split('id="recorded-draft"')[1].split("</textarea>")[0]
    assert "Which two or three companies are you focusing on?" in draft
    assert 'data-copy="recorded-draft"' in panel


@pytest.mark.django_db
def test_paste_from_someone_new_adds_them(client, account):
    message = "Lee Park sent the following message at 10:14 AM\nCould you look over my resume? Thanks!\nLee"
    response = client.post(reverse("giving_paste"), {"message": message})
    assert response.status_code == 302
    ask = Ask.objects.get(direction="received")
    assert ask.person.display_name == "Lee Park" and ask.kind == "resume_feedback"


@pytest.mark.django_db
def test_paste_errors_are_next_to_the_field(client, account):
    response = client.post(reverse("giving_paste"), {"message": "   "})
    assert response.status_code == 400
    assert 'id="paste-message_error"' in response.content.decode()
    response = client.post(reverse("giving_paste"), {"message": "could you help me out with something?"})
    html = response.content.decode()
    assert response.status_code == 400
    assert re.search(r'id="paste-sender_error">couldn&#x27;t tell who sent this', html)
    response = client.post(reverse("giving_paste"), {"message": "help?", "sender": "Nobody Known"})
    assert response.status_code == 400 and 'id="paste-sender_error"' in response.content.decode()
    assert not Ask.objects.exists()


@pytest.mark.django_db
def test_plain_form_records_a_request_and_shows_errors_by_field(client, ana):
    response = client.post(reverse("giving_new"), {"person": "", "text": "", "date": "soon"})
    html = response.content.decode()
    assert response.status_code == 400
    for field in ("person", "text", "date"):
        assert f'id="req-{field}_error"' in html, field
    assert "<details class=\"more typed\" open>" in html
    response = client.post(reverse("giving_new"), {"person": f"#{ana.id} Ana Diaz", "text": SPECIFIC,
                                                   "date": TODAY.isoformat()})
    assert response.status_code == 302
    ask = Ask.objects.get(direction="received")
    assert (ask.person, ask.kind, ask.date) == (ana, "introduction", TODAY)


@pytest.mark.django_db
def test_accept_with_a_promise_and_due_date(client, ana):
    ask = record(ana)
    due = TODAY + timedelta(days=10)
    response = client.post(triage_url(ask), {"action": "accept", "due": due.isoformat()}, **HX)
    html = response.content.decode()
    assert response.status_code == 200
    loop = Loop.objects.get(kind="promise", ask=ask)
    assert loop.due == due and loop.status == "open"
    assert html.strip().startswith('<article class="request is-triaged triage-accept"')
    assert "Accepted on" in html and f"promise due <time datetime=\"{due.isoformat()}\"" in html
    reply = html.split(f'id="reply-{ask.id}"')[1].split("</textarea>")[0]
    assert "yes - glad to help" in reply and str(due.day) in reply
    # The promises list and this week's giving are refreshed in place.
    assert 'id="promises" class="promises" aria-labelledby="h-promises" hx-swap-oob="true"' in html
    assert f'id="promise-{loop.id}"' in html and 'id="capacity-week" class="capacity-week" hx-swap-oob="true"' in html


@pytest.mark.django_db
def test_offer_something_smaller(client, ana):
    ask = record(ana)
    response = client.post(triage_url(ask), {"action": "smaller"})
    assert response.status_code == 302 and response["Location"].endswith(f"#request-{ask.id}")
    ask.refresh_from_db()
    assert ask.triage == "smaller" and "a few lines by email on who handles this there" in ask.reply_draft
    html = client.get(response["Location"]).content.decode()
    assert "Offered something smaller: Ana Diaz" in html  # the message
    assert "I can&#x27;t take on" in card_of(html, ask)
    assert Loop.objects.get(kind="promise", ask=ask).due == TODAY + timedelta(days=3)


@pytest.mark.django_db
def test_redirect_needs_someone_and_names_them_in_the_draft(client, ana, bo):
    ask = record(ana)
    response = client.post(triage_url(ask), {"action": "redirect"}, **HX)
    html = response.content.decode()
    assert f'id="t{ask.id}-redirect-to_error">redirect to whom?' in html
    assert '<details class="path path-redirect" open>' in html
    ask.refresh_from_db()
    assert ask.triage is None
    response = client.post(triage_url(ask), {"action": "redirect", "to": f"#{bo.id} Bo Chen",
                                             "note": "She ran that team for years"}, **HX)
    html = response.content.decode()
    ask.refresh_from_db()
    assert (ask.triage, ask.redirect_to) == ("redirect", bo)
    reply = html.split(f'id="reply-{ask.id}"')[1].split("</textarea>")[0]
    assert "Bo Chen (Product Marketing Manager at Acme) is much better placed" in reply
    assert "She ran that team for years" in reply and "Redirected" in html


@pytest.mark.django_db
def test_decline_kindly(client, ana):
    ask = record(ana)
    response = client.post(triage_url(ask), {"action": "decline", "note": "I'm on leave this month"}, **HX)
    reply = response.content.decode().split(f'id="reply-{ask.id}"')[1].split("</textarea>")[0]
    assert "I&#x27;m on leave this month" in reply and "do let me know how it goes" in reply
    ask.refresh_from_db()
    assert (ask.triage, ask.status) == ("decline", "declined") and not Loop.objects.filter(ask=ask).exists()


@pytest.mark.django_db
def test_triage_refusals_are_next_to_the_field(client, ana):
    ask = record(ana)
    response = client.post(triage_url(ask), {"action": "accept", "due": (TODAY - timedelta(days=1)).isoformat()})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="t{ask.id}-accept-due_error">a promise can&#x27;t be due before today' in html
    response = client.post(triage_url(ask), {"action": "accept", "minutes": "0"}, **HX)
    assert f'id="t{ask.id}-accept-minutes_error"' in response.content.decode()
    client.post(triage_url(ask), {"action": "decline"})
    response = client.post(triage_url(ask), {"action": "accept"})
    assert "already triaged" in response.content.decode()


@pytest.mark.django_db
def test_preview_follows_what_is_typed(client, ana, bo):
    ask = record(ana)
    url = reverse("giving_preview", args=[ask.id])
    html = client.post(url, {"action": "redirect", "to": f"#{bo.id} Bo Chen"}, **HX).content.decode()
    assert html.startswith(f'<div class="path-preview" id="preview-{ask.id}-redirect"') and "Bo Chen" in html
    due = TODAY + timedelta(days=20)
    html = client.post(url, {"action": "accept", "due": due.isoformat()}, **HX).content.decode()
    assert f"by {due.day} {due.strftime('%B')}" in html


@pytest.mark.django_db
def test_a_vague_request_gets_the_clarifying_draft_and_accepting_it_still_asks(client, ana):
    ask = record(ana, VAGUE)
    card = card_of(client.get(URL).content.decode(), ask)
    clarify = card.split(f'id="clarify-{ask.id}"')[1].split("</textarea>")[0]
    assert "happy to help where I can" in clarify and "Which two or three companies" in clarify
    assert "suggested" not in card  # no path is pushed while it is too vague
    response = client.post(triage_url(ask), {"action": "accept"}, **HX)
    assert "So I get it right: " in response.content.decode()


@pytest.mark.django_db
def test_capacity_warning_when_accepting_would_exceed_the_budget(client, ana, bo):
    capacity.set_budget(ana.account, favors=1)
    first, second = record(ana), record(bo)
    html = client.get(URL).content.decode()
    assert "Over your giving budget" not in card_of(html, second)
    # Due the day the second request's accept path would be (a week on), so both land in one
    # budget week whatever weekday the suite runs on.
    same_week = TODAY + timedelta(days=ACCEPT_DUE_DAYS)
    client.post(triage_url(first), {"action": "accept", "due": same_week.isoformat()}, **HX)
    html = client.get(URL).content.decode()
    card = card_of(html, second)
    accept = card.split('class="path path-accept"')[1].split("</details>")[0]
    assert "over budget" in accept and "Over your giving budget" in accept
    assert "This goes over your giving budget" in accept
    assert "suggested" in card.split('class="path path-smaller"')[1].split("</summary>")[0]
    response = client.post(triage_url(second), {"action": "accept", "due": same_week.isoformat()}, **HX)
    out = response.content.decode()
    assert "This goes over your giving budget" in out and 'role="alert"' in out  # still allowed
    assert Loop.objects.filter(kind="promise").count() == 2


@pytest.mark.django_db
def test_budget_form_sets_it_and_shows_errors(client, ana):
    response = client.post(reverse("giving_budget"), {"unit": "favors", "amount": "0"})
    html = response.content.decode()
    assert response.status_code == 400 and 'id="budget-amount_error"' in html
    assert '<details class="edit" open>' in html
    response = client.post(reverse("giving_budget"), {"unit": "favors", "amount": "3", "days": ["mon", "thu"]})
    assert response.status_code == 302
    b = capacity.budget(ana.account)
    assert (b.unit, b.amount, b.days) == ("favors", 3, (0, 3))
    html = client.get(URL).content.decode()
    assert "of 3 favors committed" in html and "Monday, Thursday" in html


@pytest.mark.django_db
def test_this_weeks_commitments_against_the_budget(client, ana):
    requests.triage(ana.account, record(ana).id, "smaller", due=TODAY)
    html = client.get(URL).content.decode()
    week = html.split('id="capacity-week"')[1].split("</div>")[0]
    assert ">5</span> of 120 minutes committed" in week
    assert "Ana Diaz</a> <span class=\"muted\">promise due</span>" in week


@pytest.mark.django_db
def test_promise_done_records_the_favor_and_shows_the_ledger_change(client, ana):
    ask = record(ana)
    loop = requests.triage(ana.account, ask.id, "accept", due=TODAY).loops_opened[0]
    assert any(i.kind == "promise" and i.person_id == ana.id for i in agenda.today(ana.account, TODAY))
    html = client.get(URL).content.decode()
    assert f'hx-post="{reverse("giving_promise_done", args=[loop.id])}"' in html
    response = client.post(reverse("giving_promise_done", args=[loop.id]), **HX)
    out = response.content.decode()
    assert "Kept" in out and "Recorded introduction given to Ana Diaz" in out
    assert '<span class="before">0 favors</span> → <strong class="after">1 favor</strong>' in out
    assert 'id="capacity-week" class="capacity-week" hx-swap-oob="true"' in out
    favor = Favor.objects.get(direction="given", person=ana)
    assert favor.ask_id == ask.id
    ask.refresh_from_db()
    assert ask.status == "done"
    again = client.post(reverse("giving_promise_done", args=[loop.id]), **HX).content.decode()
    assert "already done" in again and Favor.objects.filter(direction="given").count() == 1


@pytest.mark.django_db
def test_another_accounts_requests_and_promises_are_404(client, account):
    other = Account.objects.create(name="other")
    stranger = people.add_person(other, "Sam Other")
    ask = requests.record(other, stranger, SPECIFIC).ask
    loop = requests.triage(other, requests.record(other, stranger, SPECIFIC).ask.id, "accept").loops_opened[0]
    assert client.post(triage_url(ask), {"action": "decline"}).status_code == 404
    assert client.post(reverse("giving_preview", args=[ask.id]), {"action": "decline"}).status_code == 404
    assert client.post(reverse("giving_promise_done", args=[loop.id])).status_code == 404
    html = client.get(URL + "?show=all").content.decode()
    assert "Sam Other" not in html and f"?request={ask.id}" not in html
    assert "Sam Other" not in client.get(URL + f"?request={ask.id}").content.decode()
    ask.refresh_from_db()
    assert ask.triage is None


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client, account):
    made = build(account, 20)
    giver_rows(account, made[:12])
    small = queries_for(client, URL + "?show=all")
    recorded = Ask.objects.filter(direction="received").first().id
    small_recorded = queries_for(client, URL + f"?recorded={recorded}")
    grow(account, 100)
    from goodloop.network.models import Person

    giver_rows(account, list(Person.objects.filter(account=account, is_me=False).order_by("id"))[12:80])
    assert queries_for(client, URL + "?show=all") == small <= 22, small
    assert queries_for(client, URL + f"?recorded={recorded}") == small_recorded


def test_requests_come_ten_a_page(client, account):
    from goodloop.web.views.giving import PER_PAGE

    for i in range(PER_PAGE + 2):
        record(people.add_person(account, f"Asker {i:02d}"))
    first = client.get(URL).content.decode()
    second = client.get(URL + "?page=2").content.decode()
    assert PER_PAGE == 10
    assert first.count('<article class="request') == 10 and second.count('<article class="request') == 2
    assert '<span class="count">12 open</span>' in first


@pytest.mark.django_db
def test_a_strangers_introduction_request_suggests_something_smaller(client, account):
    sam = people.add_person(account, "Sam Stone")
    ask = record(sam, "We haven't met, but could you introduce me to the CMO at Nike? Thanks!")
    card = card_of(client.get(URL).content.decode(), ask)
    assert "no history with you yet" in card
    smaller = card.split('class="path path-smaller"')[1]
    assert "suggested" in smaller.split("</summary>")[0]
    assert "Since we haven&#x27;t worked together" in smaller and "CMO at Nike" in smaller
    accept = card.split('class="path path-accept"')[1].split("</summary>")[0]
    assert "suggested" not in accept

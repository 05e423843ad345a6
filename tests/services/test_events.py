"""In-transaction domain events (issue 12, item 2): writers state facts, handlers in other
domains do the follow-on work, once, inside the writer's transaction."""

from datetime import date

import pytest
from django.db import transaction

from goodloop import events
from goodloop.giving import handlers as giving_handlers
from goodloop.giving import requests
from goodloop.helploop import handlers as helploop_handlers
from goodloop.helploop.models import Favor, Loop
from goodloop.network import people
from goodloop.search import introductions, leads

MON, THU = date(2026, 11, 2), date(2026, 11, 5)
SPECIFIC = "Could you introduce me to a product manager at Acme? Thanks so much!"


def test_each_fact_has_its_handlers_registered_by_the_apps(db):
    assert giving_handlers.loop_closed in events.handlers_of(events.LoopClosed)
    assert helploop_handlers.lead_moved in events.handlers_of(events.LeadMoved)
    assert helploop_handlers.introduction_moved in events.handlers_of(events.IntroductionMoved)


def test_keeping_a_promise_runs_the_promise_hook_once(account, monkeypatch):
    """keep_promise used to call the hook itself after close() had called it (issue 12)."""
    jane = people.add_person(account, "Jane Doe", org="Initech")
    ask = requests.record(account, jane, SPECIFIC, MON).ask
    loop = requests.triage(account, ask.id, "accept", when=MON).loops_opened[0]
    calls = []
    real = requests.on_loop_closed
    monkeypatch.setattr(requests, "on_loop_closed", lambda *a, **k: calls.append(a) or real(*a, **k))
    requests.keep_promise(account, loop.id, THU, note="Introduced her to Kim")
    assert len(calls) == 1
    assert Favor.objects.filter(ask=ask, direction="given").count() == 1


def test_a_failing_handler_rolls_the_fact_back(account, monkeypatch):
    """Handlers run in the writer's transaction: no lead stage without its reports."""
    kim = people.add_person(account, "Kim Park", org="Acme")
    lead = leads.add(account, "Acme", "Product Manager", via=kim, when=MON)

    def broken(event):
        raise RuntimeError("report loop could not be opened")

    monkeypatch.setattr(events, "_handlers", {**events._handlers, events.LeadMoved: [broken]})
    with pytest.raises(RuntimeError), transaction.atomic():
        leads.move(account, lead.id, "applied", THU)
    lead.refresh_from_db()
    assert lead.stage == "identified"


def test_an_introduction_made_for_me_is_a_favor_through_the_handler(account):
    me = account.me
    ana = people.add_person(account, "Ana Ruiz", org="Globex")
    bo = people.add_person(account, "Bo Chen", org="Acme")
    intro = introductions.record(account, ana, me, bo, "product roles at Acme", "requested", MON)
    introductions.move(account, intro.id, "made", THU)
    favor = Favor.objects.get(introduction=intro)
    assert (favor.person_id, favor.direction, favor.kind) == (ana.id, "received", "introduction")
    assert {lp.kind for lp in Loop.objects.filter(favor=favor)} >= {"thank"}

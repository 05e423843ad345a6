"""API fixtures: two server-style accounts, each with one of everything and a token."""

from datetime import date, timedelta

import pytest
from django.test import Client

PASSWORD = "a-long-enough-passphrase-42"
TODAY = date(2026, 3, 2)


def build_world(account, tag: str, n: int = 1) -> dict:
    """n of every kind of object for `account`, made through the services; returns the last ids."""
    from goodloop.giving import requests
    from goodloop.helploop import asks, favors, loops
    from goodloop.network import interactions, people
    from goodloop.search import introductions, leads, targets

    ids = {}
    for i in range(n):
        a = people.add_person(account, f"Ana {tag}{i} Silva", org=f"Acme {tag}{i}", title="PM",
                              email=f"ana{i}@{tag}.example", tags=["pm", "alumni"])
        b = people.add_person(account, f"Bo {tag}{i} Chen", org=f"Zeta {tag}{i}", email=f"bo{i}@{tag}.example")
        c = people.add_person(account, f"Cy {tag}{i} Park", org=f"Zeta {tag}{i}")
        target = targets.add_target(account, f"Zeta {tag}{i}", why="great team")
        inter = interactions.log(account, [a, b], "call", "mutual", "caught up", TODAY - timedelta(days=3))
        ask = asks.make(account, a, f"Do you know anyone in product marketing at Zeta {tag}{i}?",
                        when=TODAY - timedelta(days=2)).ask
        lead = leads.add(account, f"Zeta {tag}{i}", "Product Marketing Manager", via=a, when=TODAY)
        intro = introductions.record(account, a, account.me, b, purpose="learn about Zeta", when=TODAY)
        favor = favors.record(account, a, "received", "advice", note="resume tips", when=TODAY).favor
        loop = loops.open_loop(account, b, "follow_up", TODAY, "follow up with Bo", TODAY)
        request = requests.record(account, c, "Could you look over my resume for the analyst role?", TODAY).ask
        ids = {"person": a.id, "organization": a.organization_id, "target": target.id, "interaction": inter.id,
               "ask": ask.id, "lead": lead.id, "introduction": intro.id, "favor": favor.id, "loop": loop.id,
               "request": request.id, "other_person": b.id, "third_person": c.id}
    return ids


@pytest.fixture
def make_account(db):
    from goodloop.accounts import account as accounts
    from goodloop.accounts import tokens

    def make(email: str, n: int = 1):
        account = accounts.create_account(email, PASSWORD)
        _, clear = tokens.create(account, "tests")
        account.token = clear
        account.ids = build_world(account, email.split("@")[0], n)
        return account

    return make


@pytest.fixture
def owner(make_account):
    return make_account("owner@example.org")


@pytest.fixture
def outsider(make_account):
    return make_account("outsider@example.org")


class Api:
    """A test client that sends one account's bearer token."""

    def __init__(self, token: str):
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def get(self, url, **params):
        return self.client.get(url, params, **self.headers)

    def post(self, url, data=None):
        return self.client.post(url, data or {}, content_type="application/json", **self.headers)

    def patch(self, url, data=None):
        return self.client.patch(url, data or {}, content_type="application/json", **self.headers)

    def delete(self, url):
        return self.client.delete(url, **self.headers)


@pytest.fixture
def api_as():
    return lambda account: Api(account.token)

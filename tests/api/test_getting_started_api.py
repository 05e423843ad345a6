"""GET /api/today/getting-started: the first-run checklist for the token's own account."""


def test_the_checklist_is_the_callers_own(owner, outsider, api_as):
    from goodloop.network.models import Person

    Person.objects.filter(id=owner.me_id).update(display_name="Ruth Abara")
    mine = api_as(owner).get("/api/today/getting-started")
    theirs = api_as(outsider).get("/api/today/getting-started")
    assert mine.status_code == theirs.status_code == 200
    steps = {s["key"]: s["done"] for s in mine.json()["steps"]}
    assert steps["name"] is True and mine.json()["done"] is False  # one target, no brief yet
    assert {s["key"]: s["done"] for s in theirs.json()["steps"]}["name"] is False
    assert [s["key"] for s in mine.json()["steps"]] == ["name", "contacts", "targets", "brief"]
    assert all(s["title"] and s["detail"] for s in mine.json()["steps"])


def test_a_bad_token_is_refused(db, client):
    from goodloop.accounts import account as accounts

    accounts.local_account()
    assert client.get("/api/today/getting-started", HTTP_AUTHORIZATION="Bearer nope").status_code == 401

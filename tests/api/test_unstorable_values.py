"""A value the database cannot store is the client's fault: a 4xx with a reason, never a 500."""

from goodloop.network.models import Person


def test_nul_character_is_never_a_server_error(api_as, owner):
    api = api_as(owner)
    before = Person.objects.filter(account=owner).count()
    response = api.post("/api/people", {"name": "Ada\x00Lovelace"})
    assert response.status_code < 500
    if response.status_code >= 400:  # PostgreSQL refuses NUL; nothing may be half-written
        assert response.status_code == 422 and response.json()["detail"]
        assert Person.objects.filter(account=owner).count() == before

"""A client generated from the OpenAPI document by openapi-python-client (a tool nobody on this project
wrote) lists, creates, updates and deletes people, asks, favors and leads without error (issue 16,
item 5: the old document made the generated client crash on every favor it created, after saving it).

The client is generated into a temporary directory from the live document, then driven in-process
through httpx's WSGI transport against the Django app."""

import importlib
import json
import os
import shutil
import subprocess
import sys

import pytest

TOOL = shutil.which("openapi-python-client")


@pytest.fixture
def generated(tmp_path):
    if TOOL is None:
        message = "openapi-python-client is not installed (pip install -e '.[test]')"
        pytest.fail(message) if os.environ.get("CI", "").lower() == "true" else pytest.skip(message)
    from goodloop.api.main import api

    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(api.get_openapi_schema()))
    done = subprocess.run([TOOL, "generate", "--path", str(spec), "--meta", "none", "--output-path",
                           str(tmp_path / "goodloop_client")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield lambda name: importlib.import_module(f"goodloop_client.{name}")
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "goodloop_client" or m.startswith("goodloop_client.")]:
            del sys.modules[name]


@pytest.fixture
def client(generated, owner):
    import httpx
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    # Like Django's test client: the test's transaction must survive each request's end.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield generated("client").AuthenticatedClient(
            base_url="http://testserver", token=owner.token,
            httpx_args={"transport": httpx.WSGITransport(app=get_wsgi_application())}, raise_on_unexpected_status=True)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _op(generated, resource: str, name: str):
    return generated(f"api.{resource}.goodloop_api_{resource}_{name}")


def _ok(response, status: int = 200):
    assert response.status_code == status, response.content
    return response.parsed


def test_the_generated_client_manages_people_asks_favors_and_leads(generated, client, owner):
    m = generated("models")

    # people
    ada = _ok(_op(generated, "people", "add_person").sync_detailed(
        client=client, body=m.PersonIn(name="Ada Lovelace", email="ada@example.com", organization="Engines")), 201)
    assert ada.name == "Ada Lovelace" and ada.uid and ada.emails == ["ada@example.com"]
    listed = _ok(_op(generated, "people", "list_people").sync_detailed(client=client, q="lovelace"))
    assert [p.id for p in listed.items] == [ada.id]
    edited = _ok(_op(generated, "people", "edit_person").sync_detailed(
        client=client, person_id=ada.id, body=m.PersonPatch(title="Analyst")))
    assert edited.title == "Analyst"

    # asks
    ask = _ok(_op(generated, "asks", "make_ask").sync_detailed(client=client, body=m.AskIn(
        person=ada.id, text="Could you introduce me to someone in product marketing at Engines?")), 201)
    assert _ok(_op(generated, "asks", "list_asks").sync_detailed(client=client, person=ada.id)).count == 1
    changed = _ok(_op(generated, "asks", "change_ask").sync_detailed(
        client=client, ask_id=ask.id, body=m.AskPatch(status=m.AskPatchStatus("answered"))))
    assert changed.status == "answered"

    # favors: recording one used to crash the client after the favor was saved
    favor = _ok(_op(generated, "favors", "record_favor").sync_detailed(client=client, body=m.FavorIn(
        person=ada.id, direction=m.FavorInDirection("received"), kind=m.FavorInKind("introduction"),
        note="intro to Bo")), 201)
    assert favor.person.id == ada.id and {x.kind for x in favor.loops_opened} >= {"thank"}
    assert _ok(_op(generated, "favors", "list_favors").sync_detailed(client=client, person=ada.id)).count == 1
    noted = _ok(_op(generated, "favors", "edit_favor").sync_detailed(
        client=client, favor_id=favor.id, body=m.FavorPatch(note="intro to Bo at Zeta")))
    assert noted.note == "intro to Bo at Zeta"

    # leads, with the people credited for them
    lead = _ok(_op(generated, "leads", "add_lead").sync_detailed(client=client, body=m.LeadIn(
        organization="Zeta", title="Product Marketing Manager", via=ada.id)), 201)
    assert [c.id for c in lead.contributors] == [ada.id]
    assert _ok(_op(generated, "leads", "list_leads").sync_detailed(client=client)).count >= 1
    moved = _ok(_op(generated, "leads", "move_lead").sync_detailed(
        client=client, lead_id=lead.id, body=m.LeadPatch(stage=m.LeadPatchStage("applied"))))
    assert moved.stage == "applied"

    # and away again
    for resource, name, key, obj in (("leads", "delete_lead", "lead_id", lead), ("favors", "delete_favor",
                                     "favor_id", favor), ("asks", "delete_ask", "ask_id", ask),
                                     ("people", "delete_person", "person_id", ada)):
        assert _op(generated, resource, name).sync_detailed(client=client, **{key: obj.id}).status_code == 204
    gone = _op(generated, "people", "show_person").sync_detailed(client=client, person_id=ada.id)
    assert gone.status_code == 404 and gone.parsed.detail

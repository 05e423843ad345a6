"""Security fixtures: a world of one of every kind of object for an account, built through the
services, with every piece of text carrying a label (a secret word for the isolation matrix,
markup for the XSS tests); the web URL patterns and API operations, found by walking the
resolver and the OpenAPI document (never listed by hand)."""

import re
from datetime import date, timedelta

import pytest
from django.test import override_settings

PASSWORD = "a-long-enough-passphrase-42"
TODAY = date(2026, 3, 2)


def build_world(account, label: str, full: bool = True) -> dict:
    """One of every kind of object for `account`, all text carrying `label`; returns their ids.
    `full=False` leaves out the giver's requests, the merge and the import (a quicker world)."""
    from goodloop.accounts import tokens
    from goodloop.giving import requests, transition
    from goodloop.helploop import asks, favors, loops
    from goodloop.network import interactions, people, undelete
    from goodloop.network.models import ImportJob, MergeRecord
    from goodloop.search import brief, introductions, leads, targets
    from goodloop.transfer import import_jobs, merge

    org = f"{label} Org"
    ana = people.add_person(account, f"{label} Ana", org=org, title=f"{label} title",
                            email=f"ana.{abs(hash(label)) % 10**8}@example.org", tags=["alumni"])
    ana.notes, ana.needs, ana.how_we_met = f"{label} note", [f"{label} need"], f"{label} met"
    ana.save(update_fields=["notes", "needs", "how_we_met"])
    bo = people.add_person(account, f"{label} Bo", org=org)
    cy = people.add_person(account, f"{label} Cy", org=f"{label} Other Org")
    target = targets.add_target(account, org, why=f"{label} why")
    inter = interactions.log(account, [ana, bo], "call", "mutual", f"{label} summary", TODAY - timedelta(days=3))
    ask = asks.make(account, ana, f"Do you know anyone in product marketing at {label} Org?",
                    org_names=[org], when=TODAY - timedelta(days=2)).ask
    lead = leads.add(account, org, f"{label} Product Marketing Manager", via=ana, when=TODAY)
    intro = introductions.record(account, ana, account.me, bo, purpose=f"{label} purpose", when=TODAY)
    favor = favors.record(account, ana, "received", "advice", note=f"{label} favor note", when=TODAY).favor
    loop = loops.open_loop(account, bo, "follow_up", TODAY, f"{label} reason", TODAY)
    token, _ = tokens.create(account, f"{label} token")
    ids = {"person": ana.id, "organization": ana.organization_id, "target": target.id, "interaction": inter.id,
           "ask": ask.id, "lead": lead.id, "introduction": intro.id, "favor": favor.id, "loop": loop.id,
           "token": token.id, "other_person": bo.id}
    if not full:
        return ids
    request = requests.record(account, bo, f"Could you look over my resume for {label} Org?", when=TODAY).ask
    promised = requests.record(account, cy, f"Could you introduce me to someone at {label} Org?", when=TODAY).ask
    promise = requests.triage(account, promised.id, "accept", when=TODAY).loops_opened[0]
    transition.mark_seeking(account, cy, when=TODAY)
    brief.update(account, headline=f"{label} headline", roles_sought=[f"{label} role"],
                 how_you_can_help=[f"{label} help"], offers=[f"{label} offer"])
    twin = people.add_person(account, f"{label} Dee")
    gone = people.add_person(account, f"{label} Dee Twin")
    merge.merge_people(account, twin, gone)
    record = MergeRecord.objects.filter(account=account).latest("id")
    deleted = undelete.delete_with_undo(account, people.add_person(account, f"{label} Deleted").id)
    spare = people.add_person(account, f"{label} Spare")  # the one the delete page may delete
    vcard = (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{label} Imported\r\nORG:{label} Org\r\n"
             f"NOTE:{label} imported note\r\nEND:VCARD\r\n").encode()
    with override_settings(GOODLOOP_IMPORT_INLINE=True):
        job = import_jobs.start(account, vcard, format="vcard", filename=f"{label}.vcf")
    assert job.status == ImportJob.DONE, job.message
    return {**ids, "request": request.id, "promise": promise.id, "merge": record.id, "merged_person": twin.id,
            "import_job": job.id, "seeker": cy.id, "deleted_person": deleted.id,
            "spare_person": spare.id, "log_person": ana.id}


def snapshot(account) -> dict:
    """Every row the account owns, in every model with an `account` field: what must not change."""
    from django.apps import apps

    out = {}
    for model in apps.get_models():
        fields = model._meta.concrete_fields
        if any(f.name == "account" for f in fields):
            out[model._meta.label] = list(model.objects.filter(account=account).order_by("pk")
                                          .values_list(*[f.attname for f in fields]))
    return out


# --------------------------------------------------------------------------- discovery


def web_patterns(patterns=None, prefix: str = "") -> list[tuple[str, str, object]]:
    """Every web URL pattern, nested includes too: (route, name, pattern). /api/ is the API's."""
    from django.urls import URLResolver, get_resolver

    out = []
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(p.pattern).lstrip("^").rstrip("$")
        if route.startswith("api/"):
            continue
        if isinstance(p, URLResolver):
            out += web_patterns(p.url_patterns, route)
        else:
            out.append(("/" + route, p.name or "", p))
    return out


def route_params(route: str) -> list[tuple[str, str]]:
    """The (converter, name) of each <...> in a route."""
    return [((m.group(1) or "str"), m.group(2)) for m in re.finditer(r"<(?:(\w+):)?(\w+)>", route)]


def fill(route: str, values: dict) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def openapi_document() -> dict:
    from goodloop.api.main import api

    return api.get_openapi_schema(path_prefix="/api/")


def body_fields(op: dict, document: dict) -> dict:
    """The properties of an operation's JSON request body (its schema's $ref resolved); {} if none."""
    ref = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
    if not ref:
        return {}
    return document.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {}).get("properties", {})


def api_operations() -> list[tuple[str, str, dict]]:
    """(METHOD, path, operation) for every operation in the OpenAPI document."""
    return [(method.upper(), path, op) for path, ops in openapi_document()["paths"].items()
            for method, op in ops.items()]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def server(db, settings):
    """Server mode, switched on the way tests/server does it."""
    from django.core.cache import cache

    settings.GOODLOOP_SERVER_MODE = True
    cache.clear()
    yield settings
    cache.clear()

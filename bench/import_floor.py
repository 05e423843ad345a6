"""The import's true floor (issue 12): plain `executemany` of the same rows into goodloop's own
tables — organizations, people, contact points, current roles, one import batch and a source
record per row — with every column filled the way the model fills it, in one transaction.

No matching, no normalising beyond what a row needs, ids assigned up front: what any import of
this file into this schema must at least pay. Run in a fresh store (bench/import_bench.py).
"""

import csv
import io
import time
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone


def _rows(data: bytes) -> list[list[str]]:
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    for row in reader:
        if row[:2] == ["First Name", "Last Name"]:
            break
    return [row for row in reader if len(row) == 7]


def _insert(model, given: list[dict]) -> None:
    """executemany into the model's table: the given values, else each field's default (prepared
    for the database once per field, or once per row for a callable default such as a UUID)."""
    if not given:
        return
    # The database numbers rows whose id is not given.
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or f.attname in given[0]]
    now = timezone.now()
    fill = []  # per field: (attname, constant or None, callable or None)
    for f in fields:
        if f.attname in given[0]:
            fill.append((f.attname, None, None))
        elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            fill.append((None, f.get_db_prep_save(now, connection), None))
        elif f.has_default() and callable(f.default) and not isinstance(f.get_default(), (list, dict)):
            fill.append((None, None, lambda f=f: f.get_db_prep_save(f.get_default(), connection)))
        elif f.has_default():
            fill.append((None, f.get_db_prep_save(f.get_default(), connection), None))
        else:
            fill.append((None, None if f.null else "", None))
    values = [[row[name] if name else (make() if make else const) for name, const, make in fill] for row in given]
    qn = connection.ops.quote_name
    cols = ", ".join(qn(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {qn(model._meta.db_table)} ({cols}) VALUES ({marks})", values)


def _next_id(model) -> int:
    return (model.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1


def own_tables_floor(account, data: bytes) -> float:
    """Seconds from the file's bytes to its rows in goodloop's tables, plainly inserted."""
    from goodloop.network.models import ContactPoint, ImportBatch, Organization, Person, Role, SourceRecord

    t = time.perf_counter()
    rows = _rows(data)
    with transaction.atomic():
        org_ids: dict[str, int] = {}
        next_org = _next_id(Organization)
        for row in rows:
            if row[4] and row[4] not in org_ids:
                org_ids[row[4]] = next_org + len(org_ids)
        _insert(Organization, [{"id": i, "account_id": account.id, "name": n, "normalized_name": n.casefold()}
                               for n, i in org_ids.items()])
        batch = ImportBatch.objects.create(account=account, format="linkedin", filename="Connections.csv")
        first = _next_id(Person)
        people, points, roles, sources = [], [], [], []
        days: dict[str, str | None] = {}  # connection dates repeat: parse each once
        for n, (given, family, url, email, company, position, connected) in enumerate(rows):
            pid = first + n
            name = f"{given} {family}".strip()
            if connected not in days:
                try:
                    days[connected] = datetime.strptime(connected, "%d %b %Y").date().isoformat()
                except ValueError:
                    days[connected] = None
            on = days[connected]
            people.append({"id": pid, "account_id": account.id, "given_name": given, "family_name": family,
                           "display_name": name, "search_text": f"{name} {email} {company}".casefold(),
                           "organization_id": org_ids.get(company), "title": position, "connected_on": on})
            if email:
                points.append({"account_id": account.id, "person_id": pid, "kind": "email", "value": email,
                               "key": email.casefold()})
            if url:
                points.append({"account_id": account.id, "person_id": pid, "kind": "url", "value": url,
                               "key": url.casefold().rstrip("/")})
            if company:
                roles.append({"account_id": account.id, "person_id": pid, "organization_id": org_ids[company],
                              "title": position, "start": on, "current": True})
            sources.append({"account_id": account.id, "person_id": pid, "batch_id": batch.id, "format": "linkedin",
                            "row": n + 1, "action": "created"})
        _insert(Person, people)
        _insert(ContactPoint, points)
        _insert(Role, roles)
        _insert(SourceRecord, sources)
    elapsed = time.perf_counter() - t
    stored = Person.objects.filter(account=account, is_me=False).count()
    assert stored == len(rows), f"floor stored {stored} people of {len(rows)} rows"
    return elapsed

"""Bulk SQL for imports: multi-row INSERTs, UPDATEs by id and id allocation, inside the caller's
transaction, with values already adapted (services/importer.py writes a whole import this way)."""

from __future__ import annotations

import json
from itertools import chain

from django.db import connection
from django.utils import timezone


def _literal(value) -> str:
    """A constant as SQL (the constants are plain: NULL, numbers, booleans, short strings, JSON, datetimes)."""
    if value is not None and not isinstance(value, bool | int | float | str | list | dict):
        value = str(value)  # an adapted date or datetime (PostgreSQL adapts none)
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE") if connection.vendor == "postgresql" else str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if not isinstance(value, str):
        value = json.dumps(value)
    # quotes doubled; % doubled too, as the statements always go with parameters (%s placeholders)
    return "'" + value.replace("'", "''").replace("%", "%%") + "'"


def _defaults(model, given: tuple) -> tuple[list[str], list[str]]:
    """The columns a raw insert must fill besides `given`, with their defaults as SQL literals."""
    cols, values = [], []
    for f in model._meta.concrete_fields:
        if f.primary_key or f.attname in given:
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = f.get_db_prep_save(timezone.now(), connection)
        elif f.get_internal_type() == "JSONField":
            value = json.dumps(f.get_default())
        else:
            value = f.get_db_prep_save(f.get_default(), connection)
        cols.append(f.column)
        values.append(_literal(value))
    return cols, values


def insert(model, fields: tuple, rows: list, fixed: dict | None = None) -> None:
    """INSERT `rows` (tuples in `fields` order, values already adapted); `fixed` maps more fields to one
    value for every row (written into the statement as literals: ints and plain strings).

    Rows go in as multi-row VALUES statements of up to ROWS_PER_STATEMENT rows, all the full ones in a single
    executemany and the rest in one more statement: two queries at most whatever the number of rows. A
    many-row statement keeps the table and index cursors open from row to row, which costs about a third
    less than one single-row statement per row.
    """
    if not rows:
        return
    fixed = fixed or {}
    meta = model._meta
    names = [*fields, *fixed]
    cols = [meta.get_field(f.removesuffix("_id")).column if f != "id" else meta.pk.column for f in names]
    extra_cols, extra = _defaults(model, tuple(names))
    qn = connection.ops.quote_name
    head = f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(c) for c in cols + extra_cols)}) VALUES "
    one = "(" + ", ".join(["%s"] * len(fields) + [_literal(v) for v in fixed.values()] + extra) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, _max_params() // len(fields)))
    flat = list(chain.from_iterable(rows))
    width = per * len(fields)
    full = len(rows) // per * width
    with connection.cursor() as cursor:
        if full:
            cursor.executemany(head + ", ".join([one] * per), [flat[i:i + width] for i in range(0, full, width)])
        if full < len(flat):
            cursor.execute(head + ", ".join([one] * (len(rows) - full // len(fields))), flat[full:])


ROWS_PER_STATEMENT = 1000


def _max_params() -> int:
    """How many parameters one statement may bind on this connection."""
    if connection.vendor == "sqlite":
        import sqlite3

        raw = connection.connection
        return raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if hasattr(raw, "getlimit") else 999
    return connection.features.max_query_params or 65535


def update(model, fields: tuple, rows: list) -> None:
    """UPDATE rows by id: each row is (*values in `fields` order, id)."""
    meta = model._meta
    qn = connection.ops.quote_name
    sets = ", ".join(f"{qn(meta.get_field(f.removesuffix('_id')).column)} = %s" for f in fields)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {qn(meta.db_table)} SET {sets} WHERE {qn(meta.pk.column)} = %s", rows)


def allocate(model, n: int) -> list[int]:
    """Reserve `n` new ids of `model` inside the current transaction."""
    if n <= 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                           [table, n])
            return [r[0] for r in cursor.fetchall()]
        # SQLite: the write lock is held (IMMEDIATE transactions); AUTOINCREMENT never reuses an id.
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
        top = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        start = max(top, row[0] if row else 0) + 1
        return list(range(start, start + n))

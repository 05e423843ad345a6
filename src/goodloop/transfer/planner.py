"""Keep SQLite's query planner informed about the shape of the data.

A goodloop store holds one account (or a few), so an index that starts with the account
narrows nothing; without statistics SQLite assumes it does and may walk 300,000
interactions to count one person's. PostgreSQL gathers statistics by itself (autovacuum).
SQLite recommends `PRAGMA optimize` before a connection closes: it analyzes the tables this
connection's queries would have planned better with statistics (never analyzed, or grown
many times over), and nothing otherwise.
"""

import re
import sqlite3

from django.db import connections

# PRAGMA optimize's mask: 0x02 "analyze the tables that need it", 0x01 "only say which".
_WHICH_TABLES = "PRAGMA optimize(0x03)"
_TABLE = re.compile(r'^ANALYZE "main"\."([^"]+)"$')
GROWTH = 10  # re-analyze a table once its size is ten times (or a tenth of) what was recorded


def refresh(using: str = "default") -> list[str]:
    """Analyze the tables SQLite's planner lacked statistics for; return their names.

    Best effort, never in anyone's way: asking which tables need it only reads; the rare
    analysis takes the write lock first (waiting like any writer) instead of upgrading a
    read, which would fail at once under concurrent writers; and if the store is busy
    anyway, the statistics wait for the next command or request. No-op on PostgreSQL,
    on a connection that was never opened, and on an in-memory store (the tests'), whose
    shared cache would make every other connection fail while a table is analyzed.
    """
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.connection is None or connection.is_in_memory_db():
        return []
    # The driver's connection: upkeep, not one of the page's queries (query counts stay what
    # the page itself asks).
    raw = connection.connection
    if raw.in_transaction:
        return []  # nothing could be analyzed now (see above): spare asking which tables, and counting them
    try:
        suggested = [m.group(1) for row in raw.execute(_WHICH_TABLES).fetchall() if (m := _TABLE.match(row[0]))]
        tables = [t for t in suggested if _needs_analysis(raw, t)]
        if tables and not raw.in_transaction:
            raw.execute("BEGIN IMMEDIATE")
            try:
                for table in tables:
                    raw.execute(f'ANALYZE "main"."{table}"')
                raw.execute("COMMIT")
            except sqlite3.Error:
                raw.execute("ROLLBACK")
                raise
            return tables
    except sqlite3.Error:
        pass
    return []


def _needs_analysis(raw, table: str) -> bool:
    """SQLite suggests a table again while one of its indexes has no statistics, which an empty
    partial index (nobody with a hand-set cadence yet) never gets: decide by size instead."""
    current = raw.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if not current:
        return False  # nothing to learn from an empty table
    try:
        row = raw.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1", (table,)).fetchone()
    except sqlite3.OperationalError:  # no statistics at all yet
        return True
    if row is None:
        return True
    recorded = int(row[0].split()[0])
    return current >= GROWTH * recorded or recorded >= GROWTH * current

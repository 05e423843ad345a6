"""Keep SQLite's query planner informed about the shape of the data.

A goodloop store holds one account (or a few), so an index that starts with the account
narrows nothing; without statistics SQLite assumes it does and may walk 300,000
interactions to count one person's. PostgreSQL gathers statistics by itself (autovacuum);
SQLite recommends `PRAGMA optimize` before a connection closes, which analyzes only the
tables this connection's queries would have planned better with fresh statistics (never
analyzed, or grown many times over), and costs next to nothing otherwise.
"""

from django.db import connections


def refresh(using: str = "default") -> None:
    """Let SQLite refresh the statistics the planner needs (no-op on PostgreSQL or when unused)."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.connection is None:
        return
    # On the driver's connection: upkeep, not one of the request's queries (query counts stay
    # what the page itself asks).
    # Exact statistics (no analysis_limit): sampled ones mistake "all rows share one account"
    # for a selective index, the very mistake this is here to prevent. Analyzing the whole
    # 30,000-person store once takes about half a second.
    connection.connection.execute("PRAGMA optimize")

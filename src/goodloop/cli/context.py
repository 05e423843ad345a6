"""The store, opened lazily once per command (so --help never touches it)."""

from functools import lru_cache


@lru_cache(maxsize=1)
def account():
    """Set up Django on the chosen store and return the local account."""
    import os

    from goodloop import bootstrap

    os.environ.setdefault("GOODLOOP_CLI_COMMAND", "1")  # `serve` sets Django up itself, with the API app
    bootstrap.setup()
    from goodloop.services import accounts

    return accounts.local_account()

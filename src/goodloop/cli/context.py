"""The store, opened lazily once per command (so --help never touches it)."""

from functools import lru_cache


@lru_cache(maxsize=1)
def account():
    """Set up Django on the chosen store and return the local account."""
    from goodloop import bootstrap

    bootstrap.setup(cli=True)  # `serve` sets Django up itself first, with the web's apps
    from goodloop.services import accounts

    return accounts.local_account()

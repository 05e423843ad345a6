"""The store, opened lazily once per command (so --help never touches it)."""

import os
from datetime import date
from functools import lru_cache

from goodloop import clock
from goodloop.core.input_bounds import parse_day

from .output import CliError

chosen_account: str | None = None  # the global --account EMAIL of this command line


@lru_cache(maxsize=1)
def account():
    """Set up Django on the chosen store and return the account a command acts on: the local one,
    or in server mode the one named by --account EMAIL or GOODLOOP_ACCOUNT (never a hidden one)."""
    from goodloop import bootstrap

    bootstrap.setup(cli=True)  # `serve` sets Django up itself first, with the web's apps
    from django.conf import settings

    from goodloop.accounts import account as accounts

    if not settings.GOODLOOP_SERVER_MODE:
        return accounts.local_account()
    email = (chosen_account or os.environ.get("GOODLOOP_ACCOUNT", "")).strip()
    if not email:
        raise CliError("server mode: name the account this command acts on with --account EMAIL (before the "
                       "command, e.g. `goodloop --account ana@example.org people`) or GOODLOOP_ACCOUNT")
    return accounts.by_email(email)


def parse_date(value: str | None, option: str = "--date") -> date:
    """A --date option: YYYY-MM-DD, default today on the account's own clock."""
    if value is None:
        return clock.today(account())
    try:
        return parse_day(value)
    except ValueError as exc:
        raise CliError(f"{option} {exc}") from None

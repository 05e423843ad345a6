"""The loops calendar as a subscription: a secret address per account that calendar apps poll.

    token = feed_token(account)      # made on first use, the same afterwards
    token = reset(account)           # a new token: the old address stops working at once
    account = account_for(token)     # who a request to the address is for (None: refused)

The token is 32 random bytes (URL-safe): the address is the only credential, as with Google's and
Fastmail's "secret address in iCal format", and read-only (it serves the calendar and nothing else).
It is stored as is, because the address must be shown again (web page, `goodloop calendar url`).
"""

from __future__ import annotations

import secrets

from django.db import transaction

from goodloop.accounts.models import Account
from goodloop.helploop.models import CalendarFeed

PATH = "/calendar/{token}.ics"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def feed_token(account) -> str:
    """The account's feed token, made on first use."""
    feed = CalendarFeed.objects.select_for_update().filter(account=account).first()
    if feed is None:
        feed = CalendarFeed.objects.create(account=account, token=_new_token())
    return feed.token


@transaction.atomic
def reset(account) -> str:
    """Revoke the account's feed address and make a new one; returns the new token."""
    CalendarFeed.objects.filter(account=account).delete()
    return CalendarFeed.objects.create(account=account, token=_new_token()).token


def path(token: str) -> str:
    """The feed's path on this server."""
    return PATH.format(token=token)


def account_for(token: str) -> Account | None:
    """The account a feed token belongs to, or None (unknown token, or its login disabled)."""
    if not token or len(token) > 64:
        return None
    feed = CalendarFeed.objects.filter(token=token).select_related("account__user").first()
    if feed is None:
        return None
    user = feed.account.user
    if user is not None and not user.is_active:
        return None
    return feed.account

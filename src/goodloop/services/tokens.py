"""API tokens: created for an account, shown once, stored as a SHA-256, revoked by id."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from goodloop.accounts.models import Account, ApiToken

from .errors import NotFound, ServiceError

TOKEN_PREFIX = "gl_"
PREFIX_SHOWN = 10  # "gl_" and 7 characters: enough to tell tokens apart in a listing
LAST_USED_GRANULARITY = timedelta(minutes=1)  # at most one write per token per minute
MAX_NAME = 100


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def create(account: Account, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `account`; returns the row and the clear token (never stored)."""
    name = (name or "").strip()
    if len(name) > MAX_NAME:
        raise ServiceError(f"a token name is at most {MAX_NAME} characters", field="name")
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(account=account, name=name, prefix=clear[:PREFIX_SHOWN],
                                    token_hash=digest(clear))
    return token, clear


def authenticate(clear: str) -> Account | None:
    """The account a clear token acts for, or None (unknown, malformed or revoked)."""
    clear = (clear or "").strip()
    if not clear.startswith(TOKEN_PREFIX) or len(clear) > 200:
        return None
    token = (ApiToken.objects.filter(token_hash=digest(clear), revoked=False)
             .select_related("account").first())
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_GRANULARITY:
        ApiToken.objects.filter(id=token.id).update(last_used=now)
    return token.account


@transaction.atomic
def revoke(token_id: int, account: Account | None = None) -> ApiToken:
    """Revoke a token by id (only among `account`'s tokens when one is given)."""
    qs = ApiToken.objects.select_for_update().filter(id=token_id)
    if account is not None:
        qs = qs.filter(account=account)
    token = qs.first()
    if token is None:
        raise NotFound(f"no token with id {token_id}", field="id")
    if not token.revoked:
        token.revoked, token.revoked_on = True, timezone.now()
        token.save(update_fields=["revoked", "revoked_on"])
    return token


def list_tokens(account: Account | None = None):
    qs = ApiToken.objects.select_related("account__user").order_by("id")
    return qs.filter(account=account) if account is not None else qs


def as_dict(token: ApiToken) -> dict:
    user = token.account.user if token.account.user_id else None
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "account": user.email if user else token.account.name,
        "created": token.created.isoformat(),
        "last_used": token.last_used.isoformat() if token.last_used else None,
        "revoked": token.revoked,
    }

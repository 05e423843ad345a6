"""API tokens: created for an account, shown once, stored as a SHA-256, revoked by id; an
optional expiry; a token of a disabled account (its login made inactive) stops at once."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from goodloop.accounts.models import Account, ApiToken
from goodloop.errors import NotFound, ServiceError

TOKEN_PREFIX = "gl_"
PREFIX_SHOWN = 10  # "gl_" and 7 characters: enough to tell tokens apart in a listing
LAST_USED_GRANULARITY = timedelta(minutes=1)  # at most one write per token per minute
MAX_NAME = 100
MAX_DAYS = 3650  # an expiry is at most ten years away


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def create(account: Account, name: str = "", expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for `account`, valid until revoked or, with `expires_in_days`, for that many
    days; returns the row and the clear token (never stored)."""
    name = (name or "").strip()
    if len(name) > MAX_NAME:
        raise ServiceError(f"a token name is at most {MAX_NAME} characters", field="name")
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_DAYS:
        raise ServiceError(f"a token expires in 1 to {MAX_DAYS} days", field="expires_in_days")
    expires = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(account=account, name=name, prefix=clear[:PREFIX_SHOWN],
                                    token_hash=digest(clear), expires=expires)
    return token, clear


def authenticate(clear: str) -> Account | None:
    """The account a clear token acts for, or None (unknown, malformed, revoked, expired, or its
    account's login disabled)."""
    clear = (clear or "").strip()
    if not clear.startswith(TOKEN_PREFIX) or len(clear) > 200:
        return None
    token = (ApiToken.objects.filter(token_hash=digest(clear), revoked=False)
             .select_related("account__user").first())
    now = timezone.now()
    if token is None or (token.expires is not None and token.expires <= now):
        return None
    user = token.account.user
    if user is not None and not user.is_active:
        return None
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
        "expires": token.expires.isoformat() if token.expires else None,
        "revoked": token.revoked,
    }

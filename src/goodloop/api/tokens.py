"""/api/tokens: my API tokens — list, create (the clear token is in this response only), revoke.

Creating a token needs a login (the web session): a token cannot mint tokens, so a stolen one
cannot make itself permanent by minting a successor before it is revoked or expires."""

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from goodloop.accounts import tokens as token_service

from . import common

router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    account: str
    created: str
    last_used: str | None
    expires: str | None
    revoked: bool


class TokenCreated(TokenOut):
    token: str


class TokenIn(common.In):
    name: str = Field("", max_length=token_service.MAX_NAME)
    expires_in_days: int | None = Field(None, ge=1, le=token_service.MAX_DAYS)


@router.get("", response={200: list[TokenOut], **common.ERRORS})
def list_tokens(request):
    return [token_service.as_dict(t) for t in token_service.list_tokens(request.auth)]


@router.post("", response={201: TokenCreated, 403: common.Error, **common.ERRORS})
def create_token(request, payload: TokenIn):
    if getattr(request, "by_token", False):
        raise HttpError(403, "a token cannot create tokens: create one on the API tokens page "
                             "or with `goodloop token create`")
    token, clear = token_service.create(request.auth, payload.name, payload.expires_in_days)
    token = token_service.list_tokens(request.auth).get(id=token.id)
    return 201, {**token_service.as_dict(token), "token": clear}


@router.delete("/{token_id}", response={204: None, **common.ERRORS})
def revoke_token(request, token_id: int):
    try:
        token_service.revoke(token_id, account=request.auth)
    except common.NotFound as exc:
        raise common.NotFound(exc.message) from None  # a path object: 404, not 422
    return 204, None

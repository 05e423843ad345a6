"""/api/tokens: my API tokens — list, create (the clear token is in this response only), revoke."""

from ninja import Field, Router, Schema

from goodloop.services import tokens as token_service

from . import common

router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    account: str
    created: str
    last_used: str | None
    revoked: bool


class TokenCreated(TokenOut):
    token: str


class TokenIn(Schema):
    name: str = Field("", max_length=token_service.MAX_NAME)


@router.get("", response={200: list[TokenOut], **common.ERRORS})
def list_tokens(request):
    return [token_service.as_dict(t) for t in token_service.list_tokens(request.auth)]


@router.post("", response={201: TokenCreated, **common.ERRORS})
def create_token(request, payload: TokenIn):
    token, clear = token_service.create(request.auth, payload.name)
    token = token_service.list_tokens(request.auth).get(id=token.id)
    return 201, {**token_service.as_dict(token), "token": clear}


@router.delete("/{token_id}", response={204: None, **common.ERRORS})
def revoke_token(request, token_id: int):
    try:
        token_service.revoke(token_id, account=request.auth)
    except common.NotFound as exc:
        raise common.NotFound(exc.message) from None  # a path object: 404, not 422
    return 204, None

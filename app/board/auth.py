"""Bearer-token authentication: who is calling, from ``Authorization: Bearer <token>``.

Tokens are random (``secrets.token_urlsafe``) and handed out once, at registration. The
database keeps only their SHA-256, so a copy of the database file does not let anyone act
as a user. Looking a user up by that hash also keeps the comparison free of timing leaks
about the token itself: the attacker cannot steer the hash byte by byte.
"""

from __future__ import annotations

import hashlib
import secrets

from starlette.requests import HTTPConnection

from app.board.database import BoardDatabase
from app.board.models import User
from app.board.problems import unauthorized

__all__ = ["authenticate", "hash_token", "new_token"]

# 32 bytes (256 bits) of randomness, 43 URL-safe characters.
_TOKEN_BYTES = 32

_HOW_TO_GET_ONE = "Register with POST /board/users to get a token."


def new_token() -> str:
    """Return a fresh, unguessable API token."""
    return secrets.token_urlsafe(_TOKEN_BYTES)


def hash_token(token: str) -> str:
    """Return the form a token is stored in (hex SHA-256: tokens are random, so no salt)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def authenticate(request: HTTPConnection, database: BoardDatabase) -> User:
    """Return the user the request's bearer token belongs to, or raise a 401 problem.

    A WebSocket handshake is authenticated the same way: its ``Authorization`` header.
    """
    header = request.headers.get("Authorization")
    if header is None:
        raise unauthorized(
            f"This request needs an API token: send 'Authorization: Bearer <token>'. "
            f"{_HOW_TO_GET_ONE}",
            invalid_token=False,
        )
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    # Auth schemes are case-insensitive (RFC 9110 11.1): "bearer" is as good as "Bearer".
    if scheme.lower() != "bearer" or not token:
        shown = f"the {scheme!r} scheme" if scheme.lower() != "bearer" else "no token"
        raise unauthorized(
            f"The Authorization header has {shown}; send 'Authorization: Bearer <token>'. "
            f"{_HOW_TO_GET_ONE}",
            invalid_token=False,
        )
    user = database.user_by_token_hash(hash_token(token))
    if user is None:
        raise unauthorized(
            f"The API token is not known to this board. {_HOW_TO_GET_ONE}", invalid_token=True
        )
    return user

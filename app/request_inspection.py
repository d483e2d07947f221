"""Endpoints that show what the server received: headers, query, cookies, forms, uploads.

They exist so that API-level features can check, over a real socket, what the kit's request
steps put on the wire: ``/inspect`` echoes a request, ``/cookies`` sets and reads cookies,
``/upload`` describes multipart files, ``/slow`` answers late, and ``/auth/*`` says whether
credentials arrived - without ever echoing a secret back.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import secrets
from typing import Any
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

__all__ = ["DEMO_PASSWORD", "DEMO_USERNAME", "SLOW_LIMIT_MS", "routes"]

ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

# The one account the demo knows. Not a secret: the features use it in plain sight.
DEMO_USERNAME = "ada"
DEMO_PASSWORD = "analytical-engine"

# /slow never sleeps longer than this, so a typo cannot hang a test run (or a server stop).
SLOW_LIMIT_MS = 5000


async def inspect(request: Request) -> JSONResponse:
    """Describe the request as received: method, path, query, headers, cookies and body.

    Query parameters and form fields map each name to the list of its values, in order.
    Header names are lower-case; the credentials of an Authorization header are hidden
    (only its scheme is shown). The body is shown as ``json`` (parsed JSON), ``form``
    (urlencoded fields) and ``text`` (the raw body, null when it is not UTF-8).
    """
    body = await request.body()
    content_type = request.headers.get("content-type")
    text = _utf8(body)
    return JSONResponse(
        {
            "method": request.method,
            "path": request.url.path,
            "query": _multi_dict(request.query_params.multi_items()),
            "headers": _shown_headers(request),
            "cookies": dict(request.cookies),
            "content_type": content_type,
            "json": _json_or_none(text) if _is_json(content_type) else None,
            "form": _form_or_none(text, content_type),
            "text": text,
            "body_size": len(body),
        }
    )


async def set_cookie(request: Request) -> Response:
    """Set the cookie ``?name=..&value=..`` (path ``/``) and say which one was set."""
    name = request.query_params.get("name")
    value = request.query_params.get("value")
    if not name or value is None:
        return _bad_request("Give the cookie as query parameters: /cookies/set?name=..&value=..")
    response = JSONResponse({"set": name})
    response.set_cookie(name, value, path="/", httponly=True, samesite="lax")
    return response


async def read_cookies(request: Request) -> JSONResponse:
    """Answer the cookies the request carried, by name."""
    return JSONResponse({"cookies": dict(request.cookies)})


async def upload(request: Request) -> JSONResponse:
    """Describe a multipart/form-data upload: its plain fields, and each file's fingerprint.

    Files are described by field name, file name, size, content type and SHA-256, so a
    feature can check that the bytes arrived intact without the body being echoed.
    """
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        return _bad_request(
            f"Send a multipart/form-data body (got Content-Type: {content_type or 'none'})."
        )
    fields: list[tuple[str, str]] = []
    files: list[dict[str, Any]] = []
    try:
        async with request.form() as form:
            for name, value in form.multi_items():
                if isinstance(value, str):
                    fields.append((name, value))
                    continue
                content = await value.read()
                files.append(
                    {
                        "field": name,
                        "filename": value.filename,
                        "size": len(content),
                        "content_type": value.content_type or "text/plain",
                        "sha256": hashlib.sha256(content).hexdigest(),
                    }
                )
    except HTTPException as error:  # Starlette's form parser: the body does not parse
        return _bad_request(f"The multipart body is malformed: {error.detail}")
    return JSONResponse({"fields": _multi_dict(fields), "files": files})


async def slow(request: Request) -> JSONResponse:
    """Answer after ``?ms=N`` milliseconds (at most ``SLOW_LIMIT_MS``), for timeout tests."""
    raw = request.query_params.get("ms", "100")
    try:
        milliseconds = int(raw)
    except ValueError:
        return _bad_request(f"ms must be a whole number of milliseconds, got {raw!r}.")
    milliseconds = max(0, min(milliseconds, SLOW_LIMIT_MS))
    await asyncio.sleep(milliseconds / 1000)
    return JSONResponse({"slept_ms": milliseconds})


async def issue_token(request: Request) -> JSONResponse:
    """Exchange the demo account's JSON credentials for a fresh bearer token (201)."""
    try:
        credentials = json.loads(await request.body())
    except ValueError:
        credentials = None
    if not isinstance(credentials, dict):
        return _bad_request('Send JSON credentials: {"username": "...", "password": "..."}.')
    if (credentials.get("username"), credentials.get("password")) != (
        DEMO_USERNAME,
        DEMO_PASSWORD,
    ):
        return JSONResponse({"error": "unauthorized", "authenticated": False}, status_code=401)
    token = secrets.token_urlsafe(24)
    _issued_tokens(request).add(token)
    return JSONResponse({"token": token, "token_type": "Bearer"}, status_code=201)


async def bearer(request: Request) -> JSONResponse:
    """Say whether the request carried a bearer token this server issued (never the token)."""
    scheme, credentials = _authorization(request)
    accepted = scheme == "bearer" and credentials in _issued_tokens(request)
    body = {"authenticated": accepted, "scheme": scheme, "credentials_present": bool(credentials)}
    return _auth_response(body, accepted, "Bearer")


async def basic(request: Request) -> JSONResponse:
    """Say whether the request carried the demo account's basic credentials (never the password)."""
    scheme, credentials = _authorization(request)
    username: str | None = None
    accepted = False
    if scheme == "basic":
        try:
            decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        username, _, password = decoded.partition(":")
        accepted = (username, password) == (DEMO_USERNAME, DEMO_PASSWORD)
    body = {"authenticated": accepted, "scheme": scheme, "username": username or None}
    return _auth_response(body, accepted, 'Basic realm="demo"')


routes: list[BaseRoute] = [
    Route("/inspect", inspect, methods=ALL_METHODS),
    Route("/inspect/{rest:path}", inspect, methods=ALL_METHODS),
    Route("/cookies/set", set_cookie, methods=["POST"]),
    Route("/cookies", read_cookies, methods=["GET"]),
    Route("/upload", upload, methods=["POST"]),
    Route("/slow", slow, methods=["GET"]),
    Route("/auth/token", issue_token, methods=["POST"]),
    Route("/auth/bearer", bearer, methods=["GET"]),
    Route("/auth/basic", basic, methods=["GET"]),
]


def _multi_dict(pairs: Any) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def _shown_headers(request: Request) -> dict[str, str]:
    shown: dict[str, str] = {}
    for name, received in request.headers.items():  # names come lower-case from the scope
        # Show that credentials arrived and their scheme, never the credentials.
        value = f"{received.partition(' ')[0]} <hidden>" if name == "authorization" else received
        shown[name] = f"{shown[name]}, {value}" if name in shown else value
    return shown


def _utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _is_json(content_type: str | None) -> bool:
    return content_type is not None and "json" in content_type.lower()


def _json_or_none(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _form_or_none(text: str | None, content_type: str | None) -> dict[str, list[str]] | None:
    if text is None or content_type is None:
        return None
    if not content_type.lower().startswith("application/x-www-form-urlencoded"):
        return None
    return _multi_dict(parse_qsl(text, keep_blank_values=True))


def _issued_tokens(request: Request) -> set[str]:
    # Tokens live as long as the app instance, like the visit counter: a fresh server
    # knows none.
    state = request.app.state
    tokens: set[str] | None = getattr(state, "issued_tokens", None)
    if tokens is None:
        tokens = set()
        state.issued_tokens = tokens
    return tokens


def _authorization(request: Request) -> tuple[str | None, str]:
    header = request.headers.get("authorization")
    if header is None:
        return None, ""
    scheme, _, credentials = header.strip().partition(" ")
    return scheme.lower(), credentials.strip()


def _auth_response(body: dict[str, Any], accepted: bool, challenge: str) -> JSONResponse:
    if accepted:
        return JSONResponse(body)
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": challenge})


def _bad_request(detail: str) -> JSONResponse:
    return JSONResponse({"error": "bad_request", "detail": detail}, status_code=400)

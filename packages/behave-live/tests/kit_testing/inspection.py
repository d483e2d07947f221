"""Endpoints that show what the server received, to check what the kit put on the wire.

``/inspect`` echoes a request; ``/bytes`` echoes its body byte for byte; ``/charset`` answers
text in a declared charset; ``/redirect-to`` redirects anywhere; ``/cookies`` sets and reads
cookies; ``/upload`` fingerprints multipart files; ``/slow`` answers late; ``/auth/*`` say
whether credentials arrived, never echoing them (so a test can also check that the kit
redacts what it shows).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

__all__ = ["BASIC_PASSWORD", "BASIC_USER", "BEARER_TOKEN", "routes"]

ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
#: The credentials the ``/auth`` endpoints accept.
BEARER_TOKEN = "tok-good-1234"
BASIC_USER = "ada"
BASIC_PASSWORD = "analytical-engine"


async def inspect(request: Request) -> JSONResponse:
    """Describe the request: method, path, query, headers, cookies and the body three ways.

    Header names are lower-case and credentials hidden; ``json`` is the parsed body of a JSON
    request, ``form`` the fields of an urlencoded one, ``text`` the body (null if not UTF-8).
    """
    body = await request.body()
    content_type = request.headers.get("content-type") or ""
    try:
        text: str | None = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    is_json = "json" in content_type and text is not None
    is_form = content_type.startswith("application/x-www-form-urlencoded") and text is not None
    return JSONResponse(
        {
            "method": request.method,
            "path": request.url.path,
            "query": _multi_dict(request.query_params.multi_items()),
            "headers": _shown_headers(request),
            "cookies": dict(request.cookies),
            "content_type": content_type or None,
            "json": json.loads(text) if is_json and text else None,
            "form": _multi_dict(parse_qsl(text, keep_blank_values=True)) if is_form else None,
            "text": text,
            "body_size": len(body),
        }
    )


async def set_cookie(request: Request) -> Response:
    """Set the cookie ``?name=..&value=..``."""
    response = JSONResponse({"set": request.query_params["name"]})
    response.set_cookie(request.query_params["name"], request.query_params["value"])
    return response


async def read_cookies(request: Request) -> JSONResponse:
    """Answer the cookies the request carried."""
    return JSONResponse({"cookies": dict(request.cookies)})


async def upload(request: Request) -> JSONResponse:
    """Describe a multipart upload: its plain fields, and each file's size and SHA-256."""
    fields: list[tuple[str, str]] = []
    files: list[dict[str, Any]] = []
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
                    "content_type": value.content_type,
                    "sha256": hashlib.sha256(content).hexdigest(),
                }
            )
    return JSONResponse({"fields": _multi_dict(fields), "files": files})


async def raw_bytes(request: Request) -> Response:
    """Answer the request body byte for byte (application/octet-stream)."""
    return Response(await request.body(), media_type="application/octet-stream")


async def in_charset(request: Request) -> Response:
    """Answer ``?text=..`` as text/plain encoded in ``?charset=..``, which the header declares."""
    charset = request.query_params["charset"]
    body = request.query_params["text"].encode(charset)
    return Response(body, headers={"Content-Type": f"text/plain; charset={charset}"})


async def redirect_to(request: Request) -> Response:
    """Redirect (302) to the absolute URL ``?url=..``, wherever it points."""
    return RedirectResponse(request.query_params["url"], status_code=302)


async def slow(request: Request) -> JSONResponse:
    """Answer after ``?ms=N`` milliseconds."""
    milliseconds = int(request.query_params["ms"])
    await asyncio.sleep(milliseconds / 1000)
    return JSONResponse({"slept_ms": milliseconds})


async def bearer(request: Request) -> JSONResponse:
    """200 if the request carried :data:`BEARER_TOKEN`, else 401 with a challenge."""
    accepted = request.headers.get("authorization") == f"Bearer {BEARER_TOKEN}"
    return _auth_answer({"authenticated": accepted, "scheme": "bearer"}, accepted, "Bearer")


async def basic(request: Request) -> JSONResponse:
    """200 if the request carried :data:`BASIC_USER`'s basic credentials, else 401."""
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    username, _, password = base64.b64decode(credentials).decode().partition(":")
    accepted = scheme == "Basic" and (username, password) == (BASIC_USER, BASIC_PASSWORD)
    body = {"authenticated": accepted, "scheme": "basic", "username": username}
    return _auth_answer(body, accepted, "Basic")


routes: list[BaseRoute] = [
    Route("/inspect", inspect, methods=ALL_METHODS),
    Route("/inspect/{rest:path}", inspect, methods=ALL_METHODS),
    Route("/cookies/set", set_cookie, methods=["POST"]),
    Route("/cookies", read_cookies, methods=["GET"]),
    Route("/upload", upload, methods=["POST"]),
    Route("/bytes", raw_bytes, methods=["POST"]),
    Route("/charset", in_charset, methods=["GET"]),
    Route("/redirect-to", redirect_to, methods=["GET"]),
    Route("/slow", slow, methods=["GET"]),
    Route("/auth/bearer", bearer, methods=["GET"]),
    Route("/auth/basic", basic, methods=["GET"]),
]


def _multi_dict(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def _shown_headers(request: Request) -> dict[str, str]:
    # Show that credentials arrived and their scheme, never the credentials themselves.
    return {
        name: f"{value.partition(' ')[0]} <hidden>" if name == "authorization" else value
        for name, value in request.headers.items()
    }


def _auth_answer(body: dict[str, Any], accepted: bool, challenge: str) -> JSONResponse:
    if accepted:
        return JSONResponse(body)
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": challenge})

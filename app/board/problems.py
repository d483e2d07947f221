"""RFC 9457 problem details: the one shape every error of the board takes.

Endpoints raise :class:`ProblemError` (through the small constructors below) and the
exception handlers here turn it - and Starlette's own errors, and crashes - into an
``application/problem+json`` response. Keeping the shape in one place means a client, or a
scenario, can rely on ``type``, ``title``, ``status``, ``detail`` and ``instance`` on every
error, whatever produced it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "PROBLEM_TYPE_BASE",
    "FieldError",
    "ProblemError",
    "bad_request",
    "conflict",
    "content_too_large",
    "forbidden",
    "handle_http_exception",
    "handle_problem",
    "handle_server_error",
    "not_found",
    "problem_response",
    "unauthorized",
    "validation_failed",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"

logger = logging.getLogger(__name__)

#: Specific problem types live under this URI; generic ones use ``about:blank`` (RFC 9457 4.2).
PROBLEM_TYPE_BASE = "https://example.com/problems/"


@dataclass(frozen=True)
class FieldError:
    """One thing wrong with one field of a request, such as a title that is too long."""

    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        """Return the error as it appears in a problem's ``errors`` list."""
        return {"field": self.field, "message": self.message}


class ProblemError(Exception):
    """An error the client can act on; the board answers it with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        problem_type: str = "about:blank",
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.problem_type = problem_type
        # RFC 9457: with "about:blank" the title SHOULD be the status's reason phrase.
        self.title = title or HTTPStatus(status).phrase
        self.headers = dict(headers or {})
        self.extensions = dict(extensions or {})


def problem_response(request: Request, problem: ProblemError) -> JSONResponse:
    """Render ``problem`` for ``request``; ``instance`` is the path that was asked for."""
    body: dict[str, Any] = {
        "type": problem.problem_type,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        # The path, not the full URL: it identifies the occurrence without echoing a Host
        # header the client may have made up.
        "instance": request.url.path,
        **problem.extensions,
    }
    return JSONResponse(
        body, status_code=problem.status, headers=problem.headers, media_type=PROBLEM_MEDIA_TYPE
    )


# -- constructors: one per kind of problem, so endpoints read as the rule they enforce -------


def bad_request(detail: str) -> ProblemError:
    """Return a 400: the request cannot be read (malformed JSON, a body that is no object)."""
    return ProblemError(400, detail)


def content_too_large(detail: str) -> ProblemError:
    """Return a 413: the body is larger than the board is willing to read."""
    # RFC 9110's name; Python before 3.13 knows 413 only as "Request Entity Too Large".
    return ProblemError(413, detail, title="Content Too Large")


def unauthorized(detail: str, *, invalid_token: bool) -> ProblemError:
    """Return a 401 with the ``WWW-Authenticate: Bearer`` challenge RFC 6750 asks for.

    ``invalid_token`` adds ``error="invalid_token"``: a token was sent but is not known, as
    opposed to no credentials at all (where RFC 6750 3.1 says to send no error code).
    """
    challenge = 'Bearer realm="board"'
    if invalid_token:
        challenge += ', error="invalid_token"'
    return ProblemError(401, detail, headers={"WWW-Authenticate": challenge})


def forbidden(detail: str) -> ProblemError:
    """Return a 403: the caller is known but may not touch this resource."""
    return ProblemError(403, detail)


def not_found(detail: str) -> ProblemError:
    """Return a 404: there is nothing at this address."""
    return ProblemError(404, detail)


def conflict(
    detail: str, *, slug: str, title: str, extensions: Mapping[str, Any] | None = None
) -> ProblemError:
    """Return a 409 of a specific type (``slug``, such as ``version-conflict``)."""
    return ProblemError(
        409, detail, problem_type=PROBLEM_TYPE_BASE + slug, title=title, extensions=extensions
    )


def validation_failed(errors: Sequence[FieldError]) -> ProblemError:
    """Return a 422 listing every field error at once, so a client can fix them in one go."""
    fields = ", ".join(dict.fromkeys(error.field for error in errors))  # ordered, unique
    noun = "field" if len(errors) == 1 else "fields"
    return ProblemError(
        422,
        f"The request has {len(errors)} invalid {noun} ({fields}): see 'errors' for each.",
        problem_type=PROBLEM_TYPE_BASE + "validation",
        title="Your request is not valid",
        extensions={"errors": [error.to_json() for error in errors]},
    )


# -- exception handlers ------------------------------------------------------------------------


async def handle_problem(request: Request, exc: Exception) -> Response:
    """Answer a :class:`ProblemError` raised by an endpoint."""
    assert isinstance(exc, ProblemError)  # registered for ProblemError only
    return problem_response(request, exc)


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    """Answer Starlette's own errors (no such route, method not allowed)."""
    assert isinstance(exc, HTTPException)  # registered for HTTPException only
    detail = _HTTP_EXCEPTION_DETAILS.get(exc.status_code, exc.detail)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Starlette joins a set, so the order would change from run to run: sort it.
        allowed = ", ".join(sorted(method.strip() for method in headers["Allow"].split(",")))
        headers["Allow"] = allowed
        detail = f"{request.method} is not allowed on {request.url.path}; use {allowed}."
    elif exc.status_code == 404:
        detail = f"There is nothing at {request.url.path}. {detail}"
    return problem_response(request, ProblemError(exc.status_code, detail, headers=headers))


async def handle_server_error(request: Request, exc: Exception) -> Response:
    """Answer an unhandled exception with a 500 problem that gives nothing internal away.

    Starlette's ``ServerErrorMiddleware`` calls this and then re-raises ``exc``, so uvicorn
    still logs the traceback: a crash is answered politely *and* never goes unnoticed.
    """
    # uvicorn logs the traceback only after the response has gone out, so a client could
    # look at the server's log before it is there. This record is written first: once the
    # client has the 500, the log already says which request failed and why.
    logger.error("%s %s failed with %r", request.method, request.url.path, exc)
    response = problem_response(
        request,
        ProblemError(
            500,
            "The board failed to handle this request; the error has been logged. "
            "Try again later, and report it if it keeps happening.",
        ),
    )
    # uvicorn closes the connection after an exception; saying so lets a keep-alive client
    # open a new one instead of sending its next request into a connection being reset.
    response.headers["Connection"] = "close"
    return response


_HTTP_EXCEPTION_DETAILS: dict[int, str] = {
    404: "See the board's API for the paths it serves.",
}

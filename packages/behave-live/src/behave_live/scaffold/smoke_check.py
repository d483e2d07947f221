"""Start the user's app on a live server and find a request the example feature can make.

``init`` asks the real server rather than guessing from the routes alone: a GET route may
need a token or a query parameter, and only a live answer says what the example can expect.
So the written feature passes on its first run, or init says why it cannot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import requests

from behave_live.errors import ScaffoldError, ServerStartupError
from behave_live.http.session import HttpSession
from behave_live.server.live_server import UvicornTestServer

__all__ = ["SmokeRequest", "find_smoke_request"]

#: How many candidate routes are tried before falling back to "the server answers".
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class SmokeRequest:
    """A GET that the live app answered: its path and the class of its status (2 for 2xx)."""

    path: str
    status: int

    @property
    def status_class(self) -> int:
        """The first digit of the status: 2 for 200-299."""
        return self.status // 100

    @property
    def is_success(self) -> bool:
        """True for a 2xx answer."""
        return self.status_class == 2


def find_smoke_request(
    app: Any, spec: str, candidates: Sequence[str], *, lifespan: Literal["on", "off", "auto"] = "on"
) -> SmokeRequest:
    """Serve ``app`` and GET the candidates in order; the first 2xx wins.

    Without a 2xx among them, the answer to ``GET /`` (whatever its status) is returned,
    so the example can at least check that the server answers.
    """
    try:
        with (
            UvicornTestServer(app, lifespan=lifespan) as server,
            HttpSession(server.base_url) as http,
        ):
            for path in candidates[:MAX_CANDIDATES]:
                status = _status(http, path)
                if status is not None and status // 100 == 2:
                    return SmokeRequest(path, status)
            status = _status(http, "/")
            if status is None:
                raise ScaffoldError(
                    f"The app {spec!r} started, but GET / got no answer. Check that it is an "
                    "HTTP (ASGI) application, then run init again."
                )
            return SmokeRequest("/", status)
    except ServerStartupError as exc:
        raise ScaffoldError(
            f"The app {spec!r} imports, but a server running it did not start - every "
            f"scenario would fail the same way. {exc}"
        ) from exc


def _status(http: HttpSession, path: str) -> int | None:
    try:
        return http.get(path).status_code
    except requests.RequestException:
        return None

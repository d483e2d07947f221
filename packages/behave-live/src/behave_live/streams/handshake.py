"""The headers a WebSocket handshake carries: the scenario's own, as an HTTP request would.

A WebSocket opens with an HTTP request, so it goes out with what the scenario set up for its
requests - default headers, the next request's headers (consumed), cookies and credentials -
prepared by the session itself. What ``requests`` adds on its own (``Accept``,
``Connection: keep-alive``, ...) and what the WebSocket client writes itself is left out.
"""

from __future__ import annotations

from typing import Final

import requests
from requests.utils import default_headers

from behave_live.http.session import HttpSession, learn_secrets

__all__ = ["handshake_headers", "websocket_url"]

# The WebSocket client writes these itself; a second copy would break the handshake.
_CLIENT_HEADERS: Final = frozenset(
    {"host", "connection", "upgrade", "content-length", "user-agent"}
)
_CLIENT_PREFIX: Final = "sec-websocket-"


def websocket_url(session: HttpSession, path: str) -> str:
    """The ``ws://`` (or ``wss://``) URL of ``path`` on the session's server."""
    url = session.url_for(path)
    if url.startswith("https://"):
        return "wss://" + url[len("https://") :]
    if url.startswith("http://"):
        return "ws://" + url[len("http://") :]
    return url


def handshake_headers(session: HttpSession, path: str) -> list[tuple[str, str]]:
    """The headers for a handshake to ``path``, from the session's settings.

    The next-request headers are used up, as a request would use them; the credentials sent
    join the scenario's secrets, so no message or report shows them.
    """
    headers = session.take_next_request_headers()
    prepared = session.prepare_request(
        requests.Request("GET", session.url_for(path), headers=dict(headers))
    )
    learn_secrets(session.secrets, prepared)
    defaults = default_headers()
    chosen: list[tuple[str, str]] = []
    for name, value in prepared.headers.items():
        lowered = name.lower()
        if lowered in _CLIENT_HEADERS or lowered.startswith(_CLIENT_PREFIX):
            continue
        if defaults.get(name) == value and name not in headers:
            continue  # requests' own default, not the scenario's
        chosen.append((name, value))
    return chosen

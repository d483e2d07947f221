"""An HTTP session bound to one server: relative paths, and a log of every exchange."""

from __future__ import annotations

from typing import Any

import requests

from behave_live.errors import KitError
from behave_live.exchange import Exchange

__all__ = ["HttpSession", "NoResponseError"]


class NoResponseError(KitError):
    """An assertion asked about "the response" before any request was sent."""


class HttpSession(requests.Session):
    """A :class:`requests.Session` whose paths are relative to ``base_url``.

    Keeps connections alive between requests (one TCP connection for a whole scenario) and
    records each exchange, so failures can show exactly what was sent and received.
    """

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.exchanges: list[Exchange] = []

    def url_for(self, path: str) -> str:
        """Return the absolute URL for ``path`` ("/health"); absolute URLs pass through."""
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        """Send a request to ``url`` (relative to ``base_url``) and record the exchange."""
        response = super().request(method, self.url_for(url), *args, **kwargs)
        self.exchanges.append(Exchange(response))
        return response

    @property
    def last_exchange(self) -> Exchange:
        """The most recent exchange; a clear error when nothing was sent yet."""
        if not self.exchanges:
            raise NoResponseError(
                "No request has been sent in this scenario yet, so there is no response to "
                'check. Add a step such as: When I send a GET request to "/health"'
            )
        return self.exchanges[-1]

    @property
    def last_response(self) -> requests.Response:
        """The most recent response (see :attr:`last_exchange`)."""
        return self.last_exchange.response

"""An HTTP session bound to one server: relative paths, request settings, a log of exchanges.

What a scenario sets up for its requests lives here, with one rule per lifetime:

- **every request** of the session: the base path, the timeout, default headers, the
  credentials (bearer token or basic auth), cookies (set by a step, or by the server
  with Set-Cookie - ``requests`` keeps them in the session's cookie jar) and whether
  redirects are followed;
- **the next request** only: headers and query parameters set with
  :meth:`HttpSession.set_next_request_headers` and
  :meth:`HttpSession.add_next_request_params`, dropped once that request is sent (or fails);
- **one request**: the headers, query and body given to :meth:`HttpSession.request`.

When a name is set at several levels the narrower one wins: a request's own headers over
the next-request headers, over the default headers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth
from requests.structures import CaseInsensitiveDict

from behave_live.errors import NoResponseError, RequestFailedError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.http.redaction import redact_url

__all__ = [
    "DEFAULT_TIMEOUT",
    "BearerAuth",
    "HttpSession",
]

# Seconds a request may wait for the server unless a step says otherwise: generous, but a
# hung server fails the scenario instead of hanging the whole run.
DEFAULT_TIMEOUT = 30.0

# RFC 9110 token characters (header names, cookie names).
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
# RFC 6265 cookie-octet: printable ASCII except space, DQUOTE, comma, semicolon, backslash.
_COOKIE_VALUE = re.compile(r"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*\Z")


# The user:password@ part of a URL, found without parsing it.
_USER_INFO = re.compile(r"//[^/@]*@")


class BearerAuth(AuthBase):
    """``Authorization: Bearer <token>`` on every request; the token never shows in a repr."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        """Add the Authorization header to ``request``."""
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def __repr__(self) -> str:
        return "BearerAuth(<redacted>)"


class HttpSession(requests.Session):
    """A :class:`requests.Session` whose paths are relative to ``base_url`` (and a base path).

    Keeps connections alive between requests (one TCP connection for a whole scenario) and
    records each exchange, so failures can show exactly what was sent and received. A
    request that gets no response raises :class:`RequestFailedError`.
    """

    def __init__(self, base_url: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.base_path = ""
        self.timeout = timeout
        self.exchanges: list[Exchange] = []
        # Called with each new exchange, in order: report attachments, server-error checks.
        # A listener may raise (an AssertionError) to fail the step that sent the request.
        self.exchange_listeners: list[Callable[[Exchange], None]] = []
        self.follow_redirects = True
        self._next_headers: CaseInsensitiveDict[str] = CaseInsensitiveDict()
        self._next_params: list[tuple[str, str]] = []

    # -- where requests go ------------------------------------------------------------------

    def set_base_path(self, path: str) -> None:
        """Prefix every relative path from now on with ``path`` ("/api"; "/" or "" for none).

        A path such as ``"/tasks"`` or ``"tasks"`` then goes to ``/api/tasks``; absolute URLs
        (``http://...``) are left alone.
        """
        text = path.strip()
        if "://" in text or "?" in text or "#" in text:
            raise StepInputError(
                f"The base path {path!r} must be a plain path such as /api (no scheme, host, "
                "query or fragment). To test a server elsewhere, set base_url in "
                "[tool.behave.userdata] or run with -D base_url=https://..."
            )
        self.base_path = "/" + text.strip("/") if text.strip("/") else ""

    def url_for(self, path: str) -> str:
        """Return the absolute URL for ``path`` ("/health"); absolute URLs pass through."""
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base_url}{self.base_path}/{path.lstrip('/')}"

    # -- settings for every request ---------------------------------------------------------

    def set_timeout(self, seconds: float) -> None:
        """Fail every later request that gets no response within ``seconds``."""
        if not seconds > 0:
            raise StepInputError(
                f"The request timeout must be more than 0, got {_duration(seconds)}."
            )
        self.timeout = seconds

    def set_default_header(self, name: str, value: str) -> None:
        """Send the header ``name: value`` with every later request of the session."""
        _check_header(name, value)
        self.headers[name] = value

    def use_bearer_token(self, token: str) -> None:
        """Authenticate every later request with ``Authorization: Bearer <token>``."""
        if not token.strip():
            raise StepInputError(
                "The bearer token is empty. If it comes from a variable, check that the "
                "variable holds the token (for example the value saved from a login response)."
            )
        if any(character in token for character in "\r\n"):
            raise StepInputError("The bearer token contains a line break.")
        self.auth = BearerAuth(token.strip())

    def use_basic_auth(self, username: str, password: str) -> None:
        """Authenticate every later request with HTTP basic auth (RFC 7617)."""
        if ":" in username:
            raise StepInputError(
                f"The user name {username!r} contains ':', which basic auth cannot carry "
                "(it separates the user name from the password)."
            )
        self.auth = HTTPBasicAuth(username, password)

    def set_cookie(self, name: str, value: str) -> None:
        """Send the cookie ``name=value`` with every later request to the server's host.

        The cookie belongs to the host of ``base_url``, as if that server had set it: a
        redirect to another host (even the same server under another name) goes without it.
        """
        if not _TOKEN.match(name):
            raise StepInputError(
                f"{name!r} cannot be a cookie name: use letters, digits and !#$%&'*+-.^_`|~ "
                "only (no spaces, =, ; or quotes)."
            )
        if not _COOKIE_VALUE.match(value):
            raise StepInputError(
                f"The value of the cookie {name!r} contains a character a cookie cannot "
                "carry (space, double quote, comma, semicolon, backslash or a control "
                "character). URL-encode it (a space as %20)."
            )
        self.cookies.set(name, value, domain=_cookie_domain(self.base_url))

    def set_follow_redirects(self, follow: bool) -> None:
        """Follow redirects (the default) or hand back the 3xx response itself.

        Followed redirects are kept in the exchange (``response.history``), so failures
        show the whole chain.
        """
        self.follow_redirects = follow

    # -- settings for the next request ------------------------------------------------------

    def add_next_request_params(self, params: Sequence[tuple[str, str]]) -> None:
        """Add query parameters to the next request only (after any already set).

        They are added to the query of the path, and before the parameters the request
        itself gives; a name may appear several times.
        """
        self._next_params += list(params)

    @property
    def next_request_params(self) -> list[tuple[str, str]]:
        """The query parameters waiting for the next request."""
        return list(self._next_params)

    def set_next_request_headers(self, headers: Mapping[str, str]) -> None:
        """Send these headers with the next request only (added to any already set)."""
        for name, value in headers.items():
            _check_header(name, value)
            self._next_headers[name] = value

    @property
    def next_request_headers(self) -> Mapping[str, str]:
        """The headers waiting for the next request."""
        return dict(self._next_headers.items())

    # -- sending ----------------------------------------------------------------------------

    def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        """Send a request to ``url`` (relative to ``base_url``) and record the exchange.

        Adds the next-request headers and query parameters (consumed), the session's
        timeout and redirect rule unless the call gives its own. A request that gets no
        response raises :class:`RequestFailedError`.
        """
        full_url = self.url_for(url)
        headers: CaseInsensitiveDict[str] = CaseInsensitiveDict(self._next_headers)
        self._next_headers = CaseInsensitiveDict()
        headers.update(kwargs.get("headers") or {})
        kwargs["headers"] = headers
        if self._next_params:
            kwargs["params"] = [*self._next_params, *_pairs(kwargs.get("params"))]
            self._next_params = []
        kwargs.setdefault("allow_redirects", self.follow_redirects)
        timeout = kwargs.setdefault("timeout", self.timeout)
        try:
            response = super().request(method, full_url, *args, **kwargs)
        except (requests.RequestException, ValueError) as error:
            # ValueError: some malformed URLs ("http://[bad") fail in urllib before requests
            # can wrap the error.
            raise RequestFailedError(_failure_message(method, full_url, timeout, error)) from error
        exchange = Exchange(response)
        self.exchanges.append(exchange)
        for listener in self.exchange_listeners:
            listener(exchange)
        return response

    def get(self, url: str | bytes, **kwargs: Any) -> requests.Response:
        """Send a GET request; redirects follow the session's rule unless the call says."""
        # requests.Session.get defaults allow_redirects to True before request() sees it.
        kwargs.setdefault("allow_redirects", self.follow_redirects)
        return self.request("GET", str(url), **kwargs)

    def options(self, url: str | bytes, **kwargs: Any) -> requests.Response:
        """Send an OPTIONS request; redirects follow the session's rule unless the call says."""
        kwargs.setdefault("allow_redirects", self.follow_redirects)
        return self.request("OPTIONS", str(url), **kwargs)

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


def _pairs(params: Any) -> list[tuple[str, str]]:
    # requests takes a query as a mapping (values may be lists), pairs or a string.
    if not params:
        return []
    if isinstance(params, Mapping):
        return [
            (name, item)
            for name, value in params.items()
            for item in (value if isinstance(value, (list, tuple)) else [value])
        ]
    if isinstance(params, (str, bytes)):
        text = params.decode() if isinstance(params, bytes) else params
        return parse_qsl(text, keep_blank_values=True)
    return list(params)


def _check_header(name: str, value: str) -> None:
    if not _TOKEN.match(name):
        raise StepInputError(
            f"{name!r} cannot be a header name: use letters, digits and !#$%&'*+-.^_`|~ only "
            "(no spaces or colons)."
        )
    if any(character in value for character in "\r\n\0"):
        raise StepInputError(f"The value of the header {name!r} contains a line break.")


def _failure_message(method: str, url: str, timeout: Any, error: Exception) -> str:
    request = f"{method.upper()} {_shown_url(url)}"
    if isinstance(error, requests.ConnectTimeout):
        return (
            f"{request} failed: could not connect within the {_timeout(timeout)} timeout. "
            "Check that the server is running and that the host and port are right."
        )
    if isinstance(error, requests.ReadTimeout):
        return (
            f"{request} failed: no response within the {_timeout(timeout)} timeout. If the "
            "endpoint is meant to be this slow, allow more time with a step such as: Given "
            "requests time out after 5000 ms"
        )
    if isinstance(error, requests.ConnectionError):
        return (
            f"{request} failed: could not connect ({_root_cause(error)}). Check that the "
            "server is running and that the host and port are right."
        )
    if isinstance(error, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema)):
        return f"{request} failed: the URL is not valid ({error})."
    if isinstance(error, ValueError) and not isinstance(error, requests.RequestException):
        return f"{request} failed: the URL is not valid ({error})."
    return f"{request} failed: {type(error).__name__}: {_root_cause(error)}"


def _shown_url(url: str) -> str:
    try:
        return redact_url(url)
    except ValueError:  # unparseable: at least hide anything that looks like user:password@
        return _USER_INFO.sub("//<redacted>@", url)


def _root_cause(error: BaseException) -> str:
    """The innermost OS-level reason ("Connection refused"), else the error's own text."""
    for cause in _causes(error):
        if isinstance(cause, OSError) and not isinstance(cause, requests.RequestException):
            module = type(cause).__module__
            if module in {"builtins", "socket", "ssl", "http.client"}:
                return cause.strerror or str(cause) or type(cause).__name__
    return str(error) or type(error).__name__


def _causes(error: BaseException) -> Iterator[BaseException]:
    # urllib3 wraps the socket error in NewConnectionError in MaxRetryError (as .reason),
    # and requests wraps that (as args[0]): follow every link, once each.
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        links = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        links += [arg for arg in current.args if isinstance(arg, BaseException)]
        pending += [link for link in links if isinstance(link, BaseException)]


def _timeout(timeout: Any) -> str:
    if isinstance(timeout, (int, float)):
        return _duration(float(timeout))
    return f"{timeout!r} s"


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:g} ms"


def _cookie_domain(base_url: str) -> str:
    # The domain the cookie jar itself gives a cookie that this host sets: "127.0.0.1",
    # "[::1].local", "localhost.local" (the jar matches a dotless host name as name.local).
    host = urlsplit(base_url).hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return host if "." in host else f"{host}.local"

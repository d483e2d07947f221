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

Every request goes through one path (:meth:`HttpSession.request` for a new request,
:meth:`HttpSession.resend` for a repeat), so every exchange is recorded and every listener
- report attachments, the server crash check - sees every attempt, and every request that
gets no response is shown to the failure listeners.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth
from requests.structures import CaseInsensitiveDict

from behave_live.errors import NoResponseError, RequestFailedError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.http.redaction import is_secret_cookie, is_secret_name, redact_url
from behave_live.secrets import SecretValues

__all__ = [
    "DEFAULT_TIMEOUT",
    "BearerAuth",
    "HttpSession",
    "learn_secrets",
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

    ``secrets`` is the scenario's registry of secret values: the session adds every
    credential it sends (bearer token, basic credentials and their base64, login cookies,
    secret-named headers, query parameters and JSON or form fields), and each exchange
    is shown with them masked.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        secrets: SecretValues | None = None,
    ) -> None:
        super().__init__()
        self.secrets = secrets if secrets is not None else SecretValues()
        self.base_url = base_url.rstrip("/")
        self.base_path = ""
        self.timeout = timeout
        self.exchanges: list[Exchange] = []
        # Called with each new exchange, in order: report attachments, server-error checks.
        # A listener may raise (an AssertionError) to fail the step that sent the request.
        self.exchange_listeners: list[Callable[[Exchange], None]] = []
        # Called with the error of a request that got no (complete) response, before it is
        # raised: a listener may raise a better one (the server's own record of a crash).
        self.failure_listeners: list[Callable[[RequestFailedError], None]] = []
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
        self.secrets.add(token.strip())
        self.auth = BearerAuth(token.strip())

    def use_basic_auth(self, username: str, password: str) -> None:
        """Authenticate every later request with HTTP basic auth (RFC 7617)."""
        if ":" in username:
            raise StepInputError(
                f"The user name {username!r} contains ':', which basic auth cannot carry "
                "(it separates the user name from the password)."
            )
        self.secrets.add_basic_credentials(username, password)
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
        if is_secret_cookie(name):
            self.secrets.add(value)
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

    def take_next_request_headers(self) -> dict[str, str]:
        """The headers waiting for the next request, used up by a request sent elsewhere.

        For what opens with an HTTP request of its own (a WebSocket handshake).
        """
        headers = dict(self._next_headers.items())
        self._next_headers = CaseInsensitiveDict()
        return headers

    # -- sending ----------------------------------------------------------------------------

    def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        """Send a request to ``url`` (relative to ``base_url``) and record the exchange.

        Adds the next-request headers and query parameters (consumed), the session's
        timeout and redirect rule unless the call gives its own. A request that gets no
        response raises :class:`RequestFailedError`.

        ``read_body=function`` reads a streamed body as it arrives (server-sent events, a
        chunked body): the function gets the response before its body and returns the bytes
        it read; the connection is then closed and the exchange recorded with those bytes.
        """
        __tracebackhide__ = True  # pytest shows the caller's line, not the kit's frames
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
        read_body: Callable[[requests.Response], bytes] | None = kwargs.pop("read_body", None)

        def send() -> requests.Response:
            if read_body is None:
                return super(HttpSession, self).request(method, full_url, *args, **kwargs)
            kwargs["stream"] = True
            return _read_streamed(
                super(HttpSession, self).request(method, full_url, *args, **kwargs), read_body
            )

        return self._recorded(method, full_url, timeout, send).response

    def resend(self, exchange: Exchange) -> Exchange:
        """Send the request of ``exchange`` again, unchanged, and record the new exchange.

        The prepared request as the step sent it (before any redirect): the same URL,
        headers (credentials, cookies) and body, byte for byte. It goes through the same
        path as :meth:`request`, so listeners see the repeat like any other exchange.
        """
        sent = exchange.sent_request
        return self._recorded(
            sent.method or "GET",
            sent.url or "",
            self.timeout,
            lambda: self.send(
                sent.copy(), timeout=self.timeout, allow_redirects=self.follow_redirects
            ),
        )

    def _recorded(
        self, method: str, url: str, timeout: Any, send: Callable[[], requests.Response]
    ) -> Exchange:
        """The one path of every request: send, record, tell the listeners."""
        __tracebackhide__ = True  # pytest shows the caller's line, not the kit's frames
        try:
            response = send()
        except (requests.RequestException, ValueError) as error:
            # ValueError: some malformed URLs ("http://[bad") fail in urllib before requests
            # can wrap the error.
            failure = RequestFailedError(_failure_message(method, url, timeout, error))
            failure.__cause__ = error
            for failure_listener in self.failure_listeners:
                failure_listener(failure)
            raise failure from error
        for hop in [*response.history, response]:
            learn_secrets(self.secrets, hop.request)
        exchange = Exchange(response, self.secrets)
        self.exchanges.append(exchange)
        for listener in self.exchange_listeners:
            listener(exchange)
        return exchange

    def get(self, url: str | bytes, **kwargs: Any) -> requests.Response:
        """Send a GET request; redirects follow the session's rule unless the call says."""
        __tracebackhide__ = True  # pytest shows the caller's line, not the kit's frames
        # requests.Session.get defaults allow_redirects to True before request() sees it.
        kwargs.setdefault("allow_redirects", self.follow_redirects)
        return self.request("GET", str(url), **kwargs)

    def options(self, url: str | bytes, **kwargs: Any) -> requests.Response:
        """Send an OPTIONS request; redirects follow the session's rule unless the call says."""
        __tracebackhide__ = True  # pytest shows the caller's line, not the kit's frames
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


def _read_streamed(
    response: requests.Response, read_body: Callable[[requests.Response], bytes]
) -> requests.Response:
    """Let ``read_body`` read the body as it comes, then keep what it read as the content."""
    try:
        body = read_body(response)
    finally:
        response.close()  # an endless stream ends here: the server sees the client leave
    # What was read becomes the body the exchange shows (requests' own cache of it).
    response._content = body
    response._content_consumed = True  # type: ignore[attr-defined]
    return response


def learn_secrets(secrets: SecretValues, request: requests.PreparedRequest) -> None:
    """Register the credentials ``request`` carried, whoever set them.

    Secret-named headers (an ``Authorization`` value, its token, the pair inside basic
    credentials), login cookies, secret-named query parameters and the secret-named fields
    of a JSON or form body: whatever the server echoes back is then hidden by value.
    """
    for name, value in request.headers.items():
        if name.lower() == "cookie":
            for pair in value.split(";"):
                cookie, _, cookie_value = pair.strip().partition("=")
                if is_secret_cookie(cookie):
                    secrets.add(cookie_value)
        elif is_secret_name(name):
            _learn_header(secrets, value)
    parts = urlsplit(request.url or "")
    if "@" in parts.netloc:
        user, _, password = unquote(parts.netloc.rsplit("@", 1)[0]).partition(":")
        secrets.add_basic_credentials(user, password)
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if is_secret_name(name):
            secrets.add(value)
    _learn_body(secrets, request.body, request.headers.get("Content-Type", ""))


def _learn_header(secrets: SecretValues, value: str) -> None:
    secrets.add(value)
    scheme, _, credentials = value.strip().partition(" ")
    if not credentials:
        return
    secrets.add(credentials.strip())
    if scheme.lower() == "basic":
        try:
            pair = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return
        user, _, password = pair.partition(":")
        secrets.add_basic_credentials(user, password)


# Bodies larger than this are not searched for secret fields (a 10 MB upload is data).
_SEARCHED_BODY = 1 << 20


def _learn_body(secrets: SecretValues, body: Any, content_type: str) -> None:
    if not isinstance(body, (str, bytes)) or not body or len(body) > _SEARCHED_BODY:
        return
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        return
    if "x-www-form-urlencoded" in content_type:
        for name, value in parse_qsl(text, keep_blank_values=True):
            if is_secret_name(name):
                secrets.add(value)
        return
    try:
        document = json.loads(text)
    except ValueError:
        return
    _learn_json(secrets, document)


def _learn_json(secrets: SecretValues, document: Any) -> None:
    if isinstance(document, dict):
        for key, value in document.items():
            if is_secret_name(str(key)) and isinstance(value, str):
                secrets.add(value)  # (a number is too easily some other number too)
            else:
                _learn_json(secrets, value)
    elif isinstance(document, list):
        for item in document:
            _learn_json(secrets, item)


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
            f"requests time out after {_more_time(timeout)} ms"
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


def _more_time(timeout: Any) -> int:
    """A timeout worth suggesting after ``timeout`` ran out: 5 s, or twice what it was."""
    spent = timeout if isinstance(timeout, (int, float)) else DEFAULT_TIMEOUT
    return max(5000, round(spent * 2000))


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:g} ms"


def _cookie_domain(base_url: str) -> str:
    # The domain the cookie jar itself gives a cookie that this host sets: "127.0.0.1",
    # "[::1].local", "localhost.local" (the jar matches a dotless host name as name.local).
    host = urlsplit(base_url).hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return host if "." in host else f"{host}.local"

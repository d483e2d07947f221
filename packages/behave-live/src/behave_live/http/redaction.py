"""Hide credentials by name before anything is shown: headers, cookies, query strings, bodies.

These rules look at names only: the value of an ``Authorization`` header, of a
``"password"`` key, of a ``session`` cookie. What a scenario knows to be secret is also
hidden by value, wherever it appears; both rules live in :mod:`behave_live.secrets`.
true/false/null under a secret name are shown: they cannot be a credential, and hiding
them hides what a failure is about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit, urlunsplit

from behave_live.secrets import REDACTED, is_secret_cookie, is_secret_name

# Headers whose value is a list of cookies, each judged by its own name.
_COOKIE_HEADERS = frozenset({"cookie", "set-cookie"})

__all__ = [
    "REDACTED",
    "is_secret_cookie",
    "is_secret_name",
    "redact_body",
    "redact_cookies",
    "redact_header",
    "redact_headers",
    "redact_json",
    "redact_url",
]


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the headers as pairs, with credential values replaced by ``<redacted>``.

    ``Cookie`` and ``Set-Cookie`` keep the cookies' names (and a Set-Cookie's attributes):
    only the values of login cookies are hidden, so a ``theme=dark`` stays readable.
    """
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    return [(name, redact_header(name, value)) for name, value in pairs]


def redact_header(name: str, value: str) -> str:
    """Return one header value as shown: hidden for a credential header, cookies judged each."""
    if name.lower() in _COOKIE_HEADERS:
        return redact_cookies(value, set_cookie=name.lower() == "set-cookie")
    return REDACTED if is_secret_name(name) else value


def redact_cookies(value: str, *, set_cookie: bool = False) -> str:
    """Hide the values of login cookies in a ``Cookie`` (or one ``Set-Cookie``) header value.

    In a Set-Cookie only the first pair is a cookie; the rest are its attributes (Path,
    Expires, ...). Several Set-Cookie headers folded into one value by ``requests`` are
    separated by ", " - told apart from an Expires date by the "=" that follows a name.
    """
    if set_cookie:
        cookies = re.split(r",\s*(?=[^;,=\s]+=)", value)
        return ", ".join(_redacted_pairs(cookie, first_only=True) for cookie in cookies)
    return _redacted_pairs(value, first_only=False)


def _redacted_pairs(text: str, *, first_only: bool) -> str:
    parts = text.split(";")
    for index, part in enumerate(parts):
        if first_only and index > 0:
            break
        name, equals, cookie_value = part.partition("=")
        if equals and cookie_value.strip() and is_secret_cookie(name.strip()):
            parts[index] = f"{name}={REDACTED}"
    return ";".join(parts)


def redact_url(url: str) -> str:
    """Return ``url`` without a password and with secret query parameters redacted.

    Everything else is kept exactly as written (its percent-encoding too), so that the URL
    in a curl line reaches the server as the original did.
    """
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        # The host follows the last "@": a password may hold one too (p@ss).
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = "&".join(_redacted_field(field) for field in parts.query.split("&"))
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _redacted_field(field: str) -> str:
    name, equals, _value = field.partition("=")
    return f"{name}={REDACTED}" if equals and is_secret_name(unquote_plus(name)) else field


def redact_body(text: str, content_type: str = "") -> str:
    """Return a request or response body with credential fields redacted.

    JSON bodies are redacted key by key (at any depth); form bodies field by field. Other
    text is returned unchanged: there is no reliable way to find secrets in free text.
    """
    # Told by its text, whatever the content type says: only an object (or an array holding
    # one) has keys, and a JSON body sent as text/plain carries its secrets all the same.
    if text.lstrip().startswith(("{", "[")):
        try:
            document = json.loads(text)
        except ValueError:
            return text
        return json.dumps(redact_json(document), ensure_ascii=False)
    if "x-www-form-urlencoded" in content_type:
        pairs = parse_qsl(text, keep_blank_values=True)
        return urlencode([(k, REDACTED if is_secret_name(k) else v) for k, v in pairs], safe="<>")
    return text


def redact_json(document: Any) -> Any:
    """Return a copy of a JSON document with the values of secret-named keys redacted."""
    if isinstance(document, dict):
        return {
            key: _redacted_value(value) if is_secret_name(str(key)) else redact_json(value)
            for key, value in document.items()
        }
    if isinstance(document, list):
        return [redact_json(item) for item in document]
    return document


def _redacted_value(value: Any) -> Any:
    # true/false/null under a secret name ("credentials_valid": true) cannot be a credential.
    return value if value is None or isinstance(value, bool) else REDACTED

"""What is secret, by name and by value, and the masking that hides it.

By name: :func:`is_secret_name` says whether a header, query parameter, JSON key, form
field or variable called so carries a credential (``Authorization``, ``refresh_token``,
``DB_PASSWORD``, ``X-API-Key``); names that merely mention one without carrying it
(``Access-Control-Allow-Credentials``, ``token_type``) do not. :func:`is_secret_cookie`
adds the usual names of login cookies (``sid``, ``PHPSESSID``, ``csrftoken``), so a
``theme`` cookie is shown.

By value: name rules hide the value of an ``Authorization`` header or a ``"password"``
key, but not the same token echoed back under an innocent key
(``{"auth_header": "Bearer ..."}``), the base64 of a basic-auth pair, or a token in a
query string. So every secret the kit learns - a bearer token, basic credentials, a
login cookie, a secret-named header, query parameter, body field or variable, anything a
step marks secret - is registered in the scenario's :class:`SecretValues`, and every text
the kit shows passes through :meth:`SecretValues.mask`.

Each value is registered with the forms it takes on the wire: as it is, percent-encoded
(a query value), JSON-escaped (inside a JSON string) and, for basic credentials, base64.
Values shorter than :data:`MIN_SECRET_LENGTH` are not masked by value: hiding every "a"
or "1" would make the output unreadable (name rules still hide them where they apply).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

__all__ = [
    "MIN_SECRET_LENGTH",
    "REDACTED",
    "SecretValues",
    "is_secret_cookie",
    "is_secret_name",
]

#: The shortest value masked wherever it appears.
MIN_SECRET_LENGTH = 4

#: What a hidden value is shown as.
REDACTED = "<redacted>"

# Names whose values are credentials wherever they appear: header names, query parameters,
# JSON keys, form fields, variable names. Matched as substrings, case-insensitively
# ("X-Auth-Token", "refresh_token" and "DB_PASSWORD" all match), plus "key" as a whole part
# of a name ("X-Functions-Key", "STRIPE_KEY", but not "monkey").
_SECRET_NAME = re.compile(
    r"authorization|token|secret|password|passwd|passphrase|api[-_]?key|session|credential"
    r"|(?:^|[^a-z0-9])key(?:$|[^a-z0-9])",
    re.IGNORECASE,
)
# Names that match the rule above but never carry a credential.
_NOT_SECRET = frozenset(
    {
        "access-control-allow-credentials",  # "true": whether the browser may send them
        "credentials_present",
        "token_type",  # "Bearer"
        "sec-websocket-key",  # a nonce the client makes up, not a credential
    }
)
# Cookie names that hold a login or its guard even without a secret word: "sid",
# "connect.sid", "PHPSESSID", "auth", "csrftoken", "XSRF-TOKEN", "remember_me", "jwt".
_SECRET_COOKIE = re.compile(r"sid|sess|auth|csrf|xsrf|jwt|remember|login", re.IGNORECASE)


def is_secret_name(name: str) -> bool:
    """Return True when a header, field, key or variable called ``name`` carries a credential."""
    return name.strip().lower() not in _NOT_SECRET and bool(_SECRET_NAME.search(name))


def is_secret_cookie(name: str) -> bool:
    """Return True when a cookie called ``name`` looks like a login (``session``, ``sid``)."""
    return is_secret_name(name) or bool(_SECRET_COOKIE.search(name))


class SecretValues:
    """A registry of secret values (one per scenario), and the masking that hides them."""

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._forms: set[str] = set()
        # Longest first, so a secret that contains another is hidden whole.
        self._ordered: list[str] = []
        for value in values:
            self.add(value)

    def add(self, value: object) -> None:
        """Register ``value`` (and its encoded forms) as a secret; short values are ignored."""
        if not isinstance(value, str):
            # A number or a structure saved under a secret name: mask its JSON text.
            value = _json_text(value)
        value = value.strip()
        if len(value) < MIN_SECRET_LENGTH:
            return
        forms = {
            value,
            quote(value, safe=""),
            quote_plus(value),  # its default safe is "" already, unlike quote's "/"
            json.dumps(value)[1:-1],
            _json_text(value)[1:-1],
        }
        self._register(forms)

    def add_basic_credentials(self, username: str, password: str) -> None:
        """Register a password and the base64 of ``username:password`` (an Authorization value)."""
        self.add(password)
        pair = f"{username}:{password}".encode()
        self._register({base64.b64encode(pair).decode()})
        # The pair as it appears in a URL's userinfo (user:password@host).
        self.add(f"{username}:{password}")

    def include(self, other: SecretValues) -> None:
        """Register every secret ``other`` holds (a run's remembered secrets, say)."""
        self._register(other._forms)

    def _register(self, forms: Iterable[str]) -> None:
        new = {form for form in forms if len(form) >= MIN_SECRET_LENGTH} - self._forms
        if new:
            self._forms |= new
            self._ordered = sorted(self._forms, key=len, reverse=True)

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and value.strip() in self._forms

    def __bool__(self) -> bool:
        return bool(self._forms)

    def __len__(self) -> int:
        return len(self._forms)

    def mask(self, text: str) -> str:
        """Return ``text`` with every registered secret (in any of its forms) redacted."""
        for form in self._ordered:
            if form in text:
                text = text.replace(form, REDACTED)
        return text


def _json_text(value: object) -> str:
    # As the kit writes JSON for people (and as most apps send it): non-ASCII left as it is.
    return json.dumps(value, ensure_ascii=False)

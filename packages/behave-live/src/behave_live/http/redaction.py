"""Hide credentials before anything is shown: headers, cookies, query strings, JSON bodies."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["REDACTED", "is_secret_name", "redact_body", "redact_headers", "redact_url"]

REDACTED = "<redacted>"

# Names whose values are credentials wherever they appear: header names, query parameters,
# JSON keys, form fields. Matched as substrings, case-insensitively ("X-Auth-Token",
# "refresh_token" and "Set-Cookie" all match).
_SECRET_NAME = re.compile(
    r"authorization|cookie|token|secret|password|passwd|api[-_]?key|session|credential",
    re.IGNORECASE,
)


def is_secret_name(name: str) -> bool:
    """Return True when a header, field or key called ``name`` carries a credential."""
    return bool(_SECRET_NAME.search(name))


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the headers as pairs, with credential values replaced by ``<redacted>``."""
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    return [(name, REDACTED if is_secret_name(name) else value) for name, value in pairs]


def redact_url(url: str) -> str:
    """Return ``url`` without a password and with secret query parameters redacted."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(key, REDACTED if is_secret_name(key) else value) for key, value in pairs],
            safe="<>",
        )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_body(text: str, content_type: str = "") -> str:
    """Return a request or response body with credential fields redacted.

    JSON bodies are redacted key by key (at any depth); form bodies field by field. Other
    text is returned unchanged: there is no reliable way to find secrets in free text.
    """
    if "json" in content_type or text.lstrip().startswith(("{", "[")):
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
            key: REDACTED if is_secret_name(str(key)) else redact_json(value)
            for key, value in document.items()
        }
    if isinstance(document, list):
        return [redact_json(item) for item in document]
    return document

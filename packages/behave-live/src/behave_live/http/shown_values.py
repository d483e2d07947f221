"""Values quoted in assertion summaries, with credentials hidden as in the exchange below them.

The request and response shown after a failure are redacted by :mod:`behave_live.http.redaction`;
the summary above them quotes values too (``$.token: expected ..., got "..."``) and must not
give away what the exchange hides. A value is hidden when it sits under a secret-named key
(``$.auth.access_token``, ``$.user.password``) or in a secret-named header.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, Final

from behave_live.http.redaction import REDACTED, is_secret_name, redact_header, redact_json
from behave_live.matching import Mismatch, describe

__all__ = ["is_secret_path", "redact_mismatches", "shown_header", "shown_json"]

# The keys of a rendered path: $.name and $['odd name'] (indexes are never secret).
_PATH_KEY: Final = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]")
# A "key": value pair inside compact JSON text, for a scalar or string value.
_PAIR: Final = re.compile(
    r'"((?:[^"\\]|\\.)*)":("(?:[^"\\]|\\.)*"?|-?[0-9][0-9.eE+-]*|true|false|null)'
)
# Renderings that are not values from the response: markers, <missing>, <absent>.
_NOT_A_VALUE: Final = ("#", "<")


def is_secret_path(path: str) -> bool:
    """Return True when any key of a rendered JSONPath names a credential."""
    return any(is_secret_name(dotted or quoted) for dotted, quoted in _PATH_KEY.findall(path))


def shown_json(path: str, value: Any, limit: int = 80) -> str:
    """Render ``value`` found at ``path`` for a message, credentials hidden."""
    if is_secret_path(path):
        return REDACTED
    return describe(redact_json(value), limit=limit)


def shown_header(name: str, value: str) -> str:
    """Quote a header value from a response for a message, or hide it for a credential header.

    Cookie headers keep the cookies' names and the values of cookies that are not logins.
    (An expected value written in the feature file is quoted as it is: only a value the
    scenario registered as secret hides it.)
    """
    shown = redact_header(name, value)
    return REDACTED if shown == REDACTED else repr(shown)


def redact_mismatches(mismatches: Sequence[Mismatch]) -> list[Mismatch]:
    """Hide the credentials in mismatches, which quote values already rendered as JSON."""
    return [_redacted(mismatch) for mismatch in mismatches]


def _redacted(mismatch: Mismatch) -> Mismatch:
    if is_secret_path(mismatch.path):
        # The expected value comes from the feature file: shown (unless registered secret).
        return dataclasses.replace(
            mismatch,
            actual=_hidden(mismatch.actual),
            reason="",  # a reason may quote the value ("'abc' is too short")
        )
    return dataclasses.replace(
        mismatch,
        expected=_scrubbed(mismatch.expected),
        actual=_scrubbed(mismatch.actual),
        reason=_scrubbed(mismatch.reason),
    )


def _hidden(rendered: str) -> str:
    return rendered if rendered.startswith(_NOT_A_VALUE) else REDACTED


def _scrubbed(rendered: str) -> str:
    # Values nested in a larger rendering: {"name":"ada","password":"pw"} keeps the name.
    def replace(pair: re.Match[str]) -> str:
        key = pair.group(1)
        return f'"{key}":"{REDACTED}"' if is_secret_name(key) else pair.group(0)

    return _PAIR.sub(replace, rendered)

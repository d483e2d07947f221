"""Assertions about the last HTTP exchange, with messages that show what happened.

Each failure message starts with what was expected and what came back, then shows the
request, the response and a curl command that repeats the request (credentials redacted).
Assertions about JSON bodies live in :mod:`behave_live.http.json_assertions`. Reading one
value out of a response (to save it as a variable) fails the same way when it is not there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Final

from behave_live.errors import AmbiguousPath, ExchangeAssertionError, PathNotFound
from behave_live.http.binary import describe_bytes, is_binary
from behave_live.http.exchange import Exchange
from behave_live.http.redaction import redact_body
from behave_live.http.shown_values import shown_header
from behave_live.inputs.expectations import STATUS_CLASSES, regular_expression
from behave_live.matching import Node, describe, query_one_node

__all__ = [
    "ExchangeAssertionError",
    "assert_body",
    "assert_body_contains",
    "assert_body_matches",
    "assert_header",
    "assert_header_absent",
    "assert_header_contains",
    "assert_header_matches",
    "assert_response_time_under",
    "assert_status",
    "assert_status_class",
    "assert_status_in",
    "json_node",
    "json_value",
    "response_header",
    "response_json",
]

# Characters of an expected or actual body quoted in a summary; the response section below
# the summary shows the whole body anyway.
_QUOTED_LIMIT: Final = 1000
# A text this short, on one line, is quoted inline in the summary.
_SHORT: Final = 80


def assert_status(exchange: Exchange, expected: int) -> None:
    """Fail unless the response status is ``expected``."""
    actual = exchange.response.status_code
    if actual != expected:
        raise ExchangeAssertionError(
            f"Response status: expected {expected}, got {actual}.", exchange
        )


def assert_status_in(exchange: Exchange, expected: Sequence[int]) -> None:
    """Fail unless the response status is one of ``expected``."""
    actual = exchange.response.status_code
    if actual not in expected:
        listed = ", ".join(str(code) for code in expected)
        raise ExchangeAssertionError(
            f"Response status: expected one of {listed}, got {actual}.", exchange
        )


def assert_status_class(exchange: Exchange, first_digit: int) -> None:
    """Fail unless the response status is in the class ``first_digit``xx (2 for 2xx)."""
    actual = exchange.response.status_code
    if actual // 100 != first_digit:
        meaning = STATUS_CLASSES.get(first_digit, "unknown")
        raise ExchangeAssertionError(
            f"Response status: expected {first_digit}xx ({meaning}), got {actual}.", exchange
        )


def assert_header(exchange: Exchange, name: str, expected: str) -> None:
    """Fail unless the response header ``name`` is exactly ``expected``."""
    actual = _header(exchange, name, repr(expected))
    if actual != expected:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected {expected!r}, got {shown_header(name, actual)}.",
            exchange,
        )


def assert_header_contains(exchange: Exchange, name: str, expected: str) -> None:
    """Fail unless the response header ``name`` contains the text ``expected``."""
    wanted = f"a value containing {expected!r}"
    actual = _header(exchange, name, wanted)
    if expected not in actual:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected {wanted}, got {shown_header(name, actual)}.",
            exchange,
        )


def assert_header_matches(exchange: Exchange, name: str, pattern: str) -> None:
    """Fail unless the whole value of the response header ``name`` matches ``pattern``."""
    compiled = regular_expression(pattern, f"the header {name!r}")
    wanted = f"a value matching the regular expression {_raw(pattern)}"
    actual = _header(exchange, name, wanted)
    if compiled.fullmatch(actual) is None:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected {wanted}, got {shown_header(name, actual)}.",
            exchange,
        )


def assert_header_absent(exchange: Exchange, name: str) -> None:
    """Fail if the response has a header called ``name`` (case-insensitive)."""
    actual = exchange.response.headers.get(name)
    if actual is not None:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected no such header, got {shown_header(name, actual)}.",
            exchange,
        )


def assert_body(exchange: Exchange, expected: str) -> None:
    """Fail unless the response body, as text, is exactly ``expected``."""
    text = exchange.response.text
    if text == expected:
        return
    actual = _shown_body(exchange)
    if _binary(exchange):
        difference = "the body is binary"
    elif actual == text:
        difference = _first_difference(expected, text)
    else:
        difference = "credentials in the body are shown redacted"
    if _short(expected) and _short(actual):
        summary = f"Response body: expected {expected!r}, got {actual!r} ({difference})."
    else:
        summary = (
            f"Response body: expected exactly the text below, got another text ({difference}).\n"
            f"Expected:\n{_quoted(expected)}\nGot:\n{_quoted(actual)}"
        )
    raise ExchangeAssertionError(summary, exchange)


def assert_body_contains(exchange: Exchange, expected: str) -> None:
    """Fail unless the response body, as text, contains ``expected``."""
    if expected in exchange.response.text:
        return
    actual = _shown_body(exchange)
    if _short(expected) and _short(actual):
        summary = f"Response body: expected a text containing {expected!r}, got {actual!r}."
    else:
        summary = (
            "Response body: expected a text containing the text below, got one that does not."
            f"\nExpected to contain:\n{_quoted(expected)}\nGot:\n{_quoted(actual)}"
        )
    raise ExchangeAssertionError(summary, exchange)


def assert_body_matches(exchange: Exchange, pattern: str) -> None:
    """Fail unless the whole response body, as text, matches ``pattern``.

    ``.`` matches line breaks too, so ``.*`` spans lines.
    """
    compiled = regular_expression(pattern, "the response body", re.DOTALL)
    if compiled.fullmatch(exchange.response.text) is not None:
        return
    actual = _shown_body(exchange)
    wanted = f"a text matching the regular expression {_raw(pattern)} as a whole"
    if _short(actual):
        summary = f"Response body: expected {wanted}, got {actual!r}."
    else:
        summary = f"Response body: expected {wanted}, got the text below.\n{_quoted(actual)}"
    raise ExchangeAssertionError(summary, exchange)


def assert_response_time_under(exchange: Exchange, limit_ms: float) -> None:
    """Fail unless the response arrived in less than ``limit_ms`` milliseconds.

    The time runs from sending the request to receiving the response headers.
    """
    actual = exchange.duration_ms
    if actual >= limit_ms:
        raise ExchangeAssertionError(
            f"Response time: expected under {limit_ms:g} ms, got {actual:.1f} ms.", exchange
        )


def response_json(exchange: Exchange) -> Any:
    """Return the response body as JSON, or fail saying what the body is instead."""
    response = exchange.response
    try:
        # From the bytes: JSON is UTF-8 (RFC 8259), where response.json() would guess
        # another encoding and pass a body that UTF-8 clients cannot read.
        return json.loads(response.content)
    except UnicodeDecodeError as error:
        content_type = response.headers.get("Content-Type", "no Content-Type")
        raise ExchangeAssertionError(
            f"Expected a JSON response body, but it is not UTF-8 ({content_type}, "
            f"{len(response.content)} bytes: byte 0x{response.content[error.start]:02x} at "
            f"offset {error.start} is not UTF-8). JSON must be sent as UTF-8 (RFC 8259).",
            exchange,
        ) from None
    except ValueError:
        content_type = response.headers.get("Content-Type", "no Content-Type")
        if _binary(exchange):
            start = "binary"
        else:
            start = describe(response.text, limit=60) if response.content else "empty"
        raise ExchangeAssertionError(
            f"Expected a JSON response body, but it is not JSON ({content_type}, "
            f"{len(response.content)} bytes: {start}).",
            exchange,
        ) from None


def json_value(exchange: Exchange, path: str) -> Any:
    """The one value a JSONPath (RFC 9535) selects in the JSON response body."""
    return json_node(exchange, path).value


def json_node(exchange: Exchange, path: str) -> Node:
    """The one node a JSONPath selects in the JSON response body: its value and location."""
    document = response_json(exchange)
    try:
        return query_one_node(document, path)
    except (PathNotFound, AmbiguousPath) as error:
        raise ExchangeAssertionError(
            f"Cannot read the JSON value at {path}: {error}", exchange
        ) from None


def _shown_body(exchange: Exchange) -> str:
    # The body as the response section shows it: credentials in JSON or forms redacted,
    # a binary body described (size, type, hash, first bytes), never decoded into noise.
    response = exchange.response
    content_type = response.headers.get("Content-Type", "")
    if _binary(exchange):
        return describe_bytes(response.content, content_type)
    return redact_body(response.text, content_type)


def _binary(exchange: Exchange) -> bool:
    response = exchange.response
    return is_binary(response.content, response.headers.get("Content-Type", ""))


def _header(exchange: Exchange, name: str, wanted: str) -> str:
    return response_header(
        exchange, name, missing=f"Response header {name!r}: expected {wanted}, but"
    )


def response_header(exchange: Exchange, name: str, *, missing: str | None = None) -> str:
    """The value of a response header (the name is case-insensitive).

    A missing header fails with ``missing`` (what the caller wanted from it) followed by the
    headers the response does have.
    """
    value = exchange.response.headers.get(name)
    if value is None:
        present = ", ".join(exchange.response.headers) or "none"
        lead = missing or f"Cannot read the response header {name!r}:"
        raise ExchangeAssertionError(
            f"{lead} the response has no such header (it has: {present}).", exchange
        )
    return value


def _first_difference(expected: str, actual: str) -> str:
    index = next(
        (i for i, (want, got) in enumerate(zip(expected, actual, strict=False)) if want != got),
        min(len(expected), len(actual)),
    )
    line = expected.count("\n", 0, index) + 1
    column = index - (expected.rfind("\n", 0, index) + 1) + 1
    where = f"first difference at line {line}, column {column}"
    if index == len(actual):
        missing = _snippet(expected, index)
        return f"{where}: the body ends where the expected text goes on with {missing}"
    if index == len(expected):
        extra = _snippet(actual, index)
        return f"{where}: the body goes on after the expected text with {extra}"
    return f"{where}: expected {_snippet(expected, index)}, got {_snippet(actual, index)}"


def _snippet(text: str, index: int) -> str:
    return repr(text[index : index + 12])


def _short(text: str) -> bool:
    return "\n" not in text and len(text) <= _SHORT


def _raw(pattern: str) -> str:
    # Quoted as written in the feature: repr() would double every backslash.
    return f"'{pattern}'"


def _quoted(text: str) -> str:
    if not text:
        return "    (empty)"
    shown = text[:_QUOTED_LIMIT]
    if len(text) > _QUOTED_LIMIT:
        shown += f"\n… ({len(text) - _QUOTED_LIMIT} more characters not shown)"
    return "\n".join(f"    {line}" for line in shown.split("\n"))

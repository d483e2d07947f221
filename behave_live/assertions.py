"""Assertions about the last HTTP exchange, with messages that show what happened.

Each failure message starts with what was expected and what came back, then shows the
request, the response and a curl command that repeats the request (credentials redacted).
"""

from __future__ import annotations

from typing import Any

from behave_live.exchange import Exchange
from behave_live.matching import (
    MISSING,
    describe,
    format_mismatches,
    match,
    query_one,
    query_one_or_missing,
)

__all__ = [
    "ExchangeAssertionError",
    "assert_header",
    "assert_json_value",
    "assert_status",
    "response_json",
]


class ExchangeAssertionError(AssertionError):
    """An expectation about an HTTP exchange did not hold."""

    def __init__(self, summary: str, exchange: Exchange) -> None:
        super().__init__(f"{summary}\n\n{exchange.describe()}")
        self.summary = summary
        self.exchange = exchange


def assert_status(exchange: Exchange, expected: int) -> None:
    """Fail unless the response status is ``expected``."""
    actual = exchange.response.status_code
    if actual != expected:
        raise ExchangeAssertionError(
            f"Response status: expected {expected}, got {actual}.", exchange
        )


def assert_header(exchange: Exchange, name: str, expected: str) -> None:
    """Fail unless the response header ``name`` is exactly ``expected``."""
    actual = exchange.response.headers.get(name)
    if actual is None:
        present = ", ".join(exchange.response.headers) or "none"
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected {expected!r}, but the response has no such "
            f"header (it has: {present}).",
            exchange,
        )
    if actual != expected:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected {expected!r}, got {actual!r}.", exchange
        )


def response_json(exchange: Exchange) -> Any:
    """Return the response body as JSON, or fail saying what the body is instead."""
    response = exchange.response
    try:
        return response.json()
    except ValueError:
        content_type = response.headers.get("Content-Type", "no Content-Type")
        raise ExchangeAssertionError(
            f"Expected a JSON response body, but it is not JSON ({content_type}, "
            f"{len(response.content)} bytes).",
            exchange,
        ) from None


def assert_json_value(exchange: Exchange, path: str, expected: Any) -> None:
    """Fail unless the JSON value at ``path`` matches ``expected`` (fuzzy markers allowed)."""
    document = response_json(exchange)
    actual = query_one_or_missing(document, path)
    mismatches = match(actual, expected, base_path=path)
    if mismatches and actual is MISSING:
        try:
            query_one(document, path)
        except LookupError as not_found:  # says what the document holds instead
            raise ExchangeAssertionError(
                f"JSON value at {path}: expected {describe(expected)}, but {not_found}", exchange
            ) from None
    if mismatches:
        # A scalar has one possible mismatch, already saying it all; a document gets a list.
        summary = (
            str(mismatches[0])
            if not isinstance(expected, (dict, list))
            else f"JSON value at {path} does not match:\n{format_mismatches(mismatches)}"
        )
        raise ExchangeAssertionError(summary, exchange)

"""Read single values out of a response, to save them as scenario variables.

A value that is not there fails like an assertion does: the message says what was asked
for and what the response holds instead, then shows the request and the response.
"""

from __future__ import annotations

from typing import Any

from behave_live.errors import AmbiguousPath, ExchangeAssertionError, PathNotFound
from behave_live.http.assertions import response_header, response_json
from behave_live.http.exchange import Exchange
from behave_live.matching import query_one

__all__ = ["header_value", "json_value", "status_code"]


def json_value(exchange: Exchange, path: str) -> Any:
    """The one value a JSONPath (RFC 9535) selects in the JSON response body."""
    document = response_json(exchange)
    try:
        return query_one(document, path)
    except (PathNotFound, AmbiguousPath) as error:
        raise ExchangeAssertionError(
            f"Cannot read the JSON value at {path}: {error}", exchange
        ) from None


def header_value(exchange: Exchange, name: str) -> str:
    """The value of a response header (the name is case-insensitive)."""
    return response_header(exchange, name)


def status_code(exchange: Exchange) -> int:
    """The status code of the response."""
    return exchange.response.status_code

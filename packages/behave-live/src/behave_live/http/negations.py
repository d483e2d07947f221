"""Negated assertions: "should not be", "should not contain", about status, headers, body, JSON.

The rule for honesty: a negated check on a value that is **not there** fails, saying that it
is missing, rather than passing because a missing thing is indeed "not 'done'". A header or
JSON value that vanished is a change worth hearing about; to check that something is absent,
say so with "should be absent" (headers) or "should not exist" (JSON values).
"""

from __future__ import annotations

from typing import Any, Final

from behave_live.errors import ExchangeAssertionError
from behave_live.http.assertions import response_json
from behave_live.http.exchange import Exchange
from behave_live.http.json_assertions import JsonSelection, select
from behave_live.http.redaction import redact_body
from behave_live.http.shown_values import redact_mismatches, shown_header, shown_json
from behave_live.matching import MISSING, compile_path, format_mismatches, match
from behave_live.matching.markers import describe_expected

__all__ = [
    "assert_body_not_contains",
    "assert_header_not",
    "assert_header_not_contains",
    "assert_json_array_not_contains",
    "assert_json_not_contains",
    "assert_json_value_not",
    "assert_status_not",
]

# A body this short, on one line, is quoted whole in the summary.
_SHORT: Final = 80


def assert_status_not(exchange: Exchange, unwanted: int) -> None:
    """Fail if the response status is ``unwanted``."""
    if exchange.response.status_code == unwanted:
        raise ExchangeAssertionError(
            f"Response status: expected anything but {unwanted}, got {unwanted}.", exchange
        )


def assert_header_not(exchange: Exchange, name: str, unwanted: str) -> None:
    """Fail if the response header ``name`` is exactly ``unwanted``, or is missing."""
    actual = _present_header(exchange, name, f"to not be {unwanted!r}")
    if actual == unwanted:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected a value other than "
            f"{unwanted!r}, got {shown_header(name, actual)}.",
            exchange,
        )


def assert_header_not_contains(exchange: Exchange, name: str, unwanted: str) -> None:
    """Fail if the response header ``name`` contains the text ``unwanted``, or is missing."""
    actual = _present_header(exchange, name, f"to not contain {unwanted!r}")
    if unwanted in actual:
        raise ExchangeAssertionError(
            f"Response header {name!r}: expected a value not containing {unwanted!r}, "
            f"got {shown_header(name, actual)}.",
            exchange,
        )


def assert_body_not_contains(exchange: Exchange, unwanted: str) -> None:
    """Fail if the response body, as text, contains ``unwanted`` (an empty body does not)."""
    text = exchange.response.text
    index = text.find(unwanted)
    if index == -1:
        return
    shown = redact_body(text, exchange.response.headers.get("Content-Type", ""))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    got = (
        repr(shown)
        if "\n" not in shown and len(shown) <= _SHORT
        else f"a text containing it at line {line}, column {column}"
    )
    raise ExchangeAssertionError(
        f"Response body: expected a text not containing {_quoted(unwanted)}, got {got}.",
        exchange,
    )


def assert_json_value_not(exchange: Exchange, path: str, unwanted: Any) -> None:
    """Fail if the JSON at ``path`` equals ``unwanted`` (fuzzy markers allowed), or is missing."""
    selection = _selection(exchange, path, unwanted)
    _require_present(exchange, selection, f"to not be {describe_expected(unwanted)}")
    if not match(selection.value, unwanted, "equals", base_path="$"):
        raise ExchangeAssertionError(
            f"{selection.where}: expected anything but {describe_expected(unwanted)}, "
            f"got {shown_json(selection.where, selection.value)}.",
            exchange,
        )


def assert_json_not_contains(exchange: Exchange, path: str, unwanted: Any) -> None:
    """Fail if the JSON at ``path`` contains ``unwanted`` as a whole, or is missing.

    The opposite of "should contain": extra keys and elements are allowed in what is found,
    so ``{"a": 1}`` is contained in ``{"a": 1, "b": 2}``. To forbid each of several
    values separately, use "should contain none of".
    """
    selection = _selection(exchange, path, unwanted)
    _require_present(exchange, selection, "to not contain the JSON below the step")
    if not match(selection.value, unwanted, "contains", base_path="$"):
        raise ExchangeAssertionError(
            f"{selection.subject} contains what it should not: "
            f"{describe_expected(unwanted)} (the response is below).",
            exchange,
        )


def assert_json_array_not_contains(exchange: Exchange, path: str, unwanted: Any) -> None:
    """Fail if the array at ``path`` has an element matching ``unwanted``, or is missing.

    Given an array, none of its values may be an element. Every offending element is listed.
    """
    selection = _selection(exchange, path, unwanted)
    _require_present(exchange, selection, f"to not contain {describe_expected(unwanted)}")
    actual = selection.value
    if not isinstance(actual, list):
        raise ExchangeAssertionError(
            f"{selection.where}: expected an array not containing "
            f"{describe_expected(unwanted)}, got {shown_json(selection.where, actual)}, which "
            "is not an array.",
            exchange,
        )
    found = redact_mismatches(
        selection.relocate(match(actual, unwanted, "not_contains", base_path="$"))
    )
    if len(found) == 1:
        raise ExchangeAssertionError(f"{found[0]}.", exchange)
    if found:
        raise ExchangeAssertionError(
            f"{selection.subject} contains values it should not.\n{format_mismatches(found)}",
            exchange,
        )


def _present_header(exchange: Exchange, name: str, check: str) -> str:
    value = exchange.response.headers.get(name)
    if value is None:
        present = ", ".join(exchange.response.headers) or "none"
        raise ExchangeAssertionError(
            f"Response header {name!r} is missing (the response has: {present}), so it cannot "
            f"be checked {check}; to check that a header is absent, write: the response "
            f'header "{name}" should be absent.',
            exchange,
        )
    return value


def _selection(exchange: Exchange, path: str, unwanted: Any) -> JsonSelection:
    # A bad path or marker in the feature is reported before anything about the response.
    compile_path(path)
    match(MISSING, unwanted, "equals", allow_empty=True)
    return select(response_json(exchange), path)


def _require_present(exchange: Exchange, selection: JsonSelection, check: str) -> None:
    if selection.value is not MISSING:
        return
    raise ExchangeAssertionError(
        f"{selection.where} is missing, so it cannot be checked {check}; to check that it is "
        f'absent, write: the JSON value at "{selection.path}" should not exist. '
        f"{selection.not_found()}",
        exchange,
    )


def _quoted(text: str) -> str:
    return repr(text) if "\n" not in text and len(text) <= _SHORT else "the text below the step"

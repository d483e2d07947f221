"""Steps that check the last response."""

from __future__ import annotations

from typing import Any

from behave_live.assertions import assert_header, assert_json_value, assert_status
from behave_live.documents import parse_json_literal
from behave_live.steps._decorators import then


@then("the response status should be {status:d}")
def step_the_response_status_should_be(context: Any, status: int) -> None:
    """Check the status code of the last response.

    Example:
        Then the response status should be 200
    """
    assert_status(context.http.last_exchange, status)


@then('the JSON value at "{path}" should be {expected}')
def step_the_json_value_at_should_be(context: Any, path: str, expected: str) -> None:
    """Check one value of the JSON response, chosen with a JSONPath (RFC 9535).

    The expected value is JSON: strings in double quotes, numbers, true/false/null,
    arrays and objects; fuzzy markers such as "#number" work too.

    Example:
        Then the JSON value at "$.message" should be "OK"
    """
    assert_json_value(context.http.last_exchange, path, parse_json_literal(expected))


@then('the response header "{name}" should be "{value}"')
def step_the_response_header_should_be(context: Any, name: str, value: str) -> None:
    """Check a header of the last response (the name is case-insensitive).

    Example:
        Then the response header "Content-Type" should be "application/json"
    """
    assert_header(context.http.last_exchange, name, value)

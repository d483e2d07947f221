"""Steps that check what the last response should NOT be: status, headers, body, JSON.

A negated check on something that is not there fails, saying it is missing, rather than
passing because a missing value is indeed "not 'done'": to check that a header or a JSON
value is absent, use "should be absent" or "should not exist".
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import then
from behave_live.http.negations import (
    assert_body_not_contains,
    assert_header_not,
    assert_header_not_contains,
    assert_json_array_not_contains,
    assert_json_not_contains,
    assert_json_value_not,
    assert_status_not,
)
from behave_live.inputs.expectations import (
    expected_json_document,
    expected_json_literal,
    expected_text,
)


@then("the response status should not be {status:d}")
def step_the_response_status_should_not_be(context: Any, status: int) -> None:
    """Check that the status code of the last response is anything but one code.

    Example:
        Then the response status should not be 500
    """
    assert_status_not(context.http.last_exchange, status)


@then('the response header "{name}" should not be "{value}"')
def step_the_response_header_should_not_be(context: Any, name: str, value: str) -> None:
    """Check that a header of the last response is there, with another value.

    A missing header fails: to check that a header is absent, use "should be absent".

    Example:
        Then the response header "Content-Language" should not be "fr"
    """
    variables = context.variables
    assert_header_not(
        context.http.last_exchange, variables.substitute(name), variables.substitute(value)
    )


@then('the response header "{name}" should not contain "{text}"')
def step_the_response_header_should_not_contain(context: Any, name: str, text: str) -> None:
    """Check that a header of the last response is there, without a piece of text.

    A missing header fails: to check that a header is absent, use "should be absent".

    Example:
        Then the response header "Cache-Control" should not contain "no-store"
    """
    variables = context.variables
    assert_header_not_contains(
        context.http.last_exchange, variables.substitute(name), variables.substitute(text)
    )


@then('the response body should not contain "{text}"')
@then("the response body should not contain:")
def step_the_response_body_should_not_contain(context: Any, text: str | None = None) -> None:
    """Check that the body of the last response does not contain a text (inline or doc-string).

    Example:
        Then the response body should not contain "Traceback"
        And the response body should not contain:
            \"\"\"
            Internal Server Error
            \"\"\"
    """
    expected = expected_text(text, context.text, context.variables)
    assert_body_not_contains(context.http.last_exchange, expected)


@then('the JSON value at "{path}" should not be {expected}')
def step_the_json_value_at_should_not_be(context: Any, path: str, expected: str) -> None:
    """Check that a value of the JSON response is there, and is not the one given.

    The value is JSON, fuzzy markers allowed. A missing value fails: to check that a value
    is absent, use "should not exist".

    Example:
        Then the JSON value at "$.state" should not be "failed"
        And the JSON value at "$.items[0].name" should not be "#null"
    """
    variables = context.variables
    assert_json_value_not(
        context.http.last_exchange,
        variables.substitute(path),
        expected_json_literal(expected, variables),
    )


@then("the JSON response should not contain:")
@then('the JSON value at "{path}" should not contain:')
def step_the_json_response_should_not_contain(context: Any, path: str = "$") -> None:
    """Check that the JSON response (or the value at a path) does not contain the doc-string.

    The opposite of "should contain": it fails only when all of the doc-string is found.
    To forbid each of several values on its own, use "should contain none of:".

    Example:
        Then the JSON value at "$.items[0]" should not contain:
            \"\"\"
            {"name": "Teapot", "stock": {"available": false}}
            \"\"\"
    """
    variables = context.variables
    assert_json_not_contains(
        context.http.last_exchange,
        variables.substitute(path),
        expected_json_document(context.text, variables),
    )


@then('the JSON array at "{path}" should not contain {element}')
def step_the_json_array_at_should_not_contain(context: Any, path: str, element: str) -> None:
    """Check that no element of an array matches an inline JSON value.

    Objects are matched as "contains": an element with more keys still counts. Every
    element that should not be there is listed.

    Example:
        Then the JSON array at "$.items[0].tags" should not contain "discontinued"
        And the JSON array at "$.items" should not contain {"price": 0}
    """
    variables = context.variables
    assert_json_array_not_contains(
        context.http.last_exchange,
        variables.substitute(path),
        expected_json_literal(element, variables),
    )

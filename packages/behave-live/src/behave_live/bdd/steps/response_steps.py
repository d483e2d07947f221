"""Steps that check the last response: its status, headers, body text and response time."""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import then
from behave_live.errors import StepInputError
from behave_live.http.assertions import (
    assert_body,
    assert_body_contains,
    assert_body_matches,
    assert_header,
    assert_header_absent,
    assert_header_contains,
    assert_header_matches,
    assert_response_time_under,
    assert_status,
    assert_status_class,
    assert_status_in,
)
from behave_live.inputs.expectations import STATUS_CLASSES, expected_text, status_codes


@then("the response status should be {status:d}")
def step_the_response_status_should_be(context: Any, status: int) -> None:
    """Check the status code of the last response.

    Example:
        Then the response status should be 200
    """
    assert_status(context.http.last_exchange, status)


@then("the response status should be one of {statuses}")
def step_the_response_status_should_be_one_of(context: Any, statuses: str) -> None:
    """Check that the status code of the last response is one of several.

    List the codes separated by commas or "or".

    Example:
        Then the response status should be one of 200, 201 or 204
    """
    assert_status_in(context.http.last_exchange, status_codes(statuses))


@then("the response status should be {status_class:d}xx")
def step_the_response_status_should_be_a_class(context: Any, status_class: int) -> None:
    """Check the class of the status code: 1xx, 2xx, 3xx, 4xx or 5xx.

    Example:
        Then the response status should be 4xx
    """
    if status_class not in STATUS_CLASSES:
        raise StepInputError(f"{status_class}xx is not a status class: use 1xx to 5xx.")
    assert_status_class(context.http.last_exchange, status_class)


@then('the response header "{name}" should be "{value}"')
def step_the_response_header_should_be(context: Any, name: str, value: str) -> None:
    """Check a header of the last response (the name is case-insensitive).

    Example:
        Then the response header "Content-Type" should be "application/json"
    """
    variables = context.variables
    assert_header(
        context.http.last_exchange, variables.substitute(name), variables.substitute(value)
    )


@then('the response header "{name}" should contain "{text}"')
def step_the_response_header_should_contain(context: Any, name: str, text: str) -> None:
    """Check that a header of the last response contains a piece of text.

    Example:
        Then the response header "Cache-Control" should contain "max-age=300"
    """
    variables = context.variables
    assert_header_contains(
        context.http.last_exchange, variables.substitute(name), variables.substitute(text)
    )


@then('the response header "{name}" should match "{pattern}"')
def step_the_response_header_should_match(context: Any, name: str, pattern: str) -> None:
    """Check that the whole value of a header matches a regular expression (Python syntax).

    Example:
        Then the response header "X-Request-Id" should match "[0-9a-f-]{36}"
    """
    variables = context.variables
    assert_header_matches(
        context.http.last_exchange, variables.substitute(name), variables.substitute(pattern)
    )


@then('the response header "{name}" should be absent')
def step_the_response_header_should_be_absent(context: Any, name: str) -> None:
    """Check that the last response has no header of that name.

    Example:
        Then the response header "X-Powered-By" should be absent
    """
    assert_header_absent(context.http.last_exchange, context.variables.substitute(name))


@then('the response body should be "{text}"')
@then("the response body should be:")
def step_the_response_body_should_be(context: Any, text: str | None = None) -> None:
    """Check that the body of the last response is exactly a text (inline or a doc-string).

    Example:
        Then the response body should be:
            \"\"\"
            Hello, Ada!
            You have 3 new messages.
            \"\"\"
        And the response body should be "pong"
    """
    expected = expected_text(text, context.text, context.variables)
    assert_body(context.http.last_exchange, expected)


@then('the response body should contain "{text}"')
@then("the response body should contain:")
def step_the_response_body_should_contain(context: Any, text: str | None = None) -> None:
    """Check that the body of the last response contains a text (inline or a doc-string).

    Example:
        Then the response body should contain "3 new messages"
        And the response body should contain:
            \"\"\"
            Hello, Ada!
            \"\"\"
    """
    expected = expected_text(text, context.text, context.variables)
    assert_body_contains(context.http.last_exchange, expected)


@then('the response body should match "{pattern}"')
@then("the response body should match:")
def step_the_response_body_should_match(context: Any, pattern: str | None = None) -> None:
    """Check that the whole body of the last response matches a regular expression.

    The expression must match the whole body; ``.`` also matches line breaks, so ``.*``
    spans lines. Give it inline or as a doc-string.

    Example:
        Then the response body should match "Hello, [A-Za-z]+!.*"
        And the response body should match:
            \"\"\"
            Hello, [A-Za-z]+!
            You have [0-9]+ new messages[.]
            \"\"\"
    """
    expected = expected_text(pattern, context.text, context.variables)
    assert_body_matches(context.http.last_exchange, expected)


@then("the response time should be under {limit_ms:d} ms")
def step_the_response_time_should_be_under(context: Any, limit_ms: int) -> None:
    """Check that the last response arrived within a time limit, in milliseconds.

    The time runs from sending the request to receiving the response headers.

    Example:
        Then the response time should be under 500 ms
    """
    assert_response_time_under(context.http.last_exchange, limit_ms)

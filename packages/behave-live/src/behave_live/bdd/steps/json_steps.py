"""Steps that check the JSON body of the last response, whole or at a JSONPath (RFC 9535).

Expected JSON may hold fuzzy markers (``"#number"``, ``"#uuid"``, ``"#regex [A-Z]+"``,
optional ``"##string"``...) and ``${name}`` references. Object key order never matters.
A path with wildcards or filters (``$.items[*].price``) stands for the array of every value
it selects.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import then
from behave_live.http.json_assertions import (
    assert_json,
    assert_json_absent,
    assert_json_array_contains,
    assert_json_exists,
    assert_json_length,
    assert_json_value,
)
from behave_live.inputs.expectations import expected_json_document, expected_json_literal
from behave_live.matching import MatchMode

register_type(**STEP_TYPES)


@then('the JSON value at "{path}" should be {expected:JsonLiteral}')
def step_the_json_value_at_should_be(context: Any, path: str, expected: str) -> None:
    """Check one value of the JSON response, chosen with a JSONPath (RFC 9535).

    The expected value is JSON: strings in double quotes, numbers, true/false/null,
    arrays and objects; fuzzy markers such as "#number" work too.

    Example:
        Then the JSON value at "$.message" should be "OK"
        And the JSON value at "$.items[0].price" should be "#number"
    """
    variables = context.variables
    assert_json_value(
        context.http.last_exchange,
        variables.substitute(path),
        expected_json_literal(expected, variables),
    )


@then("the JSON response should be:")
@then('the JSON value at "{path}" should be:')
def step_the_json_response_should_be(context: Any, path: str = "$") -> None:
    """Check that the JSON response (or the value at a path) equals the doc-string.

    Object key order is ignored; array order matters. Every difference is listed.

    Example:
        Then the JSON response should be:
            \"\"\"
            {"message": "OK"}
            \"\"\"
    """
    _check(context, path, "equals")


@then("the JSON response should contain:")
@then('the JSON value at "{path}" should contain:')
def step_the_json_response_should_contain(context: Any, path: str = "$") -> None:
    """Check that the JSON response (or the value at a path) contains the doc-string.

    Objects may have more keys than expected, and arrays more elements, in any order - at
    every depth.

    Example:
        Then the JSON value at "$.items[0]" should contain:
            \"\"\"
            {"name": "Teapot", "stock": {"available": true}}
            \"\"\"
    """
    _check(context, path, "contains")


@then("the JSON response should contain only:")
@then('the JSON value at "{path}" should contain only:')
def step_the_json_response_should_contain_only(context: Any, path: str = "$") -> None:
    """Check that an array holds exactly the expected elements, in any order.

    Like "should be", but array order is ignored at every depth.

    Example:
        Then the JSON value at "$.items[*].name" should contain only:
            \"\"\"
            ["Lamp", "Teapot", "Mug"]
            \"\"\"
    """
    _check(context, path, "contains_only")


@then("the JSON response should contain any of:")
@then('the JSON value at "{path}" should contain any of:')
def step_the_json_response_should_contain_any_of(context: Any, path: str = "$") -> None:
    """Check that at least one of the expected elements (or key/value pairs) is there.

    Example:
        Then the JSON value at "$.items[0].tags" should contain any of:
            \"\"\"
            ["gift", "sale"]
            \"\"\"
    """
    _check(context, path, "contains_any")


@then("the JSON response should contain none of:")
@then('the JSON value at "{path}" should contain none of:')
def step_the_json_response_should_contain_none_of(context: Any, path: str = "$") -> None:
    """Check that none of the expected elements (or key/value pairs) is there.

    Example:
        Then the JSON value at "$.items[*].tags" should contain none of:
            \"\"\"
            [["internal"], ["discontinued"]]
            \"\"\"
    """
    _check(context, path, "not_contains")


@then("each element of the JSON response should match:")
@then('each element of the JSON array at "{path}" should match:')
def step_each_element_should_match(context: Any, path: str = "$") -> None:
    """Check that every element of an array equals the doc-string (markers help here).

    An empty array fails, so that an empty response cannot pass unnoticed; use
    "should match (or be empty):" when empty is fine.

    Example:
        Then each element of the JSON array at "$.items[*].stock" should match:
            \"\"\"
            {"available": "#boolean", "quantity": "#number"}
            \"\"\"
    """
    _check(context, path, "each")


@then("each element of the JSON response should match (or be empty):")
@then('each element of the JSON array at "{path}" should match (or be empty):')
def step_each_element_should_match_or_be_empty(context: Any, path: str = "$") -> None:
    """Check that every element of an array equals the doc-string; an empty array passes.

    Example:
        Then each element of the JSON array at "$.items" should match (or be empty):
            \"\"\"
            {"id": "#uuid", "name": "#string", "price": "#number",
             "discount": "##object", "added_at": "#datetime"}
            \"\"\"
    """
    _check(context, path, "each", allow_empty=True)


@then("each element of the JSON response should contain:")
@then('each element of the JSON array at "{path}" should contain:')
def step_each_element_should_contain(context: Any, path: str = "$") -> None:
    """Check that every element of an array contains the doc-string (extra keys allowed).

    An empty array fails; use "should contain (or be empty):" when empty is fine.

    Example:
        Then each element of the JSON array at "$.items" should contain:
            \"\"\"
            {"tags": ["gift"]}
            \"\"\"
    """
    _check(context, path, "each_contains")


@then("each element of the JSON response should contain (or be empty):")
@then('each element of the JSON array at "{path}" should contain (or be empty):')
def step_each_element_should_contain_or_be_empty(context: Any, path: str = "$") -> None:
    """Check that every element of an array contains the doc-string; an empty array passes.

    Example:
        Then each element of the JSON array at "$.items" should contain (or be empty):
            \"\"\"
            {"tags": ["gift"]}
            \"\"\"
    """
    _check(context, path, "each_contains", allow_empty=True)


@then('the JSON value at "{path}" should exist')
def step_the_json_value_at_should_exist(context: Any, path: str) -> None:
    """Check that a JSONPath selects something (a null value counts: the key is there).

    Example:
        Then the JSON value at "$.items[0].discount" should exist
    """
    assert_json_exists(context.http.last_exchange, context.variables.substitute(path))


@then('the JSON value at "{path}" should not exist')
def step_the_json_value_at_should_not_exist(context: Any, path: str) -> None:
    """Check that a JSONPath selects nothing.

    Example:
        Then the JSON value at "$.user.password" should not exist
    """
    assert_json_absent(context.http.last_exchange, context.variables.substitute(path))


@then('the JSON value at "{path}" should have length {length:d}')
def step_the_json_value_at_should_have_length(context: Any, path: str, length: int) -> None:
    """Check the length of an array (elements), an object (members) or a string (characters).

    A path with wildcards or filters counts the values it selects.

    Example:
        Then the JSON value at "$.items" should have length 3
        And the JSON value at "$.items[?@.price > 20]" should have length 2
    """
    assert_json_length(context.http.last_exchange, context.variables.substitute(path), length)


@then('the JSON array at "{path}" should contain {element}')
def step_the_json_array_at_should_contain(context: Any, path: str, element: str) -> None:
    """Check that an array has an element matching an inline JSON value.

    Given an array, each of its values must be an element, in any order. Objects are
    matched as "contains": the element may have more keys.

    Example:
        Then the JSON array at "$.items[0].tags" should contain "gift"
        And the JSON array at "$.items" should contain {"name": "Mug"}
    """
    variables = context.variables
    assert_json_array_contains(
        context.http.last_exchange,
        variables.substitute(path),
        expected_json_literal(element, variables),
    )


def _check(context: Any, path: str, mode: MatchMode, *, allow_empty: bool = False) -> None:
    variables = context.variables
    assert_json(
        context.http.last_exchange,
        expected_json_document(context.text, variables),
        mode,
        path=variables.substitute(path),
        allow_empty=allow_empty,
    )

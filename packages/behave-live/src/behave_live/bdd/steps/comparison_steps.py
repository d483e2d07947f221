"""Steps that compare numbers in the JSON response: bounds on a value, and on a count.

The comparisons read as words: ``greater than``, ``at least``, ``less than``, ``at most``
and ``between ... and ...`` (both ends included). A value that is not a number fails
saying what it is, so ``"12"`` (a string) is never taken for ``12``.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import then
from behave_live.http.json_comparisons import assert_json_count, assert_json_number
from behave_live.inputs.expectations import expected_number, expected_range
from behave_live.matching.conditions import Condition

register_type(**STEP_TYPES)


@then('the JSON value at "{path}" should be {comparison:Comparison} {bound}')
def step_the_json_value_at_should_be_greater_than(
    context: Any, path: str, comparison: str, bound: str
) -> None:
    """Check that a value of the JSON response is a number above or below a bound.

    Say "greater than", "at least", "less than" or "at most"; the bound may be a ${name}.

    Example:
        Then the JSON value at "$.items[0].price" should be greater than 10
        And the JSON value at "$.count" should be at most ${page_size}
    """
    variables = context.variables
    condition = Condition(comparison, (expected_number(bound, variables),))
    assert_json_number(context.http.last_exchange, variables.substitute(path), condition)


@then('the JSON value at "{path}" should be between {low} and {high}')
def step_the_json_value_at_should_be_between(context: Any, path: str, low: str, high: str) -> None:
    """Check that a value of the JSON response is a number within a range (ends included).

    Example:
        Then the JSON value at "$.items[0].stock.quantity" should be between 1 and 100
    """
    variables = context.variables
    condition = expected_range(low, high, variables)
    assert_json_number(context.http.last_exchange, variables.substitute(path), condition)


@then('the number of elements at "{path}" should be {comparison:Comparison} {count:d}')
def step_the_number_of_elements_at_should_be_at_least(
    context: Any, path: str, comparison: str, count: int
) -> None:
    """Check how many elements an array has, as a bound ("at least 1", "at most 20").

    A path with wildcards or filters counts the values it selects. For an exact count, use
    "should have length".

    Example:
        Then the number of elements at "$.items" should be at least 1
        And the number of elements at "$.items[?@.price > 20]" should be at most 2
    """
    condition = Condition(comparison, (count,))
    assert_json_count(context.http.last_exchange, context.variables.substitute(path), condition)

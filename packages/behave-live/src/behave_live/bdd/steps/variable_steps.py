"""Steps that save values as scenario variables, for ``${name}`` in later steps.

The save steps work after any keyword (``And I save ...`` after a ``Then`` or a ``Given``
that sent a request). A saved value keeps its JSON type: ``${id}`` saved from ``42`` is the
number 42 in a JSON body, and the text ``42`` in a path.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import given, step, then
from behave_live.http.assertions import json_node, response_header
from behave_live.inputs.arithmetic import compute
from behave_live.inputs.expectations import expected_json_literal
from behave_live.inputs.variable_checks import assert_variable
from behave_live.secrets import is_secret_name

register_type(**STEP_TYPES)


@step('I save the JSON value at "{path}" as "{name}"')
def step_i_save_the_json_value_at_as(context: Any, path: str, name: str) -> None:
    """Save one value of the last JSON response (chosen with a JSONPath) as a variable.

    A value under a secret-looking key (``$.token``, ``$.auth.password``) stays hidden
    wherever the scenario shows it later, whatever the variable is called.

    Example:
        And I save the JSON value at "$.token" as "token"
    """
    node = json_node(context.http.last_exchange, context.variables.substitute(path))
    # A value under a secret-looking key ("$.token", "$.auth.password") is shown redacted
    # in the response: it stays hidden wherever the scenario sends it next.
    secret = any(isinstance(key, str) and is_secret_name(key) for key in node.location)
    context.variables.save(name, node.value, secret=secret)


@step('I save the response header "{header}" as "{name}"')
def step_i_save_the_response_header_as(context: Any, header: str, name: str) -> None:
    """Save a header of the last response as a variable (the header name is case-insensitive).

    The value of a secret-looking header (``X-Auth-Token``) stays hidden wherever the
    scenario shows it later.

    Example:
        And I save the response header "Location" as "location"
    """
    header = context.variables.substitute(header)
    value = response_header(context.http.last_exchange, header)
    context.variables.save(name, value, secret=is_secret_name(header))


@step('I save the response status as "{name}"')
def step_i_save_the_response_status_as(context: Any, name: str) -> None:
    """Save the status code of the last response as a variable (a number).

    Example:
        And I save the response status as "status"
    """
    context.variables.save(name, context.http.last_exchange.response.status_code)


# A Given (like the setters below), registered before the JSON-literal one, whose pattern
# also matches "is secret": behave tries the steps of a keyword in the order registered.
@given('the variable "{name}" is secret')
def step_the_variable_is_secret(context: Any, name: str) -> None:
    """Hide the variable's value wherever it appears: messages, curl lines, reports, JUnit.

    Values read with ``${env:NAME}`` or saved under a name that looks secret (``token``,
    ``api_key``, ``DB_PASSWORD``) are hidden already; this step is for the others.

    Example:
        Given I save the JSON value at "$.data.value" as "invite"
        And the variable "invite" is secret
    """
    context.variables.mark_secret(name)


@given('the variable "{name}" is "{value:AnyText}"')
def step_the_variable_is(context: Any, name: str, value: str) -> None:
    """Set a variable to a text, for ``${name}`` in later steps (other variables allowed).

    Example:
        Given the variable "name" is "Ada"
    """
    context.variables.save(name, context.variables.substitute(value))


@given('the variable "{name}" is the variable "{other}"')
def step_the_variable_is_the_variable(context: Any, name: str, other: str) -> None:
    """Copy a variable, keeping its JSON type (a number stays a number).

    Example:
        Given the variable "first_id" is the variable "task_id"
    """
    context.variables.save(name, context.variables[other])


@given('the variable "{name}" is {value:JsonLiteral}')
def step_the_variable_is_json(context: Any, name: str, value: str) -> None:
    """Set a variable to a JSON value: a number, true/false/null, an array or an object.

    ``${name}`` references keep their type: ``is ${count}`` copies a number as a number.
    (A value in double quotes is a text: see the step above.)

    Example:
        Given the variable "page_size" is 20
        And the variable "filters" is {"tag": "gift", "in_stock": true}
    """
    context.variables.save(name, expected_json_literal(value, context.variables))


@step('I compute "{name}" as "{expression}"')
def step_i_compute_as(context: Any, name: str, expression: str) -> None:
    """Compute a number from numbers and variables with + - * / and parentheses.

    Only arithmetic on numbers is accepted (never code); a variable holding text fails.
    Dividing whole numbers exactly gives a whole number: 6 / 2 is 3, 7 / 2 is 3.5.

    Example:
        Given the variable "quota" is 10
        And the variable "used" is 3
        And I compute "remaining" as "${quota} - ${used}"
    """
    context.variables.save(name, compute(expression, context.variables))


@then('the variable "{name}" should be {expected:JsonLiteral}')
def step_the_variable_should_be(context: Any, name: str, expected: str) -> None:
    """Check a variable against a JSON value (fuzzy markers allowed; 3 and "3" differ).

    Example:
        Then the variable "remaining" should be 7
        And the variable "token" should be "#string"
    """
    assert_variable(context.variables, name, expected_json_literal(expected, context.variables))

"""Steps that save values as scenario variables, for ``${name}`` in later steps.

The save steps work after any keyword (``And I save ...`` after a ``Then`` or a ``Given``
that sent a request). A saved value keeps its JSON type: ``${id}`` saved from ``42`` is the
number 42 in a JSON body, and the text ``42`` in a path.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import given, step
from behave_live.http.assertions import json_value, response_header

register_type(**STEP_TYPES)


@step('I save the JSON value at "{path}" as "{name}"')
def step_i_save_the_json_value_at_as(context: Any, path: str, name: str) -> None:
    """Save one value of the last JSON response (chosen with a JSONPath) as a variable.

    Example:
        And I save the JSON value at "$.token" as "token"
    """
    value = json_value(context.http.last_exchange, context.variables.substitute(path))
    context.variables.save(name, value)


@step('I save the response header "{header}" as "{name}"')
def step_i_save_the_response_header_as(context: Any, header: str, name: str) -> None:
    """Save a header of the last response as a variable (the header name is case-insensitive).

    Example:
        And I save the response header "Location" as "location"
    """
    value = response_header(context.http.last_exchange, context.variables.substitute(header))
    context.variables.save(name, value)


@step('I save the response status as "{name}"')
def step_i_save_the_response_status_as(context: Any, name: str) -> None:
    """Save the status code of the last response as a variable (a number).

    Example:
        And I save the response status as "status"
    """
    context.variables.save(name, context.http.last_exchange.response.status_code)


@given('the variable "{name}" is "{value:AnyText}"')
def step_the_variable_is(context: Any, name: str, value: str) -> None:
    """Set a variable to a text, for ``${name}`` in later steps (other variables allowed).

    Example:
        Given the variable "name" is "Ada"
    """
    context.variables.save(name, context.variables.substitute(value))

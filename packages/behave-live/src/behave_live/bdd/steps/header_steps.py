"""Steps that set request headers: for the next request, or for every request.

- ``the request header(s)`` are for **the next request** only, like a body is: they are
  sent with the next request and then dropped. Set them right before the ``When``.
- ``every request has the header`` applies to **every later request** of the scenario; in
  a ``Background`` it covers the whole feature.

When both name the same header, the next request's value wins for that request. Headers
given in a ``with the headers:`` table of a send step win over both.

Registered for every keyword, so a setting reads naturally wherever it falls:
``Given ...``, or ``And ...`` after a ``When``.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step
from behave_live.inputs.tables import header_values

register_type(**STEP_TYPES)


@step('the request header "{name}" is "{value:AnyText}"')
def step_the_request_header_is(context: Any, name: str, value: str) -> None:
    """Send a header with the next request only.

    Example:
        Given the request header "X-Trace" is "abc-123"
        When I send a GET request to "/inspect"
    """
    variables = context.variables
    context.http.set_next_request_headers({variables.substitute(name): variables.substitute(value)})


@step("the request headers are:")
def step_the_request_headers_are(context: Any) -> None:
    """Send the headers of a | name | value | table with the next request only.

    A name on several rows is sent once, its values joined in order with ", " - for a
    list-valued header (Accept, Cache-Control, X-Forwarded-For) RFC 9110 makes that the same
    as sending it on several lines, which ``requests`` cannot do. Cookie values are joined
    with "; ".

    Example:
        Given the request headers are:
            | name            | value    |
            | X-Trace         | abc-123  |
            | Accept-Language | fr       |
        When I send a GET request to "/inspect"
    """
    variables = context.variables
    headers = header_values(context.table, "request headers", variables.substitute)
    context.http.set_next_request_headers(headers)


@step('every request has the header "{name}" with "{value:AnyText}"')
def step_every_request_has_the_header_with(context: Any, name: str, value: str) -> None:
    """Send a header with every later request of the scenario (in a Background: the feature).

    Example:
        Background:
            Given every request has the header "Accept" with "application/json"
    """
    variables = context.variables
    context.http.set_default_header(variables.substitute(name), variables.substitute(value))

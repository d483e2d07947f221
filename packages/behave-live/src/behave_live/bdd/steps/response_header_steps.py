"""Steps that check the headers of the last response: present or not, and list values.

A header the server sent on several lines arrives joined with ", " (RFC 9110's combined
form), so ``should list`` compares the items, whatever their order or line.
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import then
from behave_live.http.assertions import assert_header_absent
from behave_live.http.header_assertions import assert_header_lists, assert_header_present


@then('the response should have the header "{name}"')
def step_the_response_should_have_the_header(context: Any, name: str) -> None:
    """Check that the last response has a header, whatever its value (name case-insensitive).

    Example:
        Then the response should have the header "X-Trace"
    """
    assert_header_present(context.http.last_exchange, context.variables.substitute(name))


@then('the response should not have the header "{name}"')
def step_the_response_should_not_have_the_header(context: Any, name: str) -> None:
    """Check that the last response has no header of that name.

    Example:
        Then the response should not have the header "Server-Timing"
    """
    assert_header_absent(context.http.last_exchange, context.variables.substitute(name))


@then('the response header "{name}" should list "{items}" in any order')
def step_the_response_header_should_list_in_any_order(context: Any, name: str, items: str) -> None:
    """Check a comma-separated header (Allow, Vary, ...) holds exactly these items, any order.

    Example:
        Then the response header "Allow" should list "GET, POST, OPTIONS" in any order
    """
    variables = context.variables
    assert_header_lists(
        context.http.last_exchange, variables.substitute(name), variables.substitute(items)
    )

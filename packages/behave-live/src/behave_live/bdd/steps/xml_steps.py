"""Steps that check an XML response body with XPath (2.0).

The document is parsed safely (no entity expansion, no external fetches) with the kit's
``xml`` extra: ``pip install 'behave-live[xml]'``. Attributes are ``@name``; the value of
an element is all the text inside it; ``count(...)`` and other functions work too.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import then
from behave_live.http.xml_assertions import (
    assert_xpath_absent,
    assert_xpath_count,
    assert_xpath_exists,
    assert_xpath_value,
)

register_type(**STEP_TYPES)


@then('the XPath "{path:Unquoted}" should be "{value:AnyText}"')
def step_the_xpath_should_be(context: Any, path: str, value: str) -> None:
    """Check the text of the one node (or the value) an XPath selects in the XML response.

    Example:
        Then the XPath "/catalog/item[1]/@sku" should be "TEA-001"
        And the XPath "count(/catalog/item)" should be "3"
    """
    variables = context.variables
    assert_xpath_value(
        context.http.last_exchange, variables.substitute(path), variables.substitute(value)
    )


@then('the XPath "{path:Unquoted}" should select {count:d} nodes')
@then('the XPath "{path:Unquoted}" should select {count:d} node')
def step_the_xpath_should_select_nodes(context: Any, path: str, count: int) -> None:
    """Check how many nodes an XPath selects in the XML response.

    Example:
        Then the XPath "/catalog/item" should select 3 nodes
        And the XPath "/catalog/item[@sku='TEA-001']" should select 1 node
    """
    assert_xpath_count(context.http.last_exchange, context.variables.substitute(path), count)


@then('the XPath "{path:Unquoted}" should exist')
def step_the_xpath_should_exist(context: Any, path: str) -> None:
    """Check that an XPath selects at least one node in the XML response.

    Example:
        Then the XPath "/catalog/item[@sku='MUG-002']/discount" should exist
    """
    assert_xpath_exists(context.http.last_exchange, context.variables.substitute(path))


@then('the XPath "{path:Unquoted}" should not exist')
def step_the_xpath_should_not_exist(context: Any, path: str) -> None:
    """Check that an XPath selects nothing in the XML response.

    Example:
        Then the XPath "/catalog/item[@sku='TEA-001']/discount" should not exist
    """
    assert_xpath_absent(context.http.last_exchange, context.variables.substitute(path))

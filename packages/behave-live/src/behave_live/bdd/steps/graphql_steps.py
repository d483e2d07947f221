"""Steps that send GraphQL queries and mutations, and check the errors of the answer.

A query (or mutation) is the doc-string below the step; its variables come from an
earlier step, as a JSON doc-string or a | name | value | table. The answer's ``data`` is
checked with the JSON steps (``Then the JSON value at "$.data.task.title" should be
"..."``). A response that carries GraphQL ``errors`` fails the step that sent the query,
each error's message and path listed - unless a later step of the scenario checks the
errors (``Then the GraphQL errors should include "..."``).
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import given, step, then
from behave_live.errors import StepInputError
from behave_live.http.graphql import assert_graphql_error, assert_no_graphql_errors, graphql_body
from behave_live.inputs.documents import parse_json_document, parse_json_literal
from behave_live.inputs.tables import name_value_pairs

register_type(**STEP_TYPES)

# How a later step that reads the errors begins: the scenario then expects errors.
_ERRORS_STEP = "the GraphQL errors should"
# How every step that sends a request begins: the errors a later step reads are its own.
_REQUEST_STEP = "I send"


@given("the GraphQL variables are:")
def step_the_graphql_variables_are(context: Any) -> None:
    """Set the variables of the next GraphQL query from a JSON object doc-string.

    ``${name}`` references are substituted as in a JSON body.

    Example:
        Given the GraphQL variables are:
            \"\"\"
            {"title": "Write the release notes", "tags": ["docs"]}
            \"\"\"
    """
    if context.text is None:
        raise StepInputError(
            "The GraphQL variables belong in a doc-string below the step: put a JSON object "
            'between two lines of """.'
        )
    text = context.variables.substitute_json(context.text, "in the GraphQL variables")
    variables = parse_json_document(text, "The GraphQL variables")
    if not isinstance(variables, dict):
        raise StepInputError(
            'The GraphQL variables must be a JSON object, such as {"id": 7}: one member per '
            "variable of the query."
        )
    context.graphql_variables = variables


@given("the GraphQL variables:")
def step_the_graphql_variables(context: Any) -> None:
    """Set the variables of the next GraphQL query from a | name | value | table.

    A value that reads as JSON is that JSON value (``7`` a number, ``true`` a boolean,
    ``"7"`` a string, ``["a"]`` a list); any other text is a string.

    Example:
        Given the GraphQL variables:
            | name  | value                  |
            | title | Write the release notes |
            | limit | 10                     |
    """
    pairs = name_value_pairs(context.table, "GraphQL variables", context.variables.substitute)
    context.graphql_variables = {name: _table_value(value) for name, value in pairs}


@step('I send the GraphQL query to "{path:Unquoted}":')
@step('I send the GraphQL mutation to "{path:Unquoted}":')
def step_i_send_the_graphql_query_to(context: Any, path: str) -> None:
    """POST the GraphQL query (or mutation) in the doc-string, with any variables set before.

    The response must carry no GraphQL ``errors``, unless a later step checks them.

    Example:
        When I send the GraphQL query to "/board/graphql":
            \"\"\"
            query ($id: Int!) { task(id: $id) { title done } }
            \"\"\"
        Then the JSON value at "$.data.task.done" should be false
    """
    if context.text is None:
        raise StepInputError(
            "The step sends a GraphQL query, but no doc-string follows it. Put the query "
            'between two lines of """ right below the step.'
        )
    variables = getattr(context, "graphql_variables", None)
    context.graphql_variables = None  # the variables belong to this query only
    body = graphql_body(context.text, variables)
    target = context.variables.substitute(path, "in the path")
    context.http.request("POST", target, json=body)
    if not _errors_checked_later(context):
        assert_no_graphql_errors(context.http.last_exchange)


@then('the GraphQL errors should include "{message}"')
def step_the_graphql_errors_should_include(context: Any, message: str) -> None:
    """Check that the GraphQL response carries an error whose message contains the text.

    Such a step later in the scenario tells the query step that errors are expected.

    Example:
        Then the GraphQL errors should include "Task 999 does not exist"
    """
    assert_graphql_error(context.http.last_exchange, context.variables.substitute(message))


def _table_value(text: str) -> Any:
    try:
        return parse_json_literal(text)
    except StepInputError:
        return text


def _errors_checked_later(context: Any) -> bool:
    # The steps after the one running (the first not yet run), up to the next request: one
    # that reads the errors means the scenario expects them.
    steps = list(getattr(context.scenario, "all_steps", []))
    running = next(
        (index for index, each in enumerate(steps) if each.status.name == "untested"), None
    )
    if running is None:
        return False
    for later in steps[running + 1 :]:
        if later.name.startswith(_ERRORS_STEP):
            return True
        if later.name.startswith(_REQUEST_STEP):
            return False
    return False

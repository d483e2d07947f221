"""Steps that set query parameters for the next request, whatever its body.

A send step takes one table or one doc-string; to send query parameters *and* a JSON body
(or a form, or a file), set the parameters first. Registered for every keyword, like the
other request settings.
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import step
from behave_live.inputs.tables import name_value_pairs


@step("the query parameters are:")
def step_the_query_parameters_are(context: Any) -> None:
    """Add the query parameters of a | name | value | table to the next request only.

    A name may appear on several rows; values are URL-encoded for you. The parameters are
    added to any query already in the path.

    Example:
        Given the query parameters are:
            | name   | value |
            | dry_run | true |
        When I send a POST request to "/inspect" with JSON:
            \"\"\"
            {"name": "Ada"}
            \"\"\"
    """
    params = name_value_pairs(context.table, "query parameters", context.variables.substitute)
    context.http.add_next_request_params(params)

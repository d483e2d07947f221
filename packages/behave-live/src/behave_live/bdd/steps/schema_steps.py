"""Steps that validate the JSON body of the last response against a JSON Schema.

Validation uses ``jsonschema``; the schema's ``$schema`` chooses the draft (2020-12 when
absent), and ``format`` is checked. Every error is listed with its path.
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import then
from behave_live.http.json_assertions import assert_json_schema
from behave_live.inputs.expectations import expected_json_document, json_file
from behave_live.inputs.feature_files import FeatureFiles


@then("the JSON response should match the schema:")
@then('the JSON value at "{path}" should match the schema:')
def step_the_json_response_should_match_the_schema(context: Any, path: str = "$") -> None:
    """Validate the JSON response (or the value at a path) against the schema below the step.

    Example:
        Then the JSON value at "$.items[0].stock" should match the schema:
            \"\"\"
            {"type": "object", "required": ["available", "quantity"],
             "properties": {"quantity": {"type": "integer", "minimum": 0}}}
            \"\"\"
    """
    variables = context.variables
    schema = expected_json_document(context.text, variables, "The JSON Schema")
    assert_json_schema(context.http.last_exchange, schema, path=variables.substitute(path))


@then('the JSON response should match the schema in "{file}"')
@then('the JSON value at "{path}" should match the schema in "{file}"')
def step_the_json_response_should_match_the_schema_in(
    context: Any, file: str, path: str = "$"
) -> None:
    """Validate the JSON response (or the value at a path) against a JSON Schema file.

    The file name is relative to the features directory: "schemas/catalog.json" is
    features/schemas/catalog.json.

    Example:
        Then the JSON response should match the schema in "schemas/catalog.json"
    """
    variables = context.variables
    files = FeatureFiles.locate(context.config.base_dir, context.live.settings.features_dir)
    schema = json_file(files, variables.substitute(file), variables, "JSON Schema file")
    assert_json_schema(context.http.last_exchange, schema, path=variables.substitute(path))

"""Steps that send HTTP requests to the scenario's server.

Paths are relative to the server (and to the base path, if a step set one); ``${name}``
variables are substituted in paths, tables, doc-strings and JSON files. The steps are
registered for every keyword: usually a ``When``, but a ``Given`` may send a request that
prepares state (a login, a cookie) for the one the scenario is about.

Headers, credentials, cookies, the base path and the timeout are set by the steps of
``header_steps``, ``auth_steps``, ``cookie_steps`` and ``request_settings_steps``.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step
from behave_live.errors import StepInputError
from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.request_bodies import (
    checked_method,
    file_body,
    form_body,
    json_body,
    json_file_body,
    multipart_body,
    text_body,
)
from behave_live.inputs.tables import header_values, name_value_pairs

register_type(**STEP_TYPES)


@step('I send a {method:Method} request to "{path:Unquoted}"')
def step_i_send_a_request_to(context: Any, method: str, path: str) -> None:
    """Send a request without a body to a path of the server under test.

    Any HTTP method works - GET, POST, ... and TRACE, PROPFIND, MKCOL: whatever the server
    supports. A word that is not a method token fails the step.

    Example:
        When I send a GET request to "/health"
        When I send a DELETE request to "/tasks/${task_id}"
        When I send a PROPFIND request to "/files/"
    """
    verb = checked_method(method)
    if context.text is not None:
        raise StepInputError(
            f"The step sends no body, but a doc-string follows it. To send it as JSON write: "
            f'When I send a {verb} request to "{path}" with JSON:'
        )
    if context.table is not None:
        raise StepInputError(
            f"The step takes no table, but a table follows it. For query parameters write: "
            f'When I send a {verb} request to "{path}" with the query parameters:'
        )
    _send(context, verb, path)


@step('I send a {method:Method} request to "{path:Unquoted}" with JSON:')
def step_i_send_a_request_with_json(context: Any, method: str, path: str) -> None:
    """Send a request whose body is the JSON doc-string below the step.

    ``"${name}"`` inside a JSON string is replaced by the variable's text (escaped);
    a bare ``${name}`` by its JSON value, so ``{"id": ${id}}`` keeps a number a number.

    Example:
        When I send a POST request to "/api/data" with JSON:
            \"\"\"
            {"name": "Ada", "languages": ["en", "fr"]}
            \"\"\"
    """
    verb = checked_method(method)
    text = _doc_string(context, "a JSON body", "the JSON")
    _send(context, verb, path, **json_body(text, context.variables))


@step('I send a {method:Method} request to "{path:Unquoted}" with the JSON file "{name:Unquoted}"')
def step_i_send_a_request_with_the_json_file(
    context: Any, method: str, path: str, name: str
) -> None:
    """Send a request whose body is a JSON file, relative to the features directory.

    ``${name}`` variables in the file are substituted as in a JSON doc-string.

    Example:
        When I send a POST request to "/api/data" with the JSON file "data/person.json"
    """
    verb = checked_method(method)
    variables = context.variables
    body = json_file_body(_feature_files(context), variables.substitute(name), variables)
    _send(context, verb, path, **body)


@step(
    'I send a {method:Method} request to "{path:Unquoted}" with a "{content_type:Unquoted}" body:'
)
def step_i_send_a_request_with_a_body(
    context: Any, method: str, path: str, content_type: str
) -> None:
    """Send the doc-string below the step as the raw body, with the given Content-Type.

    Use it for non-JSON payloads, or for JSON that is deliberately malformed.

    Example:
        When I send a POST request to "/api/data" with a "application/json" body:
            \"\"\"
            {"name": "Ada",
            \"\"\"
    """
    verb = checked_method(method)
    text = _doc_string(context, "the doc-string as the body", "the body")
    _send(context, verb, path, **text_body(text, content_type, context.variables))


@step(
    'I send a {method:Method} request to "{path:Unquoted}" with the file "{name:Unquoted}" '
    "as the body"
)
def step_i_send_a_request_with_the_file_as_the_body(
    context: Any, method: str, path: str, name: str
) -> None:
    """Send a file under the features directory as the raw body, byte for byte.

    The Content-Type comes from the file's extension (``.xml`` is application/xml,
    ``.json`` application/json, ``.pdf`` application/pdf, unknown ones
    application/octet-stream). No variables are substituted in the file.

    Example:
        When I send a POST request to "/inspect" with the file "data/catalog.xml" as the body
    """
    verb = checked_method(method)
    body = file_body(_feature_files(context), context.variables.substitute(name))
    _send(context, verb, path, **body)


@step(
    'I send a {method:Method} request to "{path:Unquoted}" with the file "{name:Unquoted}" '
    'as a "{content_type:Unquoted}" body'
)
def step_i_send_a_request_with_the_file_as_a_body(
    context: Any, method: str, path: str, name: str, content_type: str
) -> None:
    """Send a file as the raw body, with the Content-Type given instead of guessed.

    Example:
        When I send a PUT request to "/notes" with the file "a.txt" as a "text/markdown" body
    """
    verb = checked_method(method)
    variables = context.variables
    body = file_body(
        _feature_files(context), variables.substitute(name), variables.substitute(content_type)
    )
    _send(context, verb, path, **body)


@step('I send a {method:Method} request to "{path:Unquoted}" with the query parameters:')
def step_i_send_a_request_with_the_query_parameters(context: Any, method: str, path: str) -> None:
    """Send a request without a body, with query parameters from a | name | value | table.

    A name may appear on several rows (``?tag=a&tag=b``); the parameters are added to any
    query already in the path. Values are URL-encoded for you.

    Example:
        When I send a GET request to "/inspect" with the query parameters:
            | name  | value     |
            | q     | ada lovelace |
            | tag   | math      |
            | tag   | history   |
    """
    verb = checked_method(method)
    params = name_value_pairs(context.table, "query parameters", context.variables.substitute)
    _send(context, verb, path, params=params)


@step('I send a {method:Method} request to "{path:Unquoted}" with the headers:')
def step_i_send_a_request_with_the_headers(context: Any, method: str, path: str) -> None:
    """Send a request without a body, with headers from a | name | value | table.

    The headers are for this request only; they win over headers set for every request.
    A name on several rows is sent once, its values joined with ", " (RFC 9110's combined
    form of a list-valued header).

    Example:
        When I send a GET request to "/inspect" with the headers:
            | name     | value            |
            | Accept   | application/json |
            | X-Trace  | abc-123          |
    """
    verb = checked_method(method)
    headers = header_values(context.table, "headers", context.variables.substitute)
    _send(context, verb, path, headers=headers)


@step('I send a {method:Method} request to "{path:Unquoted}" with the form fields:')
def step_i_send_a_request_with_the_form_fields(context: Any, method: str, path: str) -> None:
    """Send a form (application/x-www-form-urlencoded) from a | name | value | table.

    Example:
        When I send a POST request to "/inspect" with the form fields:
            | name  | value           |
            | email | ada@example.com |
            | topic | engines         |
    """
    verb = checked_method(method)
    fields = name_value_pairs(context.table, "form fields", context.variables.substitute)
    _send(context, verb, path, **form_body(fields))


@step(
    'I send a {method:Method} request to "{path:Unquoted}" with the file "{name:Unquoted}" '
    'as "{field:Unquoted}"'
)
def step_i_send_a_request_with_the_file_as(
    context: Any, method: str, path: str, name: str, field: str
) -> None:
    """Upload a file under the features directory as a multipart/form-data field.

    The file is sent byte for byte, with its file name and a content type guessed from its
    extension.

    Example:
        When I send a POST request to "/upload" with the file "data/hello.txt" as "document"
    """
    verb = checked_method(method)
    if context.table is not None:
        raise StepInputError(
            "A table follows the step, but the step sends no form fields. To send them with "
            f'the file write: ... with the file "{name}" as "{field}" and the form fields:'
        )
    variables = context.variables
    body = multipart_body(
        _feature_files(context), variables.substitute(name), variables.substitute(field)
    )
    _send(context, verb, path, **body)


@step(
    'I send a {method:Method} request to "{path:Unquoted}" with the file "{name:Unquoted}" '
    'as "{field:Unquoted}" and the form fields:'
)
def step_i_send_a_request_with_the_file_as_and_the_form_fields(
    context: Any, method: str, path: str, name: str, field: str
) -> None:
    """Upload a file as a multipart/form-data field, with plain fields from a table.

    Example:
        When I send a POST request to "/upload" with the file "a.txt" as "doc" and the form fields:
            | name        | value          |
            | description | A short letter |
    """
    verb = checked_method(method)
    variables = context.variables
    fields = name_value_pairs(context.table, "form fields", variables.substitute)
    body = multipart_body(
        _feature_files(context), variables.substitute(name), variables.substitute(field), fields
    )
    _send(context, verb, path, **body)


def _send(context: Any, method: str, path: str, **arguments: Any) -> None:
    context.http.request(method, context.variables.substitute(path, "in the path"), **arguments)


def _doc_string(context: Any, sends: str, what: str) -> str:
    if context.text is None:
        raise StepInputError(
            f"The step sends {sends}, but no doc-string follows it. Put {what} between two "
            'lines of """ right below the step.'
        )
    text: str = context.text
    return text


def _feature_files(context: Any) -> FeatureFiles:
    return FeatureFiles.locate(context.config.base_dir, context.live.settings.features_dir)

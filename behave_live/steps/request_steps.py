"""Steps that send HTTP requests to the scenario's server."""

from __future__ import annotations

from typing import Any

from behave_live.documents import parse_json_document
from behave_live.errors import StepInputError
from behave_live.steps._decorators import when

_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


@when('I send a {method:w} request to "{path}"')
def step_i_send_a_request_to(context: Any, method: str, path: str) -> None:
    """Send a request without a body to a path of the server under test.

    Example:
        When I send a GET request to "/health"
    """
    if context.text is not None:
        raise StepInputError(
            f"The step sends no body, but a doc-string follows it. To send it as JSON write: "
            f'When I send a {method} request to "{path}" with JSON:'
        )
    context.http.request(_checked(method), path)


@when('I send a {method:w} request to "{path}" with JSON:')
def step_i_send_a_request_with_json(context: Any, method: str, path: str) -> None:
    """Send a request whose body is the JSON doc-string below the step.

    Example:
        When I send a POST request to "/api/data" with JSON:
            \"\"\"
            {"name": "Ada", "languages": ["en", "fr"]}
            \"\"\"
    """
    if context.text is None:
        raise StepInputError(
            "The step sends a JSON body, but no doc-string follows it. Put the JSON between "
            'two lines of """ right below the step.'
        )
    body = parse_json_document(context.text)
    context.http.request(_checked(method), path, json=body)


@when('I send a {method:w} request to "{path}" with a "{content_type}" body:')
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
    if context.text is None:
        raise StepInputError(
            "The step sends the doc-string as the body, but no doc-string follows it. Put the "
            'body between two lines of """ right below the step.'
        )
    body = context.text.encode("utf-8")
    context.http.request(_checked(method), path, data=body, headers={"Content-Type": content_type})


def _checked(method: str) -> str:
    upper = method.upper()
    if upper not in _METHODS:
        raise StepInputError(f"Unknown HTTP method {method!r}. Use one of {', '.join(_METHODS)}.")
    return upper

"""GraphQL over HTTP: the request body, and what a response's ``errors`` say.

A GraphQL server answers most mistakes with 200 and an ``errors`` list beside (or instead
of) ``data``, so a status check alone passes a failed query. :func:`assert_no_graphql_errors`
makes such a response fail, listing each error's message and path; a scenario that expects
errors checks them with :func:`assert_graphql_error` instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.exchange import Exchange

__all__ = [
    "GraphQLError",
    "assert_graphql_error",
    "assert_no_graphql_errors",
    "graphql_body",
    "graphql_errors",
]

_EXPECTING_ERRORS = (
    "If the scenario expects errors, check them with a later step such as: "
    'Then the GraphQL errors should include "..."'
)


class GraphQLError:
    """One entry of a response's ``errors``: its message and where (``tasks.0.title``)."""

    def __init__(self, entry: Any) -> None:
        self.entry = entry
        fields = entry if isinstance(entry, Mapping) else {}
        self.message = str(fields.get("message", json.dumps(entry)))
        path = fields.get("path")
        self.path = ".".join(str(part) for part in path) if isinstance(path, list) else ""

    def line(self) -> str:
        """The error on one line: ``Task 99 does not exist (at task)``."""
        return f"{self.message} (at {self.path})" if self.path else self.message


def graphql_body(query: str, variables: Mapping[str, Any] | None) -> dict[str, Any]:
    """The JSON body of a GraphQL request (the GraphQL over HTTP spec's ``application/json``)."""
    if not query.strip():
        raise StepInputError(
            'The GraphQL query is empty: put the query (or mutation) between two lines of """ '
            "right below the step."
        )
    body: dict[str, Any] = {"query": query}
    if variables:
        body["variables"] = dict(variables)
    return body


def graphql_errors(exchange: Exchange) -> list[GraphQLError]:
    """The response's GraphQL errors; none when the body is no JSON object or has none."""
    try:
        document = exchange.response.json()
    except ValueError:
        return []
    errors = document.get("errors") if isinstance(document, Mapping) else None
    if not isinstance(errors, list):
        return []
    return [GraphQLError(entry) for entry in errors]


def assert_no_graphql_errors(exchange: Exchange) -> None:
    """Fail when the response carries GraphQL ``errors``, listing every one."""
    errors = graphql_errors(exchange)
    if errors:
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        listed = "\n".join(f"  {error.line()}" for error in errors)
        raise ExchangeAssertionError(
            f"The GraphQL response carries {count}:\n{listed}\n{_EXPECTING_ERRORS}", exchange
        )


def assert_graphql_error(exchange: Exchange, expected: str) -> None:
    """Fail unless one of the response's GraphQL errors has a message containing ``expected``."""
    errors = graphql_errors(exchange)
    if any(expected in error.message for error in errors):
        return
    if not errors:
        raise ExchangeAssertionError(
            f"GraphQL errors: expected one saying {expected!r}, but the response carries none.",
            exchange,
        )
    listed = "\n".join(f"  {error.line()}" for error in errors)
    raise ExchangeAssertionError(
        f"GraphQL errors: expected one saying {expected!r}, got:\n{listed}", exchange
    )

"""The kit behind the GraphQL steps: the request body, and what a response's errors say."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
import requests

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.http.graphql import (
    assert_graphql_error,
    assert_no_graphql_errors,
    graphql_body,
    graphql_errors,
)
from behave_live.secrets import SecretValues


def exchange(document: Any, secrets: SecretValues | None = None) -> Exchange:
    request = requests.Request("POST", "http://127.0.0.1:1/graphql", json={"query": "{x}"})
    response = requests.Response()
    response.status_code = 200
    response.reason = "OK"
    response.headers["Content-Type"] = "application/json"
    response._content = json.dumps(document).encode() if document is not None else b"<html>"
    response.request = request.prepare()
    response.elapsed = datetime.timedelta(milliseconds=1)
    return Exchange(response, secrets or SecretValues())


NOT_FOUND = {
    "data": {"task": None},
    "errors": [
        {"message": "There is no task 9.", "path": ["task"]},
        {"message": "Cannot query field 'colour'.", "locations": [{"line": 1, "column": 3}]},
    ],
}


def test_the_body_carries_the_query_and_only_given_variables() -> None:
    assert graphql_body("{ me { name } }", None) == {"query": "{ me { name } }"}
    assert graphql_body("query ($id: Int!) { task(id: $id) { title } }", {"id": 7}) == {
        "query": "query ($id: Int!) { task(id: $id) { title } }",
        "variables": {"id": 7},
    }


def test_an_empty_query_is_refused() -> None:
    with pytest.raises(StepInputError, match="The GraphQL query is empty"):
        graphql_body("  \n", None)


def test_errors_are_read_with_their_paths() -> None:
    errors = graphql_errors(exchange(NOT_FOUND))

    assert [error.line() for error in errors] == [
        "There is no task 9. (at task)",
        "Cannot query field 'colour'.",
    ]


def test_a_body_that_is_not_graphql_has_no_errors() -> None:
    assert graphql_errors(exchange(None)) == []
    assert graphql_errors(exchange([1, 2])) == []
    assert graphql_errors(exchange({"errors": "all of them"})) == []


def test_a_response_with_errors_fails_listing_each() -> None:
    with pytest.raises(ExchangeAssertionError) as caught:
        assert_no_graphql_errors(exchange(NOT_FOUND))

    assert caught.value.summary == (
        "The GraphQL response carries 2 errors:\n"
        "  There is no task 9. (at task)\n"
        "  Cannot query field 'colour'.\n"
        "If the scenario expects errors, check them with a later step such as: "
        'Then the GraphQL errors should include "..."'
    )
    assert "Response:\n" in str(caught.value)


def test_a_response_without_errors_passes() -> None:
    assert_no_graphql_errors(exchange({"data": {"task": {"title": "x"}}}))


def test_an_expected_error_passes_by_part_of_its_message() -> None:
    assert_graphql_error(exchange(NOT_FOUND), "no task 9")


def test_another_error_than_expected_fails_listing_those_that_came() -> None:
    with pytest.raises(ExchangeAssertionError) as caught:
        assert_graphql_error(exchange(NOT_FOUND), "not allowed")

    assert caught.value.summary == (
        "GraphQL errors: expected one saying 'not allowed', got:\n"
        "  There is no task 9. (at task)\n"
        "  Cannot query field 'colour'."
    )


def test_an_expected_error_that_did_not_come_fails() -> None:
    with pytest.raises(ExchangeAssertionError) as caught:
        assert_graphql_error(exchange({"data": {}}), "not allowed")

    assert caught.value.summary == (
        "GraphQL errors: expected one saying 'not allowed', but the response carries none."
    )


def test_secrets_in_error_messages_are_masked() -> None:
    secrets = SecretValues()
    secrets.add("s3cr3t-token")
    document = {"errors": [{"message": "Token s3cr3t-token is not known."}]}

    with pytest.raises(ExchangeAssertionError) as caught:
        assert_no_graphql_errors(exchange(document, secrets))

    assert "s3cr3t-token" not in str(caught.value)

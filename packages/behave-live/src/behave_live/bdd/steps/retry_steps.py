"""Steps that repeat the last request until the response says what the scenario waits for.

For endpoints that become ready eventually (a job that finishes, a cache that fills): the
request is sent again, unchanged, a bounded number of times with a pause between attempts.
Each response is recorded, so the steps after it check the last one.
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import when
from behave_live.http.retry import json_value_is, repeat_until, status_is
from behave_live.inputs.expectations import expected_json_literal


@when(
    "I repeat the request until the response status is {status:d}, "
    "at most {attempts:d} times every {interval_ms:d} ms"
)
def step_i_repeat_the_request_until_the_response_status_is(
    context: Any, status: int, attempts: int, interval_ms: int
) -> None:
    """Resend the last request until its response has a given status.

    The last response is checked first; then the request is sent again, at most the given
    number of times, waiting the interval before each attempt. The step fails, listing every
    attempt, if the status never comes.

    Example:
        Given I send a GET request to "/reports/42"
        When I repeat the request until the response status is 200, at most 5 times every 20 ms
    """
    repeat_until(context.http, status_is(status), attempts=attempts, interval_ms=interval_ms)


@when(
    'I repeat the request until the JSON value at "{path}" is {expected}, '
    "at most {attempts:d} times every {interval_ms:d} ms"
)
def step_i_repeat_the_request_until_the_json_value_at_is(
    context: Any, path: str, expected: str, attempts: int, interval_ms: int
) -> None:
    """Resend the last request until a JSON value of its response is as expected.

    The expected value is inline JSON, fuzzy markers allowed. The last response is checked
    first; then the request is sent again, at most the given number of times, waiting the
    interval before each attempt. The step fails, listing every attempt, if it never holds.

    Example:
        Given I send a GET request to "/jobs/42"
        When I repeat the request until the JSON value at "$.state" is "done", at most 5 times every 20 ms
    """  # noqa: E501 - a Gherkin step is one line, however long
    variables = context.variables
    condition = json_value_is(
        variables.substitute(path), expected_json_literal(expected, variables)
    )
    repeat_until(context.http, condition, attempts=attempts, interval_ms=interval_ms)

"""Which kit steps an undefined step is told about first ("did you mean"), with the real steps."""

from __future__ import annotations

import pytest
from behave.step_registry import registry

import behave_live.bdd.steps  # noqa: F401  (registers the kit's steps)
from behave_live.bdd.undefined_steps import closest_steps


@pytest.mark.parametrize(
    ("written", "first"),
    [
        # A synonym ("code" for "status") and a bare value (200 for {status}).
        ("the response code should be 200", "Then the response status should be {status}"),
        ("the status code should be 404", "Then the response status should be {status}"),
        ("the response status shoud be 200", "Then the response status should be {status}"),
        (
            'the response header "Allow" should equal "GET"',
            'Then the response header "{name}" should be "{value}"',
        ),
        (
            'the response body should contains "ok"',
            'Then the response body should contain "{text}"',
        ),
        # The comparison words of a comparison step count as words of the step.
        (
            'the JSON value at "$.count" should be at least 2',
            'Then the JSON value at "{path}" should be greater than/at least/less than/at most '
            "{bound}",
        ),
        (
            'the number of elements at "$.items" should be at least 2',
            'Then the number of elements at "{path}" should be greater than/at least/less '
            "than/at most {count}",
        ),
        (
            'I send a GET request to "/x" with json:',
            'Given I send a {method} request to "{path}" with JSON:',
        ),
    ],
)
def test_the_step_meant_comes_first(written: str, first: str) -> None:
    suggestions = closest_steps(written, registry)
    assert suggestions, written
    assert suggestions[0] == first, suggestions


def test_the_body_steps_do_not_outrank_the_status_step_for_a_status_code() -> None:
    suggestions = closest_steps("the response code should be 200", registry)
    assert not any("body" in phrase for phrase in suggestions), suggestions


def test_a_step_unlike_any_gets_no_suggestion() -> None:
    assert closest_steps("I bake a cake", registry) == []

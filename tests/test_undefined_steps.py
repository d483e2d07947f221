"""An undefined step is answered with the closest steps of the library, beside behave's snippet."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

from behave_live.bdd.undefined_steps import closest_steps, suggest_undefined_steps
from tests.behave_runs import failing_feature, run_behave


def _registry(*patterns: tuple[str, str]) -> Any:
    steps: dict[str, list[Any]] = {"given": [], "when": [], "then": [], "step": []}
    for step_type, pattern in patterns:
        steps[step_type].append(SimpleNamespace(pattern=pattern))  # all a suggestion reads
    return SimpleNamespace(steps=steps)


REGISTRY = _registry(
    ("then", "the response status should be {status:d}"),
    ("then", 'the JSON value at "{path}" should be {comparison:Comparison} {bound}'),
    ("when", 'I send a {method} request to "{path}"'),
)


def test_a_misspelt_step_run_by_behave_gets_suggestions() -> None:
    run = run_behave(failing_feature("undefined_step.feature"))

    assert run.failed
    assert (
        'Undefined step: Then the JSON value at "$.count" shuold be at least 2\n'
        "  Did you mean:\n"
        '    Then the JSON value at "{path}" should be greater than/at least/less than/at '
        "most {bound}\n"
    ) in run.output
    assert "You can implement step definitions for undefined steps" in run.output


def test_the_closest_steps_come_with_their_keyword_and_placeholders() -> None:
    assert closest_steps("the respons status should be 200", REGISTRY) == [
        "Then the response status should be {status}"
    ]
    # A Then written after Given is still found: every keyword's steps are candidates.
    assert closest_steps('I sent a GET request to "/x"', REGISTRY) == [
        'When I send a {method} request to "{path}"'
    ]
    assert closest_steps("I bake a cake", REGISTRY) == []


def test_each_undefined_step_is_reported_once() -> None:
    step = SimpleNamespace(keyword="Then", name="the respons status should be 200")
    other = SimpleNamespace(keyword="And", name="I bake a cake")
    runner = SimpleNamespace(undefined_steps=[step, step, other], step_registry=REGISTRY)
    out = io.StringIO()

    suggest_undefined_steps(SimpleNamespace(_runner=runner), out)

    assert out.getvalue() == (
        "\nUndefined step: Then the respons status should be 200\n"
        "  Did you mean:\n"
        "    Then the response status should be {status}\n"
        "Undefined step: And I bake a cake\n"
        "  No step of the library is close to it.\n"
    )


def test_nothing_is_printed_without_undefined_steps() -> None:
    out = io.StringIO()
    suggest_undefined_steps(SimpleNamespace(_runner=SimpleNamespace(undefined_steps=[])), out)
    suggest_undefined_steps(SimpleNamespace(), out)

    assert out.getvalue() == ""

"""Behave runs of deliberately wrong variables: each failure names the value and the fix."""

from __future__ import annotations

from functools import cache

import pytest

from tests.behave_runs import BehaveRun, failing_feature, run_behave

EXPECTED = [
    "ASSERT FAILED: The variable ${remaining}: expected 8, got 7.",
    "ASSERT FAILED: ${used} in '10 - ${used}' is a string (\"3\"), not a number: arithmetic "
    "works on numbers only. Save the value from a JSON number, or set it as a number with: "
    'Given the variable "used" is 3',
    "ASSERT FAILED: \"__import__('os').getcwd()\" is not allowed in arithmetic: use numbers, "
    "${name} references, + - * / and parentheses",
    "ASSERT FAILED: Unknown variable ${tsak_id} (in the path). Did you mean ${task_id}? Known "
    "variables: task_id, api_client.",
]


@cache
def _run() -> BehaveRun:
    return run_behave(failing_feature("variable_checks.feature"))


def test_every_scenario_fails_without_a_traceback() -> None:
    run = _run()

    assert run.failed, run.output
    assert "0 scenarios passed, 4 failed, 0 skipped" in run.output, run.output
    assert "Traceback" not in run.output, run.output


@pytest.mark.parametrize("message", EXPECTED)
def test_the_failure_names_the_value_and_the_fix(message: str) -> None:
    assert message in _run().output

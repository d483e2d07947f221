"""An app that cannot start fails the first scenario in full and the others at once.

Acceptance: 200 scenarios against a broken app cost one import (or one startup timeout),
one full message naming the user's file and line, and 199 one-line failures.
"""

from __future__ import annotations

import re

import pytest
from conftest import BehaveProject

SCENARIOS = 200
FEATURES = 4
# Trivial steps of the project's own: the run measures the kit, not the step library.
STEPS = """\
from behave import when


@when("nothing happens")
def step_nothing_happens(context):
    pass
"""
HANGING_LIFESPAN = """\
import asyncio
import contextlib

from starlette.applications import Starlette


@contextlib.asynccontextmanager
async def lifespan(app):
    await asyncio.Event().wait()
    yield


def create_app():
    return Starlette(lifespan=lifespan)
"""


@pytest.fixture
def project(behave_project: BehaveProject) -> BehaveProject:
    """200 one-step scenarios in 4 features, and the project's own trivial step."""
    behave_project.steps(STEPS)
    per_feature = SCENARIOS // FEATURES
    for number in range(FEATURES):
        scenarios = "".join(
            f"\n  Scenario: Scenario {number * per_feature + index + 1}\n    When nothing happens\n"
            for index in range(per_feature)
        )
        behave_project.feature(f"f{number + 1}.feature", f"Feature: F{number + 1}\n{scenarios}")
    return behave_project


def _write_package(project: BehaveProject, main: str) -> None:
    package = project.root / "brokenapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "main.py").write_text(main)


def _assert_one_full_failure_then_fast_ones(output: str, full: str) -> None:
    assert output.count("HOOK-ERROR in before_scenario") == SCENARIOS, output[-2000:]
    assert output.count(full) == 1, output[-2000:]
    fast = re.findall(
        r"The app failed to start in scenario 'Scenario 1' \(features/f1\.feature:3\); "
        r"not retried: (.*)",
        output,
    )
    assert len(fast) == SCENARIOS - 1
    assert len(set(fast)) == 1
    assert f"0 scenarios passed, 0 failed, {SCENARIOS} hook_error" in output


def test_a_broken_app_fails_the_first_scenario_in_full_and_the_rest_at_once(
    project: BehaveProject,
) -> None:
    _write_package(project, 'import os\n\nraise RuntimeError("no database configured")\n')
    run = project.run("-D", "app=brokenapp.main:app")
    print(f"{SCENARIOS} scenarios against an app that fails on import: {run.seconds:.2f} s")

    assert run.returncode == 1
    full = (
        "Server did not start: importing the app 'brokenapp.main:app' raised "
        "RuntimeError('no database configured').\n"
        "  at brokenapp/main.py:3, in <module>:\n"
        '    raise RuntimeError("no database configured")\n'
        "Fix the error there."
    )
    _assert_one_full_failure_then_fast_ones(run.output, full)
    assert (
        "not retried: importing the app 'brokenapp.main:app' raised "
        "RuntimeError('no database configured') (brokenapp/main.py:3)\n"
    ) in run.output
    assert "Traceback" not in run.output
    # The acceptance bound is 2 s on a quiet machine; CI machines are shared, so allow 10.
    assert run.seconds < 10


def test_a_hanging_lifespan_costs_one_startup_timeout_not_one_per_scenario(
    project: BehaveProject,
) -> None:
    _write_package(project, HANGING_LIFESPAN)
    run = project.run("-D", "app=brokenapp.main:create_app", "-D", "startup_timeout=1")
    print(f"{SCENARIOS} scenarios against a lifespan that hangs: {run.seconds:.2f} s")

    assert run.returncode == 1
    full = (
        "Server did not start: the app's lifespan startup did not finish within 1.0 s.\n"
        "  waiting at brokenapp/main.py:9, in lifespan:\n"
        "    await asyncio.Event().wait()\n"
        "Look for a startup handler that waits forever, or raise startup_timeout."
    )
    _assert_one_full_failure_then_fast_ones(run.output, full)
    # One timeout of 1 s; 200 of them would take over 3 minutes.
    assert run.seconds < 10

"""Fail a scenario after its steps have run, visibly in the console, HTML report and JUnit XML.

behave (1.3) has no call for "this scenario failed after all". What it does have: an
exception raised by a cleanup - a fixture's code after its ``yield`` - marks the scenario
``cleanup_error``, lists it under "Errored scenarios" and makes the run exit non-zero. An
``after_scenario`` hook would come too late anyway: per-scenario servers stop in a fixture
cleanup, after every hook, and that is when late crashes are recorded.

By itself that failure shows poorly: the console gets behave's own traceback of its
cleanup machinery, and the reports get no message. So before raising, the message is put
where the reports read it - ``scenario.error_message``, which behave-html-pretty-formatter
shows as the scenario's "Error Message" (and marks it failed), and the JUnit reporter uses
as the ``message`` of the test case's ``<error>`` - and :func:`print_cleanup_failure`
(installed as ``context.on_cleanup_error``) prints it without behave's traceback.
"""

from __future__ import annotations

from typing import Any, NoReturn

from behave.model_type import Status

from behave_live.errors import CheckFailed

__all__ = ["fail_after_steps", "fail_finished_scenario", "print_cleanup_failure"]

_HEADLINE = "FAILED AFTER THE STEPS"


def fail_after_steps(scenario: Any, failure: CheckFailed) -> NoReturn:
    """Fail ``scenario`` (whose cleanup is running) with ``failure``: raise it, for behave."""
    _add_message(scenario, failure)
    raise failure


def fail_finished_scenario(scenario: Any, failure: CheckFailed) -> NoReturn:
    """Fail ``scenario``, already finished, from its feature's cleanup; then raise ``failure``.

    The feature's reports are written when the feature ends, after its cleanups: the
    scenario's new status and message reach the summary, the HTML report and the JUnit
    XML, and the raised failure fails the feature (and the run's exit status).
    """
    _add_message(scenario, failure)
    scenario.set_status(Status.failed)
    raise failure


def print_cleanup_failure(context: Any, cleanup_func: Any, exception: Exception) -> None:
    """``context.on_cleanup_error``: the kit's failures as their message, others as behave does."""
    if isinstance(exception, CheckFailed):
        print(f"{_HEADLINE}: {exception}")
        return
    context.print_cleanup_error(context, cleanup_func, exception)


def _add_message(scenario: Any, failure: CheckFailed) -> None:
    message = f"{_HEADLINE}: {failure}"
    # A step that failed before stays in the message: JUnit shows only this one.
    earlier = [getattr(scenario, "error_message", None)]
    earlier += [
        f"Failed step: {step.keyword} {step.name}\n{step.error_message}"
        for step in getattr(scenario, "all_steps", [])
        if step.status.has_failed() and step.error_message
    ]
    scenario.error_message = "\n\n".join([*filter(None, earlier), message])

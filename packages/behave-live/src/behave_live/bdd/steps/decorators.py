"""Step decorators for any project: behave's, made to report the kit's errors as step failures.

Use them instead of behave's own in domain steps, so that a KitError (a bad JSON doc-string,
an unknown variable, ...) fails the step with its message rather than a traceback::

    from behave_live.bdd.steps.decorators import given, then, when
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import behave

from behave_live.errors import KitError, StepInputError

__all__ = ["given", "step", "then", "when"]

_StepFunction = TypeVar("_StepFunction", bound=Callable[..., None])


def _reporting_kit_errors(function: _StepFunction) -> _StepFunction:
    """Turn a KitError into a failure that behave shows as its message, not a traceback."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            function(*args, **kwargs)
        except AssertionError:
            raise
        except KitError as exc:
            raise StepInputError(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _kit_decorator(
    register: Callable[[str], Any],
) -> Callable[[str], Callable[[_StepFunction], _StepFunction]]:
    def decorator(pattern: str) -> Callable[[_StepFunction], _StepFunction]:
        def decorate(function: _StepFunction) -> _StepFunction:
            register(pattern)(_reporting_kit_errors(function))
            return function

        return decorate

    return decorator


given = _kit_decorator(behave.given)
when = _kit_decorator(behave.when)
then = _kit_decorator(behave.then)
step = _kit_decorator(behave.step)

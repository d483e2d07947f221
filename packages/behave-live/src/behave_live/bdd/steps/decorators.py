"""Step decorators for any project: behave's, made to report the kit's errors as step failures.

Use them instead of behave's own in domain steps, so that a KitError (a bad JSON doc-string,
an unknown variable, ...) fails the step with its message rather than a traceback, and so
that no failure message shows a value the scenario knows to be secret::

    from behave_live.bdd.steps.decorators import given, then, when
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import behave

from behave_live.errors import KitError, StepInputError
from behave_live.secrets import SecretValues

__all__ = ["given", "step", "then", "when"]

_StepFunction = TypeVar("_StepFunction", bound=Callable[..., None])


def _reporting_kit_errors(function: _StepFunction) -> _StepFunction:
    """Turn a KitError into a failure that behave shows as its message, not a traceback.

    Every failure message is masked with the scenario's secrets first: it goes to the
    console, the HTML report and the JUnit XML.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            function(*args, **kwargs)
        except AssertionError as exc:
            _mask_message(exc, _secrets_of(args))
            raise
        except KitError as exc:
            raise StepInputError(_secrets_of(args).mask(str(exc))) from exc

    return wrapper  # type: ignore[return-value]


def _secrets_of(args: tuple[Any, ...]) -> SecretValues:
    # A step function's first argument is behave's context; the kit's hooks give it a
    # session (whose registry the scenario's variables share). Without one: nothing known.
    http = getattr(args[0], "http", None) if args else None
    secrets = getattr(http, "secrets", None)
    return secrets if isinstance(secrets, SecretValues) else SecretValues()


def _mask_message(error: BaseException, secrets: SecretValues) -> None:
    # The same exception object goes on (its type and attributes matter to callers); only
    # the text that behave prints is replaced.
    if secrets and error.args:
        error.args = tuple(secrets.mask(arg) if isinstance(arg, str) else arg for arg in error.args)


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

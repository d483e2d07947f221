"""Exceptions the kit raises, each with a message that names the cause and the fix."""

from __future__ import annotations

__all__ = ["KitError", "ServerStartupError", "StepInputError"]


class KitError(Exception):
    """Base class for every error the kit raises on purpose."""


class ServerStartupError(KitError):
    """The test server could not start; the message names the cause and how to fix it."""


class StepInputError(KitError, AssertionError):
    """What a feature file gave a step is unusable (malformed JSON, unknown variable, ...).

    It derives from AssertionError so that behave reports the step as failed with this
    message alone, rather than as an error with a traceback of the kit's own code.
    """

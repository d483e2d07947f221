"""Errors raised by the matching engine.

Two families, on purpose: a wrong *expectation* (a typo in a marker, a bad JSONPath, an
invalid schema) is a mistake in the test and raises :class:`ExpectationError`, while a
*document* that does not hold what the test expects is a test failure
(:class:`MismatchError`, an ``AssertionError``) or a lookup failure (:class:`PathNotFound`).
Behave reports the first kind as an error and the second as a failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from behave_live.errors import KitError

if TYPE_CHECKING:
    from behave_live.matching.mismatch import Mismatch

__all__ = ["AmbiguousPath", "ExpectationError", "MismatchError", "PathNotFound"]


class ExpectationError(KitError, ValueError):
    """The expected value, JSONPath or schema is itself wrong; the message names the fix."""


class PathNotFound(KitError, LookupError):
    """A JSONPath selected nothing; the message names the deepest part that does exist."""


class AmbiguousPath(KitError, LookupError):
    """A JSONPath meant to select one value selected several."""


class MismatchError(AssertionError):
    """A document did not match its expectation; ``mismatches`` lists every difference."""

    def __init__(self, message: str, mismatches: Sequence[Mismatch]) -> None:
        super().__init__(message)
        self.mismatches = list(mismatches)

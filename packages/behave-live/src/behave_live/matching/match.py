"""``match``: compare a JSON document with an expectation and list every mismatch.

Modes (Karate's, applied at every depth, see ``_compare``):

* ``equals`` - deep equality; key order ignored, array order matters; an extra key is
  reported as ``expected <absent>``, a missing one as ``got <missing>``.
* ``contains`` - expected keys are a subset, nested objects and arrays are contained too;
  every expected array element must match some actual element, in any order.
* ``contains_only`` - ``equals`` with array order ignored everywhere (same multiset).
* ``contains_any`` - at least one expected element (or key/value pair) is contained.
* ``not_contains`` - no expected element (or key/value pair) is contained.
* ``each`` / ``each_contains`` - ``actual`` is a non-empty array and every element equals /
  contains ``expected``; an empty array fails unless ``allow_empty=True``.

For the ``contains`` family, a non-array expectation against an actual array means one
element: ``match(["a", "b"], "a", "contains")`` passes. Scalars compare as JSON values:
``1 == 1.0``, ``True != 1``, and strings are never searched for substrings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal, get_args

from behave_live.errors import MismatchError, StepInputError
from behave_live.matching._compare import DeepMode, compare, found_in
from behave_live.matching._paths import child_path, with_root
from behave_live.matching._values import MISSING, is_array, is_object, kind
from behave_live.matching.describe import describe
from behave_live.matching.markers import check_expected, describe_expected
from behave_live.matching.mismatch import Mismatch, format_mismatches

__all__ = ["MATCH_MODES", "MatchMode", "assert_match", "match"]

MatchMode = Literal[
    "equals",
    "contains",
    "contains_only",
    "contains_any",
    "not_contains",
    "each",
    "each_contains",
]

#: Every mode, in documentation order; steps use it to validate the word a feature used.
MATCH_MODES: Final[tuple[MatchMode, ...]] = get_args(MatchMode)

# The recursive comparison each top-level mode uses for the values it looks into.
_DEEP_MODES: Final[Mapping[MatchMode, DeepMode]] = {
    "equals": "equals",
    "contains": "contains",
    "contains_only": "contains_only",
    "contains_any": "contains",
    "not_contains": "contains",
    "each": "equals",
    "each_contains": "contains",
}


def match(
    actual: Any,
    expected: Any,
    mode: MatchMode = "equals",
    *,
    allow_empty: bool = False,
    base_path: str = "$",
) -> list[Mismatch]:
    """Return every mismatch between ``actual`` and ``expected`` (empty when they match).

    ``expected`` may hold fuzzy markers (see :mod:`behave_live.matching.markers`).
    ``base_path`` is where ``actual`` sits in a larger document, so that mismatch paths
    point into that document (``$.items`` + ``[2].price``). ``actual`` may be
    :data:`MISSING` to test a value that is not there (``#notpresent``, ``##string``).
    Raises :class:`StepInputError` for an unknown mode, a bad marker or regex anywhere in
    ``expected``, or a ``contains_any`` with nothing to look for.
    """
    if mode not in MATCH_MODES:
        raise StepInputError(f"Unknown match mode {mode!r}. Use one of: {', '.join(MATCH_MODES)}.")
    root = with_root(base_path)
    check_expected(expected, root)
    if mode in ("each", "each_contains"):
        return _each(actual, expected, root, mode, allow_empty=allow_empty)
    if mode in ("contains", "contains_any", "not_contains") and _is_element(actual, expected):
        expected = [expected]
    if mode == "contains_any":
        return _contains_any(actual, expected, root)
    if mode == "not_contains":
        return _not_contains(actual, expected, root)
    return compare(actual, expected, root, _DEEP_MODES[mode])


def assert_match(
    actual: Any,
    expected: Any,
    mode: MatchMode = "equals",
    *,
    allow_empty: bool = False,
    base_path: str = "$",
    subject: str = "The JSON value",
) -> None:
    """Raise :class:`MismatchError` listing every mismatch unless ``actual`` matches.

    The message reads ``The JSON value does not match (contains):`` then the mismatches.
    """
    mismatches = match(actual, expected, mode, allow_empty=allow_empty, base_path=base_path)
    if mismatches:
        raise MismatchError(
            f"{subject} does not match ({mode}): {format_mismatches(mismatches)}", mismatches
        )


def _is_element(actual: Any, expected: Any) -> bool:
    # "tags should contain "red"" means an element; an array expectation means elements.
    return is_array(actual) and not is_array(expected)


def _each(
    actual: Any, expected: Any, root: str, mode: MatchMode, *, allow_empty: bool
) -> list[Mismatch]:
    if not is_array(actual):
        return [Mismatch(root, "an array", describe(actual))]
    if not actual and not allow_empty:
        # Karate passes `match each` on [] vacuously, hiding an empty response: we refuse.
        return [
            Mismatch(
                root,
                "a non-empty array",
                "[]",
                f"{mode} fails on an empty array unless empty arrays are allowed "
                "with allow_empty=True",
            )
        ]
    mismatches: list[Mismatch] = []
    for index, item in enumerate(actual):
        mismatches += compare(item, expected, child_path(root, index), _DEEP_MODES[mode])
    return mismatches


def _contains_any(actual: Any, expected: Any, root: str) -> list[Mismatch]:
    both_arrays = is_array(actual) and is_array(expected)
    both_objects = is_object(actual) and is_object(expected)
    if not (both_arrays or both_objects):
        return compare(actual, expected, root, "contains")
    if not expected:
        raise StepInputError(
            f"contains_any at {root} was given an empty {kind(expected)}, which nothing can "
            "match: list at least one value to look for."
        )
    if both_arrays and any(found_in(actual, wanted, root) for wanted in expected):
        return []
    if both_objects and any(_pair_in(actual, key, value, root) for key, value in expected.items()):
        return []
    return [Mismatch(root, f"any of {describe_expected(expected)}", describe(actual))]


def _not_contains(actual: Any, expected: Any, root: str) -> list[Mismatch]:
    if is_array(actual) and is_array(expected):
        return [
            Mismatch(
                child_path(root, index),
                f"no element matching {describe_expected(unwanted)}",
                describe(item),
            )
            for unwanted in expected
            for index, item in enumerate(actual)
            if not compare(item, unwanted, child_path(root, index), "contains")
        ]
    if is_object(actual) and is_object(expected):
        return [
            Mismatch(
                child_path(root, key), f"not {describe_expected(unwanted)}", describe(actual[key])
            )
            for key, unwanted in expected.items()
            if key in actual and _pair_in(actual, key, unwanted, root)
        ]
    if is_object(actual) and is_array(expected):
        # An object holds no array elements; passing vacuously would hide a wrong path.
        return compare(actual, expected, root, "contains")
    if compare(actual, expected, root, "equals"):
        return []
    return [Mismatch(root, f"not {describe_expected(expected)}", describe(actual))]


def _pair_in(actual: Mapping[Any, Any], key: Any, expected: Any, root: str) -> bool:
    return not compare(actual.get(key, MISSING), expected, child_path(root, key), "contains")

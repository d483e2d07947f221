"""The recursive comparison behind ``equals``, ``contains`` and ``contains_only``.

Each mode applies at every depth, which is what people mean when they write a nested
expectation (Karate's ``contains deep`` / ``contains only deep``):

* ``equals`` - same keys and values; object key order ignored, array order matters.
* ``contains`` - every expected key is present (extra keys allowed) and every expected array
  element matches some actual element, in any order.
* ``contains_only`` - like ``equals``, but arrays may come in any order (same multiset).

Every difference is collected, never just the first, and each carries its path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Literal

from behave_live.matching._bipartite import maximum_matching
from behave_live.matching._paths import child_path
from behave_live.matching._values import MISSING, is_array, is_object, kind, noun
from behave_live.matching.describe import describe
from behave_live.matching.markers import Marker, describe_expected, parse
from behave_live.matching.mismatch import Mismatch

__all__ = ["ABSENT", "DeepMode", "compare", "found_in"]

DeepMode = Literal["equals", "contains", "contains_only"]

#: What a mismatch "expected" where the actual document has something extra.
ABSENT: Final = "<absent>"


def compare(actual: Any, expected: Any, path: str, mode: DeepMode) -> list[Mismatch]:
    """Return every mismatch between ``actual`` (maybe MISSING) and ``expected`` at ``path``."""
    if isinstance(expected, str):
        return _compare_string(actual, expected, path)
    if actual is MISSING:
        return [Mismatch(path, describe_expected(expected), describe(actual))]
    if is_object(expected) and is_object(actual):
        return _compare_objects(actual, expected, path, mode)
    if is_array(expected) and is_array(actual):
        return _ARRAY_COMPARISONS[mode](actual, expected, path)
    # Same kind first: JSON has no 1 == true, although Python does.
    if kind(actual) == kind(expected) and actual == expected:
        return []
    return [_kind_mismatch(actual, expected, path)]


def found_in(actual: Sequence[Any], expected: Any, path: str) -> bool:
    """Return True if some element of the ``actual`` array contains ``expected``."""
    return any(
        not compare(item, expected, child_path(path, index), "contains")
        for index, item in enumerate(actual)
    )


def _count_mismatch(actual: Sequence[Any], expected: Sequence[Any], path: str) -> Mismatch:
    """Return the mismatch saying two arrays differ in length."""
    return Mismatch(
        path,
        describe(expected),
        describe(actual),
        f"expected {_items(len(expected))}, got {len(actual)}",
    )


def _not_found(
    actual: Sequence[Any],
    expected: Any,
    path: str,
    candidates: Mapping[int, list[Mismatch]],
) -> Mismatch:
    """Return the mismatch for an expected element that no actual element matches.

    ``candidates`` maps actual indexes to their mismatches against ``expected``; the closest
    one is named in the reason, because "not found" alone leaves people diffing by eye.
    """
    return Mismatch(
        path,
        f"an array containing {describe_expected(expected)}",
        describe(actual),
        _closest(actual, expected, path, candidates),
    )


def _compare_string(actual: Any, expected: str, path: str) -> list[Mismatch]:
    parsed = parse(expected, path)
    if isinstance(parsed, Marker):
        return _compare_marker(actual, parsed, path)
    if isinstance(actual, str) and actual == parsed:
        return []
    return [_kind_mismatch(actual, expected, path)]


def _compare_marker(actual: Any, marker: Marker, path: str) -> list[Mismatch]:
    if marker.accepts(actual):
        return []
    if marker.name != "array" or not is_array(actual):
        return [Mismatch(path, marker.text, describe(actual), marker.reason(actual))]
    # An array of the wrong size or with wrong elements: say which, element by element.
    mismatches = []
    if not marker.sized(actual):
        reason = f"expected {_items(marker.length or 0)}, got {len(actual)}"
        mismatches.append(Mismatch(path, marker.text, describe(actual), reason))
    if marker.element is not None:
        for index, item in enumerate(actual):
            mismatches += _compare_marker(item, marker.element, child_path(path, index))
    return mismatches


def _compare_objects(
    actual: Mapping[Any, Any], expected: Mapping[Any, Any], path: str, mode: DeepMode
) -> list[Mismatch]:
    mismatches: list[Mismatch] = []
    for key, value in expected.items():
        mismatches += compare(actual.get(key, MISSING), value, child_path(path, key), mode)
    if mode != "contains":
        mismatches += [
            Mismatch(child_path(path, key), ABSENT, describe(value))
            for key, value in actual.items()
            if key not in expected
        ]
    return mismatches


def _compare_in_order(actual: Sequence[Any], expected: Sequence[Any], path: str) -> list[Mismatch]:
    mismatches = [_count_mismatch(actual, expected, path)] if len(actual) != len(expected) else []
    for index in range(max(len(actual), len(expected))):
        item_path = child_path(path, index)
        if index >= len(expected):
            mismatches.append(Mismatch(item_path, ABSENT, describe(actual[index])))
        else:
            item = actual[index] if index < len(actual) else MISSING
            mismatches += compare(item, expected[index], item_path, "equals")
    return mismatches


def _compare_contains(actual: Sequence[Any], expected: Sequence[Any], path: str) -> list[Mismatch]:
    mismatches: list[Mismatch] = []
    for wanted in expected:
        candidates: dict[int, list[Mismatch]] = {}
        for index, item in enumerate(actual):
            candidates[index] = compare(item, wanted, child_path(path, index), "contains")
            if not candidates[index]:
                break
        else:
            mismatches.append(_not_found(actual, wanted, path, candidates))
    return mismatches


def _compare_any_order(actual: Sequence[Any], expected: Sequence[Any], path: str) -> list[Mismatch]:
    results = [
        [
            compare(item, wanted, child_path(path, index), "contains_only")
            for index, item in enumerate(actual)
        ]
        for wanted in expected
    ]
    pairs = maximum_matching(
        [[index for index, found in enumerate(row) if not found] for row in results]
    )
    paired = set(pairs.values())
    leftovers = [index for index in range(len(actual)) if index not in paired]
    mismatches = [_count_mismatch(actual, expected, path)] if len(actual) != len(expected) else []
    for position, wanted in enumerate(expected):
        if position not in pairs:
            candidates = {index: results[position][index] for index in leftovers}
            mismatches.append(_not_found(actual, wanted, path, candidates))
    mismatches += [
        Mismatch(
            child_path(path, index), ABSENT, describe(actual[index]), "matches no expected element"
        )
        for index in leftovers
    ]
    return mismatches


_ARRAY_COMPARISONS: Final[
    Mapping[DeepMode, Callable[[Sequence[Any], Sequence[Any], str], list[Mismatch]]]
] = {
    "equals": _compare_in_order,
    "contains": _compare_contains,
    "contains_only": _compare_any_order,
}


def _kind_mismatch(actual: Any, expected: Any, path: str) -> Mismatch:
    # Name the kinds only when they differ: `expected 3, got "3"` is easy to misread.
    # `expected` is as written (markers escaped), so describe_expected renders it right.
    differ = actual is not MISSING and kind(actual) != kind(expected)
    reason = f"{noun(actual)}, not {noun(expected)}" if differ else ""
    return Mismatch(path, describe_expected(expected), describe(actual), reason)


def _closest(
    actual: Sequence[Any], expected: Any, path: str, candidates: Mapping[int, list[Mismatch]]
) -> str:
    # Only containers have a meaningful "closest": for scalars every candidate is 1 mismatch.
    if not (is_object(expected) or is_array(expected)):
        return ""
    same_kind = [index for index in candidates if kind(actual[index]) == kind(expected)]
    if not same_kind:
        return ""
    best = min(same_kind, key=lambda index: len(candidates[index]))
    differences = candidates[best]
    more = f" (+{len(differences) - 1} more)" if len(differences) > 1 else ""
    return f"closest is {child_path(path, best)}: {differences[0]}{more}"


def _items(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"

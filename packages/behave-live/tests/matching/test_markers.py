"""Every fuzzy marker, accepting and rejecting, in object, array and absent positions."""

from __future__ import annotations

import re
from typing import Any

import pytest

from behave_live.matching import MARKER_NAMES, MISSING, match
from behave_live.matching.markers import Marker, parse

UUID = "123e4567-e89b-12d3-a456-426614174000"

CASES: list[tuple[str, list[Any], list[Any]]] = [
    ("#string", ["x", "", "#not-a-marker"], [1, None, [], {}, True, MISSING]),
    ("#number", [0, 1, -2.5, 10**30, 1e-9], [True, False, "1", None, [], MISSING]),
    ("#boolean", [True, False], [0, 1, "true", None, MISSING]),
    ("#array", [[], [1, "a"], ()], [{}, "[]", None, MISSING]),
    ("#object", [{}, {"a": 1}], [[], "{}", None, MISSING]),
    ("#null", [None], [MISSING, 0, "", "null", False]),
    ("#notnull", [0, "", False, [], {}], [None, MISSING]),
    ("#present", [None, 0, "", {}], [MISSING]),
    ("#notpresent", [MISSING], [None, 0, "", False]),
    ("#ignore", [MISSING, None, 0, "x", [1], {"a": 1}], []),
    ("#uuid", [UUID, UUID.upper()], [UUID.replace("-", ""), UUID[:-1], UUID + "0", "x", 5, None]),
    (
        "#date",
        ["2024-02-29", "1999-12-31", "0001-01-01"],
        [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "0000-01-01",
            "2024-1-01",
            "20240101",
            "2024-02-29T00:00:00Z",
            "\u0662\u0660\u0662\u0664-01-01",
            20240101,
            None,
        ],
    ),
    (
        "#datetime",
        [
            "2024-02-29T13:05:00Z",
            "2024-02-29T13:05:00.123456+05:30",
            "2024-02-29 13:05:00",
            "2024-02-29t13:05:00z",
            "2016-12-31T23:59:60Z",
            "2024-01-01T00:00:00",
            "2024-01-01T00:00:00-0800",
        ],
        [
            "2024-02-30T00:00:00Z",
            "2024-02-29",
            "2024-02-29T24:00:00Z",
            "2024-02-29T13:60:00Z",
            "2024-02-29T13:05Z",
            "2024-02-29T13:05:00+25:00",
            "2024-02-29T13:05:00 Z",
            "now",
            0,
            None,
        ],
    ),
    ("#regex [A-Z]{3}", ["ABC"], ["ABCD", "xABC", "abc", "", 123, None, MISSING]),
    ("#regex a|b", ["a", "b"], ["ab"]),  # full match, even with alternation
    ("##string", ["x", None, MISSING], [1, True, []]),
    ("##number", [1, None, MISSING], [True, "1"]),
    ("##uuid", [UUID, None, MISSING], ["x"]),
    ("##regex \\d+", ["12", None, MISSING], ["x"]),
    ("##object", [{}, None, MISSING], [[]]),
]


def accepts(marker: str, value: Any) -> bool:
    """Match the marker as an object value, so MISSING means an absent key."""
    actual = {} if value is MISSING else {"k": value}
    return match(actual, {"k": marker}) == []


def _test_id(value: Any) -> str:
    # The repr, with anything that would stop a node id from being passed back to pytest
    # on its command line (brackets, backslashes, spaces, non-ASCII) replaced.
    return re.sub(r"[^A-Za-z0-9_#.'+-]+", "_", repr(value))


@pytest.mark.parametrize(
    ("marker", "value"),
    [(marker, value) for marker, good, _ in CASES for value in good],
    ids=_test_id,
)
def test_marker_accepts(marker: str, value: Any) -> None:
    assert accepts(marker, value)


@pytest.mark.parametrize(
    ("marker", "value"),
    [(marker, value) for marker, _, bad in CASES for value in bad],
    ids=_test_id,
)
def test_marker_rejects(marker: str, value: Any) -> None:
    assert not accepts(marker, value)
    if value is not MISSING:
        [mismatch] = match([value], [marker])
        assert mismatch.path == "$[0]"
        assert mismatch.expected == marker


def test_every_marker_name_is_covered() -> None:
    covered = {marker.lstrip("#").split(" ")[0] for marker, _, _ in CASES}
    assert covered == set(MARKER_NAMES)


def test_marker_at_the_root() -> None:
    assert match(5, "#number") == []
    assert match(5, "#present") == []
    assert len(match(5, "#notpresent")) == 1


def test_markers_in_arrays_are_present_elements() -> None:
    assert len(match([1], ["#notpresent"])) == 1
    assert match([None], ["##number"]) == []


def test_an_array_marker_accepts_an_array_whose_elements_all_match_its_element_marker() -> None:
    marker = parse("#[] #string")

    assert isinstance(marker, Marker)
    assert marker.accepts(["a", "b"])
    assert not marker.accepts(["a", 1])


@pytest.mark.parametrize(
    ("text", "name"),
    [("#string", "string"), ("#[2]", "array"), ("#? > 0", "condition"), ("#regex a+", "regex")],
)
def test_a_parsed_marker_is_named_for_its_kind(text: str, name: str) -> None:
    marker = parse(text)

    assert isinstance(marker, Marker)
    assert marker.name == name

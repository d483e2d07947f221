"""The array markers (#[], #[3], #[] #string) and the condition marker (#? > 0)."""

from __future__ import annotations

from typing import Any

import pytest

from behave_live.matching import MISSING, Mismatch, match
from behave_live.matching.conditions import (
    Condition,
    ConditionSyntaxError,
    parse_condition,
    parse_number,
)

CASES: list[tuple[str, list[Any], list[Any]]] = [
    ("#[]", [[], [1, "a"]], [{}, "[]", None, MISSING]),
    ("#[2]", [[1, 2], ["a", None]], [[], [1], [1, 2, 3], "ab", None, MISSING]),
    ("#[0]", [[]], [[0]]),
    ("#[] #string", [[], ["a", ""]], [["a", 1], [None], "a", MISSING]),
    ("#[2] #number", [[1, 2.5]], [[1], [1, "2"], [1, True]]),
    ("#[] #? > 0", [[1, 0.5]], [[1, 0], [1, "2"]]),
    ("#[] #[2]", [[[1, 2], ["a", "b"]]], [[[1]]]),
    ("##[2]", [[1, 2], None, MISSING], [[1], "x"]),
    ("#? > 0", [1, 0.1, 10**30], [0, -1, "1", True, None, MISSING, [1]]),
    ("#? >= 1", [1, 1.0, 2], [0.99, False]),
    ("#? < 10", [9.9, -5], [10, 11]),
    ("#? <= 5", [5, 4], [5.01]),
    ("#? == 3", [3, 3.0], [4, "3"]),
    ("#? != 0", [1, -1], [0, 0.0, "1"]),
    ("#?>0", [1], [0]),
    ("#? between 1 and 5", [1, 3, 5, 2.5], [0, 5.5, "3", None]),
    ("#? between -1.5 and 1e3", [-1.5, 1000], [-2, 1000.5]),
    ("##? > 0", [1, None, MISSING], [0, "x"]),
]


@pytest.mark.parametrize(("marker", "accepted", "rejected"), CASES, ids=[case[0] for case in CASES])
def test_the_marker_accepts_and_rejects(
    marker: str, accepted: list[Any], rejected: list[Any]
) -> None:
    for value in accepted:
        assert match({"v": value} if value is not MISSING else {}, {"v": marker}) == [], value
    for value in rejected:
        assert match({"v": value} if value is not MISSING else {}, {"v": marker}) != [], value


def test_every_element_that_fails_is_listed_at_its_path() -> None:
    mismatches = match({"tags": ["a", 1, "b", None]}, {"tags": "#[] #string"})

    assert mismatches == [
        Mismatch("$.tags[1]", "#string", "1"),
        Mismatch("$.tags[3]", "#string", "null"),
    ]


def test_a_wrong_size_and_wrong_elements_are_both_listed() -> None:
    mismatches = match([1, "x", 3], "#[2] #number")

    assert [str(item) for item in mismatches] == [
        '$: expected #[2] #number, got [1,"x",3] (expected 2 items, got 3)',
        '$[1]: expected #number, got "x"',
    ]


def test_a_condition_on_text_says_it_is_not_a_number() -> None:
    assert [str(item) for item in match({"price": "12"}, {"price": "#? > 10"})] == [
        '$.price: expected #? > 10, got "12" (a string, not a number)'
    ]


def test_an_array_marker_on_an_object_says_it_is_not_an_array() -> None:
    assert [str(item) for item in match({"a": 1}, "#[1]")] == [
        '$: expected #[1], got {"a":1} (an object, not an array)'
    ]


def test_conditions_read_as_words() -> None:
    assert parse_condition(">= 1").phrase == "at least 1"
    assert parse_condition("between 1 and 2.5").phrase == "between 1 and 2.5"
    assert parse_condition("!= 0").phrase == "other than 0"
    assert Condition("<", (10,)).phrase == "less than 10"


@pytest.mark.parametrize("text", ["", "> ", "=> 1", "> 1 and < 2", "> 0x10", "> 1_000", "> nan"])
def test_anything_outside_the_grammar_is_refused(text: str) -> None:
    with pytest.raises(ConditionSyntaxError, match="is not a condition"):
        parse_condition(text)


def test_numbers_are_json_numbers() -> None:
    assert parse_number(" 3 ") == 3
    assert isinstance(parse_number("3"), int)
    assert parse_number("-2.5e2") == -250.0
    with pytest.raises(ConditionSyntaxError, match="'three' is not a number"):
        parse_number("three")
    with pytest.raises(ConditionSyntaxError, match="is not a number"):
        parse_number("1 + 1")

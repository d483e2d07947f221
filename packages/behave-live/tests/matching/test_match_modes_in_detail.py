"""The match modes at their edges: which branch judges which pair of kinds, and what it says."""

from __future__ import annotations

import pytest

from behave_live.errors import MismatchError, StepInputError
from behave_live.matching import MISSING, Mismatch, assert_match, match
from behave_live.matching.markers import parse


def test_an_unknown_mode_lists_every_mode() -> None:
    with pytest.raises(StepInputError) as error:
        match("x", "y", "bogus")  # type: ignore[arg-type]
    assert str(error.value) == (
        "Unknown match mode 'bogus'. Use one of: equals, contains, contains_only, "
        "contains_any, not_contains, each, each_contains."
    )


def test_assert_match_uses_the_mode_it_was_given() -> None:
    assert_match([1, 2], [2, 1], "contains_only")
    assert_match({"a": 1, "b": 2}, {"a": 1}, "contains")
    with pytest.raises(MismatchError, match=r"^The JSON value does not match \(equals\): "):
        assert_match([1, 2], [2, 1])


def test_assert_match_passes_allow_empty_and_refuses_an_empty_each_by_default() -> None:
    assert_match([], "#number", "each", allow_empty=True)
    with pytest.raises(MismatchError) as error:
        assert_match([], "#number", "each")
    assert str(error.value).startswith("The JSON value does not match (each): 1 mismatch:\n  $: ")


def test_assert_match_names_the_subject_and_the_base_path() -> None:
    with pytest.raises(MismatchError) as error:
        assert_match({"a": 1}, 1, base_path="$.x")
    assert str(error.value) == (
        "The JSON value does not match (equals): 1 mismatch:\n"
        '  $.x: expected 1, got {"a":1} (an object, not a number)'
    )
    with pytest.raises(MismatchError, match=r"^The body does not match \(contains\)"):
        assert_match([1], [2], "contains", subject="The body")


def test_contains_any_between_an_object_and_an_array_compares_them_as_they_are() -> None:
    assert match({"a": 1}, [1], "contains_any", base_path="$.o") == [
        Mismatch("$.o", "[1]", '{"a":1}', "an object, not an array")
    ]


def test_contains_any_of_an_object_against_a_scalar_or_string_is_a_kind_mismatch() -> None:
    assert match(1, {"a": 1}, "contains_any") == [
        Mismatch("$", '{"a":1}', "1", "a number, not an object")
    ]
    assert match({"a": 1}, "x", "contains_any") == [
        Mismatch("$", '"x"', '{"a":1}', "an object, not a string")
    ]


def test_contains_any_needs_something_to_look_for() -> None:
    with pytest.raises(StepInputError) as error:
        match({"a": 1}, {}, "contains_any", base_path="$.o")
    assert str(error.value) == (
        "contains_any at $.o was given an empty object, which nothing can match: "
        "list at least one value to look for."
    )


def test_contains_any_treats_an_absent_key_as_absent_not_null() -> None:
    assert match({"a": 1}, {"z": "#null"}, "contains_any") == [
        Mismatch("$", 'any of {"z":"#null"}', '{"a":1}')
    ]
    assert match({"a": 1}, {"z": "#notpresent"}, "contains_any") == []


def test_not_contains_of_equal_scalars_fails_and_of_different_ones_passes() -> None:
    assert match(1, 1, "not_contains", base_path="$.n") == [Mismatch("$.n", "not 1", "1")]
    assert match("abc", "abc", "not_contains") == [Mismatch("$", 'not "abc"', '"abc"')]
    assert match(1, 2, "not_contains") == []
    assert match("abc", "b", "not_contains") == []  # strings are never searched


def test_not_contains_of_a_scalar_and_an_array_passes() -> None:
    assert match("abc", ["x"], "not_contains") == []
    assert match(1, [1], "not_contains") == []


def test_not_contains_an_array_in_an_object_is_a_kind_mismatch_not_a_vacuous_pass() -> None:
    assert match({"a": 1}, ["x"], "not_contains", base_path="$.o") == [
        Mismatch("$.o", '["x"]', '{"a":1}', "an object, not an array")
    ]


def test_an_array_marker_of_length_zero_names_the_count() -> None:
    assert match([1], "#[0]") == [Mismatch("$", "#[0]", "[1]", "expected 0 items, got 1")]


def test_contains_only_names_the_closest_element_with_its_path() -> None:
    assert match([{"a": 1, "b": 2}], [{"a": 1, "b": 3}], "contains_only", base_path="$.l") == [
        Mismatch(
            "$.l",
            'an array containing {"a":1,"b":3}',
            '[{"a":1,"b":2}]',
            "closest is $.l[0]: $.l[0].b: expected 3, got 2",
        ),
        Mismatch("$.l[0]", "<absent>", '{"a":1,"b":2}', "matches no expected element"),
    ]


def test_the_closest_element_of_a_nested_array_is_named() -> None:
    [mismatch] = match([[1, 2]], [[1, 3]], "contains")
    assert mismatch.reason == "closest is $[0]: $[0]: expected an array containing 3, got [1,2]"


def test_no_closest_element_is_named_when_none_is_of_the_same_kind() -> None:
    [mismatch] = match([1, "a"], [{"x": 1}], "contains")
    assert mismatch.reason == ""


@pytest.mark.parametrize(
    ("expected", "more"),
    [({"a": 9}, ""), ({"a": 9, "b": 9}, " (+1 more)"), ({"a": 9, "b": 9, "c": 9}, " (+2 more)")],
)
def test_the_closest_element_counts_its_other_differences(expected: object, more: str) -> None:
    [mismatch] = match([{"a": 1, "b": 2, "c": 3}], [expected], "contains")
    assert mismatch.reason == f"closest is $[0]: $[0].a: expected 9, got 1{more}"


def test_array_markers_judge_length_and_elements_on_their_own() -> None:
    assert parse("#[2]").accepts([1, 2])  # type: ignore[union-attr]
    assert not parse("#[2]").accepts([1])  # type: ignore[union-attr]
    assert not parse("#[] #string").accepts([1])  # type: ignore[union-attr]
    assert parse("#[] #null").accepts([None])  # type: ignore[union-attr]
    assert parse("##[] #string").accepts(None)  # type: ignore[union-attr]
    assert not parse("#[] #string").accepts(None)  # type: ignore[union-attr]


def test_a_rejected_value_is_explained_by_its_kind_only_when_that_helps() -> None:
    condition = parse("#? > 1")
    array = parse("#[]")
    assert condition.reason("x") == "a string, not a number"  # type: ignore[union-attr]
    assert condition.reason(None) == ""  # type: ignore[union-attr]
    assert condition.reason(MISSING) == ""  # type: ignore[union-attr]
    assert condition.reason(0) == ""  # type: ignore[union-attr]
    assert array.reason({}) == "an object, not an array"  # type: ignore[union-attr]
    assert array.reason([]) == ""  # type: ignore[union-attr]
    assert array.reason(None) == ""  # type: ignore[union-attr]


def test_optional_array_and_condition_markers_accept_null_and_absent() -> None:
    assert match({"a": None}, {"a": "##[] #string", "b": "##? > 1"}) == []
    assert match({"a": [1]}, {"a": "##[] #string"}) == [Mismatch("$.a[0]", "#string", "1", "")]
    assert match({"b": 0}, {"b": "##? > 1"}) == [Mismatch("$.b", "##? > 1", "0", "")]

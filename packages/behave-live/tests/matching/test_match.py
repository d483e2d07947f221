"""Unit tests for behave_live.matching.match: modes, messages, numbers, escapes."""

from __future__ import annotations

from typing import Any

import pytest

from behave_live.errors import KitError
from behave_live.matching import (
    MATCH_MODES,
    MISSING,
    Mismatch,
    MismatchError,
    StepInputError,
    assert_match,
    describe,
    format_mismatches,
    literal,
    match,
)


def paths(mismatches: list[Mismatch]) -> list[str]:
    return [m.path for m in mismatches]


def lines(mismatches: list[Mismatch]) -> list[str]:
    return [str(m) for m in mismatches]


# --- equals -----------------------------------------------------------------------------


def test_equals_identical_documents_match() -> None:
    doc = {"id": 1, "tags": ["a", "b"], "owner": {"name": "Ann", "admin": False}, "x": None}
    assert (
        match(
            doc, {"x": None, "owner": {"admin": False, "name": "Ann"}, "tags": ["a", "b"], "id": 1}
        )
        == []
    )


def test_equals_ignores_key_order_but_not_array_order() -> None:
    assert match({"a": 1, "b": 2}, {"b": 2, "a": 1}) == []
    assert lines(match([1, 2], [2, 1])) == ["$[0]: expected 2, got 1", "$[1]: expected 1, got 2"]


def test_equals_reports_the_exact_message_for_a_wrong_type() -> None:
    actual = {"items": [{"price": 1}, {"price": 2}, {"price": "12"}]}
    expected = {"items": [{"price": "#number"}, {"price": "#number"}, {"price": "#number"}]}
    assert lines(match(actual, expected)) == ['$.items[2].price: expected #number, got "12"']


def test_equals_reports_every_wrong_field_with_its_path() -> None:
    actual = {"id": 2, "name": "Bob", "address": {"city": "Paris", "zip": "75001"}}
    expected = {"id": 1, "name": "Ann", "address": {"city": "Lyon", "zip": "75001"}}
    assert lines(match(actual, expected)) == [
        "$.id: expected 1, got 2",
        '$.name: expected "Ann", got "Bob"',
        '$.address.city: expected "Lyon", got "Paris"',
    ]


def test_equals_reports_missing_and_extra_keys() -> None:
    mismatches = match({"a": 1, "extra": [1]}, {"a": 1, "b": "x"})
    assert lines(mismatches) == [
        '$.b: expected "x", got <missing>',
        "$.extra: expected <absent>, got [1]",
    ]


def test_equals_reports_array_length_and_each_missing_or_extra_item() -> None:
    assert lines(match({"items": [1, 2]}, {"items": [1, 2, 3]})) == [
        "$.items: expected [1,2,3], got [1,2] (expected 3 items, got 2)",
        "$.items[2]: expected 3, got <missing>",
    ]
    assert lines(match([1, 2, 3], [1, 5])) == [
        "$: expected [1,5], got [1,2,3] (expected 2 items, got 3)",
        "$[1]: expected 5, got 2",
        "$[2]: expected <absent>, got 3",
    ]
    assert lines(match([], [7])) == [
        "$: expected [7], got [] (expected 1 item, got 0)",
        "$[0]: expected 7, got <missing>",
    ]


def test_equals_names_the_kinds_when_they_differ() -> None:
    assert lines(match({"n": "3"}, {"n": 3})) == [
        '$.n: expected 3, got "3" (a string, not a number)'
    ]
    assert lines(match({"o": [1]}, {"o": {"a": 1}})) == [
        '$.o: expected {"a":1}, got [1] (an array, not an object)'
    ]
    assert lines(match(None, {"a": 1})) == ['$: expected {"a":1}, got null (null, not an object)']


def test_equals_missing_nested_object_is_one_mismatch() -> None:
    assert lines(match({}, {"user": {"id": 1, "name": "x"}})) == [
        '$.user: expected {"id":1,"name":"x"}, got <missing>'
    ]


def test_quoted_paths_for_keys_that_are_not_plain_names() -> None:
    assert paths(match({"odd key": 1, "it's": 1, "é": 1}, {"odd key": 2, "it's": 2, "é": 2})) == [
        "$['odd key']",
        "$['it\\'s']",
        "$['é']",
    ]


# --- numbers, booleans, null --------------------------------------------------------------


@pytest.mark.parametrize(("actual", "expected"), [(1, 1.0), (1.0, 1), (0, -0.0), (10**20, 1e20)])
def test_numbers_compare_by_value(actual: Any, expected: Any) -> None:
    assert match(actual, expected) == []


@pytest.mark.parametrize(
    ("actual", "expected"), [(True, 1), (1, True), (False, 0), (0, False), (0, None), ("", None)]
)
def test_booleans_and_null_are_never_numbers_or_strings(actual: Any, expected: Any) -> None:
    assert len(match(actual, expected)) == 1
    assert len(match([actual], [expected], "contains")) == 1


# --- contains -----------------------------------------------------------------------------


def test_contains_objects_allow_extra_keys_recursively() -> None:
    actual = {"id": 1, "owner": {"name": "Ann", "email": "a@x"}, "tags": ["a", "b", "c"]}
    assert match(actual, {"owner": {"name": "Ann"}}, "contains") == []
    assert match(actual, {"tags": ["c", "a"]}, "contains") == []
    assert lines(match(actual, {"owner": {"name": "Bob"}, "missing": 1}, "contains")) == [
        '$.owner.name: expected "Bob", got "Ann"',
        "$.missing: expected 1, got <missing>",
    ]


def test_contains_arrays_ignore_order_and_report_each_missing_element() -> None:
    assert match([1, 2, 3], [3, 1], "contains") == []
    assert lines(match({"tags": ["a", "b"]}, {"tags": ["c", "a", "d"]}, "contains")) == [
        '$.tags: expected an array containing "c", got ["a","b"]',
        '$.tags: expected an array containing "d", got ["a","b"]',
    ]


def test_contains_array_of_objects_names_the_closest_element() -> None:
    actual = {"items": [{"id": 1, "price": 3}, {"id": 2, "price": 4}]}
    assert match(actual, {"items": [{"id": 2}]}, "contains") == []
    assert lines(match(actual, {"items": [{"id": 2, "price": 5}]}, "contains")) == [
        '$.items: expected an array containing {"id":2,"price":5}, got '
        '[{"id":1,"price":3},{"id":2,"price":4}] '
        "(closest is $.items[1]: $.items[1].price: expected 5, got 4)"
    ]


def test_contains_single_value_against_an_array_means_one_element() -> None:
    assert match(["red", "blue"], "red", "contains") == []
    assert match([{"id": 1, "x": 2}], {"id": 1}, "contains") == []
    assert match(["a", "123e4567-e89b-12d3-a456-426614174000"], "#uuid", "contains") == []
    assert lines(match(["blue"], "red", "contains")) == [
        '$: expected an array containing "red", got ["blue"]'
    ]


def test_contains_on_scalars_is_equality_not_substring() -> None:
    assert match("hello", "hello", "contains") == []
    assert len(match("hello world", "world", "contains")) == 1


def test_contains_empty_expectation_always_matches() -> None:
    assert match([1], [], "contains") == []
    assert match({"a": 1}, {}, "contains") == []


# --- contains_only ------------------------------------------------------------------------


def test_contains_only_same_elements_in_any_order() -> None:
    assert match([1, 2, 3], [3, 1, 2], "contains_only") == []
    assert match([[1, 2], {"a": [3, 4]}], [{"a": [4, 3]}, [2, 1]], "contains_only") == []


def test_contains_only_is_a_multiset_comparison() -> None:
    assert lines(match([1, 1, 2], [1, 2, 2], "contains_only")) == [
        "$: expected an array containing 2, got [1,1,2]",
        "$[1]: expected <absent>, got 1 (matches no expected element)",
    ]


def test_contains_only_reports_length_missing_and_extra() -> None:
    assert lines(match([1, 2, 3], [3, 1], "contains_only")) == [
        "$: expected [3,1], got [1,2,3] (expected 2 items, got 3)",
        "$[1]: expected <absent>, got 2 (matches no expected element)",
    ]
    assert lines(match([3, 1], [1, 2, 3], "contains_only")) == [
        "$: expected [1,2,3], got [3,1] (expected 3 items, got 2)",
        "$: expected an array containing 2, got [3,1]",
    ]


def test_contains_only_finds_a_pairing_greedy_matching_would_miss() -> None:
    # "#string" could take "a" first and leave the literal "a" unmatched.
    assert match(["a", "b"], ["#string", "a"], "contains_only") == []
    assert match([{"id": 1}, {"id": 2}], [{"id": "#number"}, {"id": 1}], "contains_only") == []


def test_contains_only_objects_need_the_same_keys() -> None:
    assert match({"a": 1, "b": [2, 1]}, {"b": [1, 2], "a": 1}, "contains_only") == []
    assert lines(match({"a": 1, "c": 3}, {"a": 1, "b": 2}, "contains_only")) == [
        "$.b: expected 2, got <missing>",
        "$.c: expected <absent>, got 3",
    ]


# --- contains_any -------------------------------------------------------------------------


def test_contains_any_arrays() -> None:
    assert match(["a", "b"], ["x", "b"], "contains_any") == []
    assert match(["a", "b"], "b", "contains_any") == []
    assert lines(match({"tags": ["a"]}["tags"], ["x", "y"], "contains_any")) == [
        '$: expected any of ["x","y"], got ["a"]'
    ]


def test_contains_any_objects() -> None:
    assert match({"a": 1, "b": 2}, {"a": 9, "b": 2}, "contains_any") == []
    assert lines(match({"a": 1}, {"a": 2, "b": 1}, "contains_any")) == [
        '$: expected any of {"a":2,"b":1}, got {"a":1}'
    ]


def test_contains_any_with_nothing_to_look_for_is_an_expectation_error() -> None:
    with pytest.raises(StepInputError, match="contains_any at \\$ was given an empty array"):
        match([1], [], "contains_any")


# --- not_contains -------------------------------------------------------------------------


def test_not_contains_arrays_reports_each_occurrence() -> None:
    assert match(["a", "b"], ["x", "y"], "not_contains") == []
    assert lines(match(["red", "blue", "red"], "red", "not_contains")) == [
        '$[0]: expected no element matching "red", got "red"',
        '$[2]: expected no element matching "red", got "red"',
    ]


def test_not_contains_objects_checks_key_value_pairs() -> None:
    actual = {"role": "user", "name": "Ann"}
    assert match(actual, {"role": "admin", "password": "#ignore"}, "not_contains") == []
    assert lines(match(actual, {"role": "user"}, "not_contains")) == [
        '$.role: expected not "user", got "user"'
    ]
    assert lines(match({"password": "x"}, {"password": "#present"}, "not_contains")) == [
        '$.password: expected not #present, got "x"'
    ]


def test_not_contains_elements_by_containment() -> None:
    actual = [{"id": 1, "name": "a"}, {"id": 2}]
    assert paths(match(actual, {"id": 1}, "not_contains")) == ["$[0]"]


def test_not_contains_scalars() -> None:
    assert match(1, 2, "not_contains") == []
    assert lines(match(None, "#null", "not_contains")) == ["$: expected not #null, got null"]


def test_not_contains_an_array_in_an_object_is_a_kind_mismatch() -> None:
    assert len(match({"a": 1}, [1], "not_contains")) == 1


# --- each ---------------------------------------------------------------------------------


def test_each_element_must_equal_the_template() -> None:
    items = [{"id": 1, "name": "a"}, {"id": "2", "name": "b"}, {"id": 3}]
    assert lines(match(items, {"id": "#number", "name": "#string"}, "each")) == [
        '$[1].id: expected #number, got "2"',
        "$[2].name: expected #string, got <missing>",
    ]
    assert match([1, 2], "#number", "each") == []


def test_each_on_an_empty_array_fails_unless_allowed() -> None:
    assert lines(match([], "#number", "each")) == [
        "$: expected a non-empty array, got [] "
        "(each fails on an empty array unless empty arrays are allowed with allow_empty=True)"
    ]
    assert match([], "#number", "each", allow_empty=True) == []
    assert len(match([], {"a": 1}, "each_contains")) == 1


def test_each_needs_an_array() -> None:
    assert lines(match({"a": 1}, "#number", "each")) == ['$: expected an array, got {"a":1}']


def test_each_contains_allows_extra_keys() -> None:
    items = [{"id": 1, "x": 1}, {"id": 2}]
    assert match(items, {"id": "#number"}, "each_contains") == []
    assert len(match(items, {"id": "#number"}, "each")) == 1


# --- markers inside documents ---------------------------------------------------------------


def test_markers_inside_nested_documents() -> None:
    actual = {
        "id": "123e4567-e89b-12d3-a456-426614174000",
        "created": "2024-02-29T13:05:00Z",
        "tags": [],
    }
    expected = {"id": "#uuid", "created": "#datetime", "tags": "#array", "deleted": "#notpresent"}
    assert match(actual, expected) == []


def test_optional_markers_accept_absent_and_null_keys() -> None:
    assert match({}, {"nick": "##string"}) == []
    assert match({"nick": None}, {"nick": "##string"}) == []
    assert lines(match({"nick": 5}, {"nick": "##string"})) == ["$.nick: expected ##string, got 5"]


def test_notpresent_on_a_present_key_shows_the_value() -> None:
    assert lines(match({"password": "s3"}, {"password": "#notpresent"})) == [
        '$.password: expected #notpresent, got "s3"'
    ]


def test_ignore_key_may_be_absent_in_equals() -> None:
    assert match({"a": 1}, {"a": 1, "b": "#ignore"}) == []


def test_missing_sentinel_lets_callers_test_an_absent_value() -> None:
    assert match(MISSING, "#notpresent") == []
    assert match(MISSING, "##number") == []
    assert lines(match(MISSING, 3)) == ["$: expected 3, got <missing>"]


# --- escapes ------------------------------------------------------------------------------


def test_escaped_hash_compares_literally() -> None:
    assert match({"color": "#fff"}, {"color": "\\#fff"}) == []
    assert lines(match({"color": "#000"}, {"color": "\\#fff"})) == [
        '$.color: expected "#fff", got "#000"'
    ]
    assert match("#string", "\\#string") == []
    assert match("\\#x", "\\\\#x") == []
    assert len(match("#string", "#string")) == 0  # a marker: any string matches
    assert len(match("abc", "\\#string")) == 1


def test_strings_with_a_backslash_but_no_hash_are_plain() -> None:
    assert match("\\n", "\\n") == []


def test_literal_escapes_every_string_in_a_document() -> None:
    data = {"#key": ["#ignore", "\\#x", "plain", {"c": "##string"}], "n": 1}
    assert literal(data) == {"#key": ["\\#ignore", "\\\\#x", "plain", {"c": "\\##string"}], "n": 1}
    assert match(data, literal(data)) == []
    assert len(match({**data, "n": 2}, literal(data))) == 1


# --- expectation errors -------------------------------------------------------------------


def test_unknown_marker_raises_naming_marker_path_and_valid_markers() -> None:
    with pytest.raises(StepInputError) as raised:
        match({"a": [1]}, {"a": ["#strng"]})
    message = str(raised.value)
    assert "'#strng'" in message
    assert "did you mean '#string'?" in message
    assert "$.a[0]" in message
    assert "#number" in message
    assert "#regex <pattern>" in message
    assert "\\#" in message
    assert isinstance(raised.value, KitError)
    assert isinstance(raised.value, ValueError)


def test_bad_marker_in_a_branch_never_reached_still_raises() -> None:
    with pytest.raises(StepInputError, match=r"\$\.b\.c"):
        match({}, {"a": 1, "b": {"c": "#nmber"}})
    with pytest.raises(StepInputError, match=r"\$\[1\]"):
        match([1, 2], [1, "#bool"], "contains_any")


@pytest.mark.parametrize(
    ("marker", "fragment"),
    [
        ("#regex [a-", "Invalid regular expression '[a-'"),
        ("#regex", "needs a pattern"),
        ("#regex ", "needs a pattern"),
        ("#string please", "takes no argument"),
        ("#[x]", "needs closed brackets with a whole number or nothing between them"),
        ("#[3", "needs closed brackets"),
        ("#[]#string", "after the brackets comes one space and a marker"),
        ("#[] string", "after the brackets comes one space and a marker"),
        ("#[] #strng", "Unknown fuzzy marker '#strng'"),
        ("#? >> 1", "'>> 1' is not a condition: write an operator and a number"),
        ("#? > ten", "is not a condition"),
        ("#?", "'' is not a condition"),
        ("#? between 5 and 1", "is an empty range: write the smaller number first"),
        ("#(foo)", "Unknown fuzzy marker"),
        ("#", "Unknown fuzzy marker '#'"),
        ("##", "Unknown fuzzy marker '##'"),
        ("#String", "did you mean '#string'?"),
    ],
)
def test_bad_markers_raise(marker: str, fragment: str) -> None:
    with pytest.raises(StepInputError, match=None) as raised:
        match("x", {"k": marker})
    assert fragment in str(raised.value)
    assert "(at $.k in the expected document)" in str(raised.value)


def test_unknown_mode_raises() -> None:
    with pytest.raises(StepInputError, match="Unknown match mode 'equal'"):
        match(1, 1, "equal")  # type: ignore[arg-type]


def test_every_documented_mode_is_accepted() -> None:
    for mode in MATCH_MODES:
        match([1], [1], mode)


# --- base_path, assert_match, formatting ----------------------------------------------------


def test_base_path_prefixes_mismatch_paths_and_errors() -> None:
    assert paths(match({"price": "1"}, {"price": "#number"}, base_path="$.items[2]")) == [
        "$.items[2].price"
    ]
    assert paths(match([1, "x"], "#number", "each", base_path="items")) == ["$.items[1]"]
    with pytest.raises(StepInputError, match=r"\$\.data\.k"):
        match({}, {"k": "#nope"}, base_path="data")


def test_assert_match_raises_an_assertion_error_listing_all_mismatches() -> None:
    with pytest.raises(MismatchError) as raised:
        assert_match({"a": 1, "b": 2}, {"a": 2, "b": 3}, subject="The response body")
    assert str(raised.value) == (
        "The response body does not match (equals): 2 mismatches:\n"
        "  $.a: expected 2, got 1\n"
        "  $.b: expected 3, got 2"
    )
    assert isinstance(raised.value, AssertionError)
    assert len(raised.value.mismatches) == 2
    assert_match({"a": 1}, {"a": "#number"})


def test_mismatch_str_with_and_without_reason() -> None:
    assert str(Mismatch("$.a", "#number", '"12"')) == '$.a: expected #number, got "12"'
    assert str(Mismatch("$.items", "[1,2,3]", "[1,2]", "expected 3 items, got 2")) == (
        "$.items: expected [1,2,3], got [1,2] (expected 3 items, got 2)"
    )


def test_format_mismatches_header_and_limit() -> None:
    many = [Mismatch(f"$[{i}]", "1", "2") for i in range(5)]
    assert format_mismatches(many[:1]) == "1 mismatch:\n  $[0]: expected 1, got 2"
    assert format_mismatches(many, limit=2) == (
        "5 mismatches:\n  $[0]: expected 1, got 2\n  $[1]: expected 1, got 2\n  ... and 3 more"
    )
    assert format_mismatches(many, limit=5).count("\n") == 5
    assert format_mismatches([]) == "no mismatches"


def test_describe_is_compact_json_and_truncates() -> None:
    assert describe({"a": [1, "x", None, True]}) == '{"a":[1,"x",null,true]}'
    assert describe("é") == '"é"'
    assert describe(MISSING) == "<missing>"
    long = describe("x" * 200)
    assert len(long) == 80
    assert long.endswith("…")
    assert describe({1, 2}) == "{1, 2}"
    assert describe(list(range(10)), limit=10) == "[0,1,2,3,…"

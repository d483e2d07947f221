"""Matching's error messages word for word: each names the problem and the fix."""

from __future__ import annotations

import pytest

from behave_live.errors import AmbiguousPath, PathNotFound, StepInputError
from behave_live.matching import Mismatch, compile_path, match, query_one, validate_schema
from behave_live.matching.conditions import ConditionSyntaxError, parse_condition
from behave_live.matching.markers import MARKER_NAMES, Marker, parse

_HELP = (
    "Valid markers: #string, #number, #boolean, #array, #object, #null, #notnull, #present, "
    "#notpresent, #ignore, #uuid, #date, #datetime, #regex <pattern>, #[] or #[3] (optionally "
    "followed by a marker for every element: #[] #string), #? <condition> (#? > 0, #? between "
    "1 and 5); prefix one with ## to also accept null or absent (##string). To compare a "
    'literal string that starts with "#", escape it as "\\#".'
)
_AFTER_BRACKETS = (
    "after the brackets comes one space and a marker that every element must match, like "
    "'#[3] #string' or '#[] #? > 0'"
)


def _marker_error(text: str) -> str:
    with pytest.raises(StepInputError) as error:
        parse(text, "$.k")
    return str(error.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("#strng", "Unknown fuzzy marker '#strng' (did you mean '#string'?)"),
        ("#xyzzy", "Unknown fuzzy marker '#xyzzy'"),
        ("#regex", "Marker '#regex' needs a pattern after one space, like '#regex [A-Z]{3}'"),
        ("#[]#string", f"Marker '#[]#string': {_AFTER_BRACKETS}"),
        ("#[] string", f"Marker '#[] string': {_AFTER_BRACKETS}"),
        ("#[]x#string", f"Marker '#[]x#string': {_AFTER_BRACKETS}"),
    ],
)
def test_a_bad_marker_is_named_with_where_it_is_and_every_valid_one(
    text: str, problem: str
) -> None:
    assert _marker_error(text) == f"{problem} (at $.k in the expected document). {_HELP}"


def test_a_near_miss_suggests_one_marker() -> None:
    # "#nul" is close to both #null and #notnull: one suggestion, the closest.
    assert "(did you mean '#null'?) (at" in _marker_error("#nul")


def test_the_parsed_markers_say_what_they_are() -> None:
    regex = parse("##regex a+")
    assert isinstance(regex, Marker)
    assert (regex.name, regex.optional, regex.text) == ("regex", True, "##regex a+")
    array = parse("##[2] #string")
    assert isinstance(array, Marker)
    assert (array.name, array.optional, array.length) == ("array", True, 2)
    assert array.element == parse("#string")
    condition = parse("##? > 1")
    assert isinstance(condition, Marker)
    assert (condition.optional, condition.text) == (True, "##? > 1")
    assert "regex" in MARKER_NAMES


def test_an_empty_range_shows_the_bounds_the_right_way_round() -> None:
    with pytest.raises(ConditionSyntaxError) as error:
        parse_condition("between 3 and 2")
    assert str(error.value) == (
        "'between 3 and 2' is an empty range: write the smaller number first (between 2 and 3)"
    )
    assert parse_condition("between 2 and 2").holds(2)


def test_an_empty_jsonpath_says_what_to_write() -> None:
    with pytest.raises(StepInputError) as error:
        compile_path(" ")
    assert str(error.value) == (
        "The JSONPath is empty: write $ for the whole document, or a path such as $.items[0].name."
    )


_RFC = (
    "Write RFC 9535 paths such as $.items[0].name, $['odd key'] or $.items[?@.price > 10]; "
    "the leading $. may be left out."
)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("a[", "Invalid JSONPath 'a[' (read as '$.a['): unbalanced brackets, line 1, column 4. "),
        ("$.a[", "Invalid JSONPath '$.a[': unbalanced brackets, line 1, column 4. "),
        (
            "$.headers.X-Trace",
            "Invalid JSONPath '$.headers.X-Trace': expected '.', '..' or a bracketed selection, "
            "found '-', line 1, column 11. Did you mean $.headers['X-Trace']? A name with a "
            "dash needs brackets and quotes: after a dot only letters, digits and _ are "
            "allowed. ",
        ),
        (
            # A dashed name, but the bracketed form would still be invalid: no suggestion.
            "$.a-b.c-d[?",
            "Invalid JSONPath '$.a-b.c-d[?': expected '.', '..' or a bracketed selection, "
            "found '-', line 1, column 3. ",
        ),
    ],
)
def test_an_invalid_jsonpath_is_named_with_the_fix(path: str, message: str) -> None:
    with pytest.raises(StepInputError) as error:
        compile_path(path)
    assert str(error.value) == message + _RFC


_ONE = (
    "where one was expected: add an index such as [0] or a filter such as [?@.id == 1], or "
    "compare them all as an array."
)


def test_an_ambiguous_path_lists_the_values_it_selected() -> None:
    with pytest.raises(AmbiguousPath) as error:
        query_one({"a": [1, 2]}, "$.a[*]")
    assert str(error.value) == f"JSONPath '$.a[*]' selected 2 values ($.a[0], $.a[1]) {_ONE}"


@pytest.mark.parametrize(("count", "more"), [(20, ""), (21, " and 1 more"), (25, " and 5 more")])
def test_an_ambiguous_path_lists_twenty_values_then_counts(count: int, more: str) -> None:
    with pytest.raises(AmbiguousPath) as error:
        query_one({"a": list(range(count))}, "$.a[*]")
    listed = ", ".join(f"$.a[{index}]" for index in range(20))
    assert str(error.value) == (
        f"JSONPath '$.a[*]' selected {count} values ({listed}{more}) {_ONE}"
    )


@pytest.mark.parametrize(
    ("document", "path", "deepest"),
    [
        ({"a": {}}, "$.a.b", "$.a, an empty object; the next step selects nothing there: $.a.b"),
        ({"a": []}, "$.a[0]", "$.a, an empty array; the next step selects nothing there: $.a[0]"),
        (
            {"a": [1]},
            "$.a[3]",
            "$.a, an array of 1 item (indexes 0 to 0); the next step selects nothing there: $.a[3]",
        ),
        (
            {"a": [1, 2]},
            "$.a[3]",
            "$.a, an array of 2 items (indexes 0 to 1); the next step selects nothing there: "
            "$.a[3]",
        ),
        (
            {"a": [{"b": 1}, {"b": 2}]},
            "$.a[*].c",
            '$.a[0] (and 1 other values the same path selects), an object with keys "b"; the '
            "next step selects nothing there: $.a[0].c",
        ),
        (
            {"a": [{"b": 1}, {"b": 2}, {"b": 3}]},
            "$.a[*].c",
            '$.a[0] (and 2 other values the same path selects), an object with keys "b"; the '
            "next step selects nothing there: $.a[0].c",
        ),
        (
            {"a": 1},
            "$['a','b'].c",
            "$.a, a number (1), which has no members; the next step selects nothing there: $.a.c",
        ),
    ],
)
def test_a_path_not_found_names_the_deepest_part_that_exists(
    document: object, path: str, deepest: str
) -> None:
    with pytest.raises(PathNotFound) as error:
        query_one(document, path)
    shown = repr(path)
    assert str(error.value) == (
        f"JSONPath {shown} matched nothing. The deepest part that exists is {deepest}."
    )


@pytest.mark.parametrize(("count", "more"), [(20, ""), (21, " and 1 more")])
def test_a_path_not_found_lists_twenty_keys_then_counts(count: int, more: str) -> None:
    with pytest.raises(PathNotFound) as error:
        query_one({"a": {str(index): index for index in range(count)}}, "$.a.zz")
    keys = ", ".join(f'"{index}"' for index in range(20))
    assert f"an object with keys {keys}{more}; the next" in str(error.value)


def test_a_schema_mismatch_shows_a_long_expected_value_cut_at_sixty_characters() -> None:
    [mismatch] = validate_schema({"a": "x"}, {"properties": {"a": {"const": "y" * 100}}})
    assert mismatch.expected == 'const "' + "y" * 58 + "…"
    assert len(mismatch.expected) == 6 + 60


def test_a_schema_that_is_not_an_object_is_named() -> None:
    with pytest.raises(StepInputError) as error:
        validate_schema(1, [1])
    assert str(error.value) == "A JSON Schema must be an object or a boolean, got [1]."


def test_a_schema_without_dollar_schema_is_read_as_draft_2020_12() -> None:
    # prefixItems exists from Draft 2020-12 on; an older draft would ignore it.
    schema = {"prefixItems": [{"type": "string"}]}
    assert validate_schema([1], schema) == [
        Mismatch("$[0]", 'type "string"', "1", "1 is not of type 'string'")
    ]


def test_date_time_is_checked_and_other_formats_still_are() -> None:
    schema = {"properties": {"t": {"format": "date-time"}, "e": {"format": "ipv4"}}}
    assert validate_schema({"t": "2024-01-01T00:00:00Z", "e": "127.0.0.1"}, schema) == []
    assert [m.path for m in validate_schema({"t": "2024-13-01T00:00:00Z"}, schema)] == ["$.t"]
    assert [m.path for m in validate_schema({"e": "300.0.0.1"}, schema)] == ["$.e"]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2016-12-31T23:59:60Z", True),
        ("2016-12-31T23:59:61Z", False),
        ("2024-01-01T00:00:00+23:59", True),
        ("2024-01-01T00:00:00+24:00", False),
        ("2024-01-01T00:00:00+23:60", False),
    ],
)
def test_datetime_bounds(value: str, valid: bool) -> None:
    assert (match(value, "#datetime") == []) is valid

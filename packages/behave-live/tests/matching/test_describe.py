"""How values, kinds and lists of mismatches read in failure messages."""

from __future__ import annotations

from behave_live.matching import MISSING, Mismatch, describe, format_mismatches
from behave_live.matching._values import kind, noun


def test_a_rendering_exactly_at_the_limit_is_shown_whole() -> None:
    assert describe("x" * 78) == '"' + "x" * 78 + '"'  # 80 characters with the quotes
    assert describe("x" * 79) == '"' + "x" * 78 + "…"


def test_a_limit_of_one_leaves_only_the_ellipsis() -> None:
    assert describe("abc", limit=1) == "…"


def test_a_value_that_is_not_json_is_named_by_its_python_type() -> None:
    assert kind({1, 2}) == "set"
    assert noun({1, 2}) == "a Python set"
    assert noun(3) == "a number"


def test_missing_reads_as_its_name_in_a_repr() -> None:
    # What pytest's diffs and a debugger show for a value that is not there.
    assert repr(MISSING) == "MISSING"
    assert repr([MISSING]) == "[MISSING]"


def test_fifty_mismatches_are_listed_whole_and_the_rest_counted() -> None:
    mismatches = [Mismatch(f"$[{index}]", "1", "2") for index in range(51)]

    lines = format_mismatches(mismatches).splitlines()

    assert lines[0] == "51 mismatches:"
    assert lines[50] == "  $[49]: expected 1, got 2"
    assert lines[51:] == ["  ... and 1 more"]
    assert format_mismatches(mismatches[:50]).splitlines()[-1] == "  $[49]: expected 1, got 2"

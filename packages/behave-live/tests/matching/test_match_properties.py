"""Property-based tests: any JSON value matches itself; one changed leaf is one mismatch."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from behave_live.matching import MATCH_MODES, literal, match, query_one
from behave_live.matching._paths import location_path
from behave_live.matching._values import kind

SETTINGS = settings(max_examples=200, deadline=None)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)
# Strings that can never read as markers or escapes, for the unescaped variant.
plain_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10).filter(lambda text: not text.lstrip("\\").startswith("#"))
)
keys = st.text(max_size=6)


def json_values(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=20,
    )


def leaves_of(
    value: Any, location: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], Any]]:
    """Every scalar or empty container, with its location."""
    if isinstance(value, dict) and value:
        return [leaf for key, item in value.items() for leaf in leaves_of(item, (*location, key))]
    if isinstance(value, list) and value:
        return [
            leaf for index, item in enumerate(value) for leaf in leaves_of(item, (*location, index))
        ]
    return [(location, value)]


def replaced(value: Any, location: tuple[str | int, ...], new: Any) -> Any:
    if not location:
        return new
    head, *rest = location
    if isinstance(value, dict):
        return {
            key: replaced(item, tuple(rest), new) if key == head else item
            for key, item in value.items()
        }
    return [
        replaced(item, tuple(rest), new) if index == head else item
        for index, item in enumerate(value)
    ]


def same_json(a: Any, b: Any) -> bool:
    return kind(a) == kind(b) and a == b


@SETTINGS
@given(json_values(scalars))
def test_any_value_matches_its_escaped_self(value: Any) -> None:
    expected = literal(value)
    for mode in ("equals", "contains", "contains_only", "contains_any"):
        if mode == "contains_any" and value in ([], {}):
            continue  # nothing to look for: an expectation error by design
        assert match(value, expected, mode) == [], mode


@SETTINGS
@given(json_values(plain_scalars))
def test_any_marker_free_value_matches_itself(value: Any) -> None:
    assert match(value, value) == []
    assert match(value, value, "contains") == []
    assert match(value, value, "contains_only") == []


@SETTINGS
@given(st.lists(json_values(scalars), min_size=1, max_size=5))
def test_each_element_equal_to_itself_and_arrays_in_any_order(items: list[Any]) -> None:
    assert match(items, literal(list(reversed(items))), "contains_only") == []
    assert match([items[0]] * 3, literal(items[0]), "each") == []


@SETTINGS
@given(json_values(scalars), st.data())
def test_one_changed_leaf_is_one_mismatch_at_its_path(value: Any, data: st.DataObject) -> None:
    location, old = data.draw(st.sampled_from(leaves_of(value)))
    new = data.draw(plain_scalars.filter(lambda candidate: not same_json(candidate, old)))
    changed = replaced(value, location, new)
    path = location_path(location)

    forward = match(changed, literal(value))
    backward = match(value, literal(changed))
    assert [mismatch.path for mismatch in forward] == [path]
    assert [mismatch.path for mismatch in backward] == [path]
    # The reported path is a real JSONPath leading back to the leaf.
    assert same_json(query_one(value, path), old)
    assert same_json(query_one(changed, path), new)


@SETTINGS
@given(json_values(scalars), st.sampled_from(MATCH_MODES))
def test_match_is_deterministic_and_never_crashes(value: Any, mode: Any) -> None:
    expected = literal(value)
    if mode == "contains_any" and value in ([], {}):
        return
    assert match(value, expected, mode, allow_empty=True) == match(
        value, expected, mode, allow_empty=True
    )

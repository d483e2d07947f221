"""JSONPath queries: values, nodes and paths, one-value lookups, and their errors."""

from __future__ import annotations

import pytest

from behave_live.errors import KitError
from behave_live.matching import (
    MISSING,
    AmbiguousPath,
    PathNotFound,
    StepInputError,
    compile_path,
    query,
    query_nodes,
    query_one,
    query_one_or_missing,
)

DOC = {
    "items": [
        {"id": 1, "name": "pen", "price": 3},
        {"id": 2, "name": "ink", "price": 12},
        {"id": 3, "name": "pad", "price": 7},
    ],
    "owner": {"name": "Ann", "odd key": True},
    "count": 3,
}


def test_query_returns_all_values_in_document_order() -> None:
    assert query(DOC, "$.items[*].id") == [1, 2, 3]
    assert query(DOC, "$.items[?@.price > 5].name") == ["ink", "pad"]
    assert query(DOC, "$..name") == ["pen", "ink", "pad", "Ann"]
    assert query(DOC, "$.nothing") == []


def test_root_may_be_left_out() -> None:
    assert query_one(DOC, "items[0].name") == "pen"
    assert query_one(DOC, ".count") == 3
    assert query_one(DOC, "[?@ == 3]") == 3
    assert query_one(DOC, "$") is DOC
    assert query_one(DOC, "  $.count ") == 3


def test_nodes_carry_kit_and_normalized_paths() -> None:
    nodes = query_nodes(DOC, "$.items[?@.price > 5].price")
    assert [node.path for node in nodes] == ["$.items[1].price", "$.items[2].price"]
    assert [node.normalized_path for node in nodes] == [
        "$['items'][1]['price']",
        "$['items'][2]['price']",
    ]
    assert [node.value for node in nodes] == [12, 7]
    [odd] = query_nodes(DOC, "$.owner['odd key']")
    assert odd.path == "$.owner['odd key']"
    assert odd.location == ("owner", "odd key")


def test_compile_path_is_reusable_and_keeps_the_text() -> None:
    compiled = compile_path("items[0].id")
    assert compiled.text == "items[0].id"
    assert compiled.expression == "$.items[0].id"
    assert query_one(DOC, compiled) == 1
    assert compile_path(compiled) is compiled


@pytest.mark.parametrize(
    "bad", ["$.items[", "items[?@.price > ]", "$.a b", "$[99999999999999999999]", "$.x[?foo(@)]"]
)
def test_invalid_paths_raise_with_the_library_reason(bad: str) -> None:
    with pytest.raises(StepInputError) as raised:
        compile_path(bad)
    message = str(raised.value)
    assert f"Invalid JSONPath {bad!r}" in message
    assert "$.items[0].name" in message  # an example of the right form
    assert isinstance(raised.value, KitError)


def test_invalid_path_names_how_it_was_read() -> None:
    with pytest.raises(StepInputError, match=r"read as '\$\.items\['\): unbalanced brackets"):
        query(DOC, "items[")


def test_empty_path_is_an_expectation_error() -> None:
    with pytest.raises(StepInputError, match="empty"):
        compile_path("  ")


def test_not_found_names_the_deepest_existing_parent() -> None:
    with pytest.raises(PathNotFound) as raised:
        query_one(DOC, "$.items[5].name")
    assert str(raised.value) == (
        "JSONPath '$.items[5].name' matched nothing. The deepest part that exists is $.items, "
        "an array of 3 items (indexes 0 to 2); the next step selects nothing there: "
        "$.items[5]."
    )
    assert isinstance(raised.value, LookupError)
    assert isinstance(raised.value, KitError)


def test_not_found_lists_the_keys_that_exist() -> None:
    with pytest.raises(
        PathNotFound,
        match=(
            r"\$\.owner, an object with keys \"name\", \"odd key\"; the next step selects "
            r"nothing there: \$\.owner\.nmae\.$"
        ),
    ):
        query_one(DOC, "owner.nmae")


def test_not_found_under_a_scalar_or_empty_container() -> None:
    with pytest.raises(PathNotFound, match=r"\$\.count, a number \(3\), which has no members"):
        query_one(DOC, "$.count.x")
    with pytest.raises(PathNotFound, match="an empty array"):
        query_one({"a": []}, "$.a[0]")
    with pytest.raises(PathNotFound, match=r"is \$, an empty object"):
        query_one({}, "$.a.b")


def test_not_found_with_a_filter() -> None:
    with pytest.raises(PathNotFound, match=r"nothing there: \$\.items\[\?@\['id'\] == 9\]\.$"):
        query_one(DOC, "$.items[?@.id == 9]")


def test_not_found_names_the_whole_path_to_the_failing_step() -> None:
    # The step is placed in the document ($.data.items[0].b), not left bare (['b']).
    document = {"data": {"items": [{"a": 1}]}, "x": {"odd key": {}}}
    with pytest.raises(PathNotFound, match=r"nothing there: \$\.data\.items\[0\]\.b\.$"):
        query_one(document, "data.items[0].b")
    with pytest.raises(PathNotFound, match=r"nothing there: \$\.x\['odd key'\]\.y\.$"):
        query_one(document, "$.x['odd key'].y")


@pytest.mark.parametrize(
    ("path", "suggestion"),
    [
        ("$.headers.X-Trace", "$.headers['X-Trace']"),
        ("headers.X-Trace-Id.value", "$.headers['X-Trace-Id'].value"),
        ("$..content-type", "$..['content-type']"),
    ],
)
def test_a_dashed_name_after_a_dot_suggests_brackets(path: str, suggestion: str) -> None:
    with pytest.raises(StepInputError) as raised:
        compile_path(path)
    assert f"Did you mean {suggestion}? A name with a dash needs brackets and quotes" in str(
        raised.value
    )


def test_no_bracket_hint_when_brackets_would_not_help() -> None:
    with pytest.raises(StepInputError) as raised:
        compile_path("$.a.-b")
    assert "Did you mean" not in str(raised.value)


def test_query_one_refuses_several_values() -> None:
    with pytest.raises(
        AmbiguousPath,
        match=r"selected 3 values \(\$\.items\[0\]\.id, \$\.items\[1\]\.id, \$\.items\[2\]\.id\)",
    ):
        query_one(DOC, "$.items[*].id")


def test_query_one_or_missing() -> None:
    assert query_one_or_missing(DOC, "$.nope") is MISSING
    assert query_one_or_missing(DOC, "$.count") == 3
    assert query_one_or_missing({"a": None}, "$.a") is None


def test_a_document_too_deep_for_a_descendant_query_is_named_with_the_reason() -> None:
    document: dict[str, object] = {}
    level = document
    for _ in range(200):
        level["a"] = level = {}

    with pytest.raises(StepInputError) as raised:
        query_nodes(document, "$..a")

    assert str(raised.value) == (
        "JSONPath '$..a' failed on the document: recursion limit exceeded, line 1, column 1."
    )


def test_a_missing_descendant_step_is_written_as_a_descendant_step() -> None:
    with pytest.raises(PathNotFound) as raised:
        query_one({"x": {"b": 1}}, "$.x..a")

    assert str(raised.value).endswith("the next step selects nothing there: $.x..['a'].")

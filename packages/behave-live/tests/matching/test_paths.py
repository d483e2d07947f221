"""JSONPath renderings of locations: valid RFC 9535 queries that select the node they name."""

from __future__ import annotations

import pytest

from behave_live.matching import query
from behave_live.matching._paths import child_path, with_root


def test_a_key_holding_a_double_quote_is_written_unescaped_and_selects_its_node() -> None:
    # In a single-quoted RFC 9535 string a double quote stands for itself; \" is invalid.
    path = child_path("$", 'say "hi"')

    assert path == "$['say \"hi\"']"
    assert query({'say "hi"': 1}, path) == [1]


def test_a_key_holding_a_single_quote_is_escaped() -> None:
    path = child_path("$", "it's")

    assert path == "$['it\\'s']"
    assert query({"it's": 2}, path) == [2]


@pytest.mark.parametrize(
    ("path", "rooted"),
    [
        ("$.items", "$.items"),
        (".items", "$.items"),
        ("[0]", "$[0]"),
        ("items[0]", "$.items[0]"),
        ("", "$"),
        ("  ", "$"),
    ],
)
def test_a_path_without_its_root_gets_one(path: str, rooted: str) -> None:
    assert with_root(path) == rooted

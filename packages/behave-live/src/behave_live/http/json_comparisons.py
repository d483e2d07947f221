"""Numeric checks on a JSON response: a value greater than, at least, between...; a count.

A value that is not a number fails saying what it is instead (``$.price: expected a number
greater than 10, got the string "12"``): JSON keeps ``"12"`` and ``12`` apart, and so do
these checks. A value that is not there fails saying where the path stops.
"""

from __future__ import annotations

from typing import Any

from behave_live.errors import ExchangeAssertionError
from behave_live.http.assertions import response_json
from behave_live.http.exchange import Exchange
from behave_live.http.json_assertions import JsonSelection, select
from behave_live.http.shown_values import shown_json
from behave_live.matching import MISSING, compile_path
from behave_live.matching._values import is_number, kind
from behave_live.matching.conditions import Condition

__all__ = ["assert_json_count", "assert_json_number"]


def assert_json_number(exchange: Exchange, path: str, condition: Condition) -> None:
    """Fail unless the JSON value at ``path`` is a number satisfying ``condition``."""
    selection = _selection(exchange, path)
    wanted = f"a number {condition.phrase}"
    actual = _present(exchange, selection, wanted)
    if not is_number(actual):
        raise ExchangeAssertionError(
            f"{selection.where}: expected {wanted}, got {_the(selection.where, actual)}.",
            exchange,
        )
    if not condition.holds(actual):
        raise ExchangeAssertionError(
            f"{selection.where}: expected {wanted}, got {shown_json(selection.where, actual)}.",
            exchange,
        )


def assert_json_count(exchange: Exchange, path: str, condition: Condition) -> None:
    """Fail unless the array at ``path`` has a number of elements satisfying ``condition``.

    A path with wildcards or filters counts the values it selects.
    """
    selection = _selection(exchange, path)
    wanted = f"{condition.phrase} element{'' if condition.bounds == (1,) else 's'}"
    actual = _present(exchange, selection, f"an array of {wanted}")
    if not isinstance(actual, list):
        raise ExchangeAssertionError(
            f"{selection.where}: expected an array of {wanted}, got "
            f"{_the(selection.where, actual)}, which is not an array.",
            exchange,
        )
    if not condition.holds(len(actual)):
        raise ExchangeAssertionError(
            f"{selection.where}: expected {wanted}, got {len(actual)}: "
            f"{shown_json(selection.where, actual, limit=200)}",
            exchange,
        )


def _selection(exchange: Exchange, path: str) -> JsonSelection:
    compile_path(path)  # an invalid path is reported before a body that is not JSON
    return select(response_json(exchange), path)


def _present(exchange: Exchange, selection: JsonSelection, wanted: str) -> Any:
    actual = selection.value
    if actual is MISSING:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected {wanted}, but {selection.not_found()}", exchange
        )
    return actual


def _the(path: str, value: Any) -> str:
    # "the string "12"" says both what came and why it does not compare.
    shown = shown_json(path, value)
    return shown if value is None else f"the {kind(value)} {shown}"

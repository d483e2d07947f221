"""Assertions about the JSON body of a response: values at JSONPaths, whole documents, schemas.

A JSONPath chooses what is checked. A *singular* path (names and indexes only, such as
``$.items[0].price``) selects at most one value, which is checked as it is. Any other path
(wildcards, filters, slices, descendants: ``$.items[*].price``) is read as the array of
every value it selects, so ``each``, ``contains`` and lengths work on it too. Either way,
every mismatch is reported at its place in the response (``$.items[2].price``), never at an
index of some intermediate list.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from behave_live.errors import ExchangeAssertionError
from behave_live.http.assertions import response_json
from behave_live.http.exchange import Exchange
from behave_live.http.shown_values import redact_mismatches, shown_json
from behave_live.matching import (
    MISSING,
    MatchMode,
    Mismatch,
    Node,
    PathNotFound,
    compile_path,
    describe,
    format_mismatches,
    match,
    query_nodes,
    query_one,
    validate_schema,
)

__all__ = [
    "JsonSelection",
    "assert_json",
    "assert_json_absent",
    "assert_json_array_contains",
    "assert_json_exists",
    "assert_json_length",
    "assert_json_schema",
    "assert_json_value",
    "select",
]

_EACH_MODES: Final = ("each", "each_contains")
_HEADLINES: Final[Mapping[MatchMode, str]] = {
    "equals": "{subject} is not the expected JSON",
    "contains": "{subject} does not contain the expected JSON",
    "contains_only": "{subject} does not contain exactly the expected values",
    "contains_any": "{subject} contains none of the expected values",
    "not_contains": "{subject} contains values it should not",
    "each": "Not every element of {subject_lower} matches the expected JSON",
    "each_contains": "Not every element of {subject_lower} contains the expected JSON",
}
_INDEXED: Final = re.compile(r"\$\[(\d+)\](.*)", re.DOTALL)
# Where a reason names a path of its own: "closest is $[1]: $[1].price: expected 5, got 4".
_REASON_PATH: Final = re.compile(r"(?:^|(?<=closest is )|(?<=: ))\$(?:\[\d+\])?")


@dataclass(frozen=True)
class JsonSelection:
    """What a JSONPath selected in a document, and how to place mismatches back into it.

    ``value`` is the one value of a singular path (:data:`MISSING` when absent) or the list
    of values of any other path; ``nodes`` holds every selected node with its location.
    """

    document: Any
    path: str
    expression: str
    singular: bool
    nodes: tuple[Node, ...]

    @property
    def value(self) -> Any:
        """The value to check: the single value (or MISSING), or the list of values."""
        if not self.singular:
            return [node.value for node in self.nodes]
        return self.nodes[0].value if self.nodes else MISSING

    @property
    def where(self) -> str:
        """Where the value is: its location (``$.items[0]``), or the path as written."""
        return self.nodes[0].path if self.singular and self.nodes else self.expression

    @property
    def subject(self) -> str:
        """How messages name the value: "The JSON response" or "The JSON value at $.x"."""
        if self.expression == "$":
            return "The JSON response"
        if self.singular:
            return f"The JSON value at {self.expression}"
        return f"The JSON selected by {self.expression}"

    def relocate(self, mismatches: Sequence[Mismatch]) -> list[Mismatch]:
        """Move mismatches found relative to ``value`` (paths from ``$``) into the document.

        Paths inside a reason ("closest is $[1]: $[1].price: ...") move too, so every path
        a message shows is a full one that can be pasted back into a step.
        """
        return [
            dataclasses.replace(
                item,
                path=self._locate(item.path),
                reason=_REASON_PATH.sub(lambda found: self._locate(found.group()), item.reason),
            )
            for item in mismatches
        ]

    def not_found(self) -> str:
        """Explain, for a path that selected nothing, the deepest part that does exist."""
        try:
            query_one(self.document, self.path)
        except PathNotFound as error:
            return str(error)
        return f"JSONPath {self.path!r} matched nothing."  # pragma: no cover - never reached

    def _locate(self, path: str) -> str:
        if self.singular:
            return self.where + path[1:]
        indexed = _INDEXED.fullmatch(path)
        if indexed is None:
            return self.expression + path[1:]
        return self.nodes[int(indexed.group(1))].path + indexed.group(2)


def select(document: Any, path: str) -> JsonSelection:
    """Select ``path`` in ``document``; raises StepInputError for an invalid JSONPath."""
    compiled = compile_path(path)
    return JsonSelection(
        document=document,
        path=path,
        expression=compiled.expression,
        singular=compiled.query.singular_query(),
        nodes=tuple(query_nodes(document, compiled)),
    )


def assert_json(
    exchange: Exchange,
    expected: Any,
    mode: MatchMode = "equals",
    *,
    path: str = "$",
    allow_empty: bool = False,
) -> None:
    """Fail unless the JSON at ``path`` matches ``expected`` in ``mode``, listing every mismatch.

    ``expected`` may hold fuzzy markers. The ``each`` modes fail on an empty array unless
    ``allow_empty``, so that an empty response cannot pass unnoticed.
    """
    selection = _select_checked(exchange, path, expected, mode)
    _check(exchange, selection, expected, mode, allow_empty=allow_empty)


def assert_json_value(exchange: Exchange, path: str, expected: Any) -> None:
    """Fail unless the JSON value at ``path`` equals ``expected`` (fuzzy markers allowed)."""
    assert_json(exchange, expected, "equals", path=path)


def assert_json_exists(exchange: Exchange, path: str) -> None:
    """Fail unless ``path`` selects at least one value (null counts: it is there)."""
    selection = _selection(exchange, path)
    if not selection.nodes:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected it to exist, but {selection.not_found()}", exchange
        )


def assert_json_absent(exchange: Exchange, path: str) -> None:
    """Fail if ``path`` selects anything."""
    selection = _selection(exchange, path)
    nodes = selection.nodes
    if len(nodes) == 1:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected it not to exist, "
            f"got {shown_json(nodes[0].path, nodes[0].value)} "
            f"at {nodes[0].path}.",
            exchange,
        )
    if nodes:
        listed = "\n".join(
            f"  {node.path}: {shown_json(node.path, node.value)}" for node in nodes[:20]
        )
        more = f"\n  ... and {len(nodes) - 20} more" if len(nodes) > 20 else ""
        raise ExchangeAssertionError(
            f"{selection.subject}: expected nothing, got {len(nodes)} values:\n{listed}{more}",
            exchange,
        )


def assert_json_length(exchange: Exchange, path: str, expected: int) -> None:
    """Fail unless the value at ``path`` has ``expected`` elements, members or characters.

    An array counts elements, an object its members, a string its characters; a path with
    wildcards or filters counts the values it selects.
    """
    selection = _selection(exchange, path)
    actual = selection.value
    if actual is MISSING:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected length {expected}, but {selection.not_found()}",
            exchange,
        )
    if not isinstance(actual, (list, dict, str)):
        raise ExchangeAssertionError(
            f"{selection.where}: expected an array, object or string of length {expected}, "
            f"got {shown_json(selection.where, actual)}, which has no length.",
            exchange,
        )
    if len(actual) != expected:
        raise ExchangeAssertionError(
            f"{selection.where}: expected length {expected}, got length {len(actual)}: "
            f"{shown_json(selection.where, actual, limit=200)}",
            exchange,
        )


def assert_json_array_contains(exchange: Exchange, path: str, expected: Any) -> None:
    """Fail unless the array at ``path`` has an element matching ``expected``.

    Given an array, every one of its elements must be found (in any order).
    """
    selection = _select_checked(exchange, path, expected, "contains")
    actual = selection.value
    if actual is not MISSING and not isinstance(actual, list):
        raise ExchangeAssertionError(
            f"{selection.where}: expected an array containing {describe(expected)}, "
            f"got {shown_json(selection.where, actual)}, which is not an array.",
            exchange,
        )
    _check(exchange, selection, expected, "contains", allow_empty=True)


def assert_json_schema(exchange: Exchange, schema: Any, *, path: str = "$") -> None:
    """Fail unless the JSON at ``path`` is valid against the JSON Schema ``schema``."""
    selection = _selection(exchange, path)
    actual = selection.value
    if actual is MISSING:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected a value valid against the schema, but "
            f"{selection.not_found()}",
            exchange,
        )
    mismatches = redact_mismatches(selection.relocate(validate_schema(actual, schema)))
    if mismatches:
        raise ExchangeAssertionError(
            f"{selection.subject} does not match the schema.\n{format_mismatches(mismatches)}",
            exchange,
        )


def _select_checked(exchange: Exchange, path: str, expected: Any, mode: MatchMode) -> JsonSelection:
    # Mistakes in the feature (a bad path, marker or regex) are reported before anything
    # about the response, which may well be wrong too.
    match(MISSING, expected, mode, allow_empty=True)
    return _selection(exchange, path)


def _selection(exchange: Exchange, path: str) -> JsonSelection:
    compile_path(path)  # an invalid path is reported before a body that is not JSON
    return select(response_json(exchange), path)


def _check(
    exchange: Exchange,
    selection: JsonSelection,
    expected: Any,
    mode: MatchMode,
    *,
    allow_empty: bool,
) -> None:
    actual = selection.value
    mismatches = redact_mismatches(
        selection.relocate(match(actual, expected, mode, allow_empty=True, base_path="$"))
    )
    if mismatches and actual is MISSING:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected {describe(expected)}, but {selection.not_found()}",
            exchange,
        )
    if mode in _EACH_MODES and actual == [] and not allow_empty:
        raise ExchangeAssertionError(
            f"{selection.subject}: expected a non-empty array, got []. An empty array fails "
            "an 'each' check, so that an empty response cannot pass unnoticed; when empty is "
            "fine, say so: each element ... should match (or be empty):",
            exchange,
        )
    if not mismatches:
        return
    if len(mismatches) == 1 and not isinstance(expected, (dict, list)):
        summary = str(mismatches[0])  # a scalar expectation: the one line says it all
    else:
        headline = _HEADLINES[mode].format(
            subject=selection.subject, subject_lower=_lower_first(selection.subject)
        )
        summary = f"{headline}.\n{format_mismatches(mismatches)}"
    raise ExchangeAssertionError(summary, exchange)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
